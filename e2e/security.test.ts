import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { fixClock, IDENTITY_HEADER, requestDigest, signIdentity, verifyAudit, type Identity } from '@credit-hub/kit';
import { personKey } from '@credit-hub/kit/codes';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, makeIdNumber, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { Safelist } from '@credit-hub/gateway/safelist';
import { readFileSync } from 'node:fs';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// The file stands on one day on which its 2024 ratings are in force (a rating of year Y counts until 30 April of
// Y+2 for tax, 31 December of Y+2 for environment), whatever the real date.
const restoreClock = fixClock('2026-03-15');

// The security model end to end: roles × fields, bypass attempts, abuse limits, audit trail.
let tdb: TestDatabase;
let hub: Hub;
const company = makeUscc('91', '330106', 'MA2K0001');
const violator = makeUscc('91', '330212', 'MA2K0002');
const personId = makeIdNumber('330106', '19850214', '217');
const person = personKey(personId, 'test-person-key-secret-000');
const responsibleId = makeIdNumber('330203', '19700521', '015');
let tokens: Record<'taxOfficer' | 'courtOfficer' | 'supervisor' | 'admin', Record<string, string>>;
const purpose = (text: string) => ({ 'x-purpose': encodeURIComponent(text) });

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.createMany({
    data: [
      {
        code: company,
        name: '杭州安信数据科技有限公司',
        kind: 'ENTERPRISE',
        regionCode: '330106',
        legalRepresentative: '孙明远',
      },
      {
        code: violator,
        name: '宁波兴隆贸易有限公司',
        kind: 'ENTERPRISE',
        regionCode: '330212',
        legalRepresentative: '钱大勇',
      },
      { code: person, name: '李秀英', kind: 'NATURAL_PERSON', regionCode: '330106' },
    ],
  });
  await tdb.db.prisma.personIdentity.create({ data: { code: person, idNumber: personId } });
  await tdb.db.prisma.taxCreditRating.createMany({
    data: [
      {
        subjectCode: company,
        regionCode: '330106',
        year: 2024,
        level: 'B',
        score: 82.5,
        evaluatedOn: new Date('2025-04-20'),
        authority: '国家税务总局杭州市西湖区税务局',
      },
      {
        subjectCode: violator,
        regionCode: '330212',
        year: 2024,
        level: 'D',
        score: null,
        evaluatedOn: new Date('2025-04-20'),
        authority: '国家税务总局宁波市鄞州区税务局',
      },
    ],
  });
  await tdb.db.prisma.majorTaxViolation.create({
    data: {
      subjectCode: violator,
      regionCode: '330212',
      taxpayerName: '宁波兴隆贸易有限公司',
      responsiblePersonName: '钱大勇',
      responsiblePersonSex: '男',
      responsiblePersonIdNumber: responsibleId,
      situation: 'TAX_EVASION',
      mainFacts: '采取虚假申报手段少缴增值税150万元，占应纳税额15%。',
      legalBasis: '《中华人民共和国税收征收管理法》第六十三条',
      penalty: '追缴税款并处一倍罚款',
      inspectingAuthority: '国家税务总局宁波市税务局第一稽查局',
      authorityCode: makeUscc('11', '330200', '00270001'),
      decisionServedOn: new Date('2025-06-03'),
      publishedOn: new Date('2025-07-10'),
      publicityEndsOn: new Date('2028-07-10'),
    },
  });
  hub = await startTestHub(tdb.url, tdb.db);
  tokens = {
    taxOfficer: bearer(await tokenFor({ role: 'officer', department: 'tax', sub: 'tax-officer-7' })),
    courtOfficer: bearer(await tokenFor({ role: 'officer', department: 'court', sub: 'court-officer-3' })),
    supervisor: bearer(await tokenFor({ role: 'supervisor', sub: 'supervisor-1' })),
    admin: bearer(await tokenFor({ role: 'admin', sub: 'admin-1' })),
  };
});

after(async () => {
  restoreClock();
  await hub.close();
  await tdb.drop();
});

const gql = (q: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  postGraphQL(hub.gatewayUrl, q, variables, headers);
const errorCodes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (body.errors ?? []).map((e) => e.extensions?.code);

const PROFILE = `query($c: ID!) { subject(code: $c) { name legalRepresentative isALevelTaxpayer
  taxCreditRatings { year level score } } }`;
const VIOLATOR = `query($c: ID!) { subject(code: $c) { isMajorTaxViolator majorTaxViolations { responsiblePersonName responsiblePersonIdNumber } } }`;

describe('roles × fields', () => {
  it('public: public fields, masked personal data, no shared data', async () => {
    const { body } = await gql(PROFILE, { c: company });
    const subject = (body.data as any).subject;
    assert.equal(subject.name, '杭州安信数据科技有限公司');
    assert.equal(subject.legalRepresentative, '孙*远');
    assert.equal(subject.isALevelTaxpayer, false);
    assert.equal(subject.taxCreditRatings, null);
    assert.deepEqual(errorCodes(body), ['FORBIDDEN']);
    const v = await gql(VIOLATOR, { c: violator });
    assert.deepEqual((v.body.data as any).subject.majorTaxViolations, [
      {
        responsiblePersonName: '钱*勇',
        // 54号令 hides the whole birth date (year included) of a tax black-list entry's ID number.
        responsiblePersonIdNumber: `${responsibleId.slice(0, 6)}********${responsibleId.slice(14)}`,
      },
    ]);
    const p = await gql(`query($c: ID!) { subject(code: $c) { name kind } }`, { c: person });
    assert.deepEqual((p.body.data as any).subject, { name: '李*英', kind: 'NATURAL_PERSON' });
  });

  it("officer of another department: shared levels yes, the tax department's scores no, personal data masked without purpose", async () => {
    const { body } = await gql(PROFILE, { c: company }, tokens.courtOfficer);
    const subject = (body.data as any).subject;
    assert.deepEqual(subject.taxCreditRatings, null === subject.taxCreditRatings ? null : subject.taxCreditRatings);
    assert.equal(subject.legalRepresentative, '孙*远');
    assert.deepEqual(errorCodes(body), ['FORBIDDEN']);
    assert.match(body.errors?.[0]?.message ?? '', /TaxCreditRating\.score/);
    const levels = await gql(
      `query($c: ID!) { subject(code: $c) { taxCreditRatings { year level } } }`,
      { c: company },
      tokens.courtOfficer,
    );
    assert.deepEqual((levels.body.data as any).subject.taxCreditRatings, [{ year: 2024, level: 'B' }]);
    // With a purpose the subject register's names are shown; the tax department's personal data is not.
    const withPurpose = await gql(
      PROFILE.replace(' taxCreditRatings { year level score }', ''),
      { c: company },
      { ...tokens.courtOfficer, ...purpose('（2025）浙0106执1234号 执行案件核查') },
    );
    assert.equal((withPurpose.body.data as any).subject.legalRepresentative, '孙明远');
    const v = await gql(VIOLATOR, { c: violator }, { ...tokens.courtOfficer, ...purpose('执行案件核查') });
    assert.equal((v.body.data as any).subject.majorTaxViolations[0].responsiblePersonName, '钱*勇');
  });

  it('owning department: scores, and with a purpose unmasked personal data', async () => {
    const { body } = await gql(PROFILE, { c: company }, tokens.taxOfficer);
    assert.equal(body.errors, undefined);
    assert.deepEqual((body.data as any).subject.taxCreditRatings, [{ year: 2024, level: 'B', score: 82.5 }]);
    const masked = await gql(VIOLATOR, { c: violator }, tokens.taxOfficer);
    assert.equal((masked.body.data as any).subject.majorTaxViolations[0].responsiblePersonName, '钱*勇');
    const full = await gql(
      VIOLATOR,
      { c: violator },
      { ...tokens.taxOfficer, ...purpose('稽查案件复核 宁税稽一〔2025〕18号') },
    );
    assert.deepEqual((full.body.data as any).subject.majorTaxViolations[0], {
      responsiblePersonName: '钱大勇',
      responsiblePersonIdNumber: responsibleId,
    });
  });

  it('supervisor reads everything but writes nothing', async () => {
    const { body } = await gql(PROFILE, { c: company }, tokens.supervisor);
    assert.equal(body.errors, undefined);
    assert.equal((body.data as any).subject.taxCreditRatings[0].score, 82.5);
    const log = await gql(`{ auditLog(first: 5) { nodes { actor action } } }`, {}, tokens.supervisor);
    assert.equal(log.body.errors, undefined);
    const write = await gql(
      `mutation { removeMajorTaxViolation(id: "1", input: { ground: DECISION_REVOKED, reason: "监管人员尝试" }) { id } }`,
      {},
      tokens.supervisor,
    );
    assert.deepEqual(errorCodes(write.body), ['FORBIDDEN']);
  });

  it('administrator manages API keys but reads no shared subject data', async () => {
    const created = await gql(
      `mutation { createApiKey(input: { name: "税务征管系统", department: "tax", scopes: [READ] }) { key apiKey { id department scopes } } }`,
      {},
      tokens.admin,
    );
    assert.equal(created.body.errors, undefined);
    const { key, apiKey } = (created.body.data as any).createApiKey;
    assert.match(key, /^chk_[A-Za-z0-9]{12}_/);
    assert.deepEqual(apiKey.scopes, ['READ']);
    const listed = await gql(`{ apiKeys(department: "tax") { id } }`, {}, tokens.admin);
    assert.ok((listed.body.data as any).apiKeys.some((k: any) => k.id === apiKey.id));
    const stored = await tdb.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    assert.notEqual(stored.hash, key);
    assert.ok(!JSON.stringify(stored).includes(key), 'the key itself is never stored');
    const shared = await gql(
      `query($c: ID!) { subject(code: $c) { taxCreditRatings { level } } }`,
      { c: company },
      tokens.admin,
    );
    assert.deepEqual(errorCodes(shared.body), ['FORBIDDEN']);
    for (const who of [tokens.taxOfficer, tokens.supervisor, {}]) {
      const refused = await gql(`{ apiKeys { id } }`, {}, who);
      assert.deepEqual(errorCodes(refused.body), ['FORBIDDEN']);
    }
  });

  it('administrator reads no supervisory data either: aggregates, lists, draws and the audit trail are the supervisors', async () => {
    // One SUPERVISOR-level query per subgraph that has them; each refused field is null with FORBIDDEN.
    const supervisory = [
      ['auditLog', `{ auditLog(first: 5) { nodes { actor } } }`],
      ['highFrequencyOffenders', `{ highFrequencyOffenders(first: 5) { nodes { subject { code } } } }`],
      ['governmentIntegrity', `{ governmentIntegrity(regionCode: "330100") { arrearsCount } }`],
      ['inspectionSamples', `{ inspectionSamples(first: 5) { nodes { id } } }`],
      ['creditCheckStatistics', `{ creditCheckStatistics(from: "2026-01-01", to: "2026-03-31") { checks } }`],
    ] as const;
    for (const [field, query] of supervisory) {
      const asAdmin = await gql(query, {}, tokens.admin);
      assert.equal((asAdmin.body.data as any)?.[field] ?? null, null, field);
      assert.deepEqual(errorCodes(asAdmin.body), ['FORBIDDEN'], field);
      assert.match(asAdmin.body.errors?.[0]?.message ?? '', /may be read only by a supervisor$/, field);
      const asSupervisor = await gql(query, {}, tokens.supervisor);
      assert.equal(asSupervisor.body.errors, undefined, `${field}: ${JSON.stringify(asSupervisor.body.errors)}`);
      assert.notEqual((asSupervisor.body.data as any)[field], null, field);
    }
    // Personal data stays masked for an administrator, purpose or not.
    const person = await gql(
      `query($c: ID!) { subject(code: $c) { name legalRepresentative } }`,
      { c: company },
      { ...tokens.admin, ...purpose('系统维护') },
    );
    assert.equal((person.body.data as any).subject.legalRepresentative, '孙*远');
  });

  it('departmental system: reads by scope, writes only with the write scope, refused once revoked', async () => {
    const make = async (scopes: string) =>
      (
        await gql(
          `mutation { createApiKey(input: { name: "税务系统", department: "tax", scopes: [${scopes}] }) { key apiKey { id } } }`,
          {},
          tokens.admin,
        )
      ).body.data as any;
    const reader = (await make('READ')).createApiKey;
    const asReader = { 'x-api-key': reader.key };
    const read = await gql(PROFILE, { c: company }, asReader);
    assert.equal(read.body.errors, undefined);
    assert.equal((read.body.data as any).subject.taxCreditRatings[0].score, 82.5);
    const write = `mutation($i: TaxCreditRatingInput!) { recordTaxCreditRating(input: $i) { level } }`;
    const input = {
      subjectCode: company,
      year: 2023,
      level: 'A',
      score: 93,
      evaluatedOn: '2024-04-18',
      authority: '国家税务总局杭州市西湖区税务局',
    };
    assert.deepEqual(errorCodes((await gql(write, { i: input }, asReader)).body), ['FORBIDDEN']);
    const writer = (await make('READ, WRITE')).createApiKey;
    const written = await gql(write, { i: input }, { authorization: `ApiKey ${writer.key}` });
    assert.equal(written.body.errors, undefined);
    const me = await gql(`{ me { role department scopes } }`, {}, asReader);
    assert.deepEqual((me.body.data as any).me, { role: 'SYSTEM', department: 'tax', scopes: ['READ'] });
    await gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: reader.apiKey.id }, tokens.admin);
    const revoked = await gql(PROFILE, { c: company }, asReader);
    assert.equal(revoked.status, 401);
    assert.deepEqual(errorCodes(revoked.body), ['UNAUTHENTICATED']);
    assert.match(revoked.body.errors?.[0]?.message ?? '', /revoked/);
  });
});

describe('bypass attempts', () => {
  const query = `{ subject(code: "${company}") { legalRepresentative } }`;

  it('a subgraph called directly, without the gateway, refuses', async () => {
    const direct = await postGraphQL(hub.subgraphs.subject.service.url, query);
    assert.equal(direct.status, 401);
    assert.deepEqual(errorCodes(direct.body), ['UNAUTHENTICATED']);
  });

  it('a forged internal header (wrong secret) or one replayed for another query is refused', async () => {
    const supervisor: Identity = {
      actor: 'mallory',
      role: 'SUPERVISOR',
      department: null,
      scopes: [],
      purpose: 'x',
      client: 'evil',
    };
    const forged = await signIdentity(supervisor, 'not-the-secret-of-this-hub-0123456789', requestDigest(query, {}));
    const refused = await postGraphQL(hub.subgraphs.subject.service.url, query, {}, { [IDENTITY_HEADER]: forged });
    assert.equal(refused.status, 401);
    const genuine = await signIdentity(supervisor, hub.internalSecret, requestDigest(`{ regions { code } }`, {}));
    const replayed = await postGraphQL(hub.subgraphs.subject.service.url, query, {}, { [IDENTITY_HEADER]: genuine });
    assert.equal(replayed.status, 401);
    assert.match(replayed.body.errors?.[0]?.message ?? '', /another request/);
  });

  it('expired, foreign, wrongly issued and malformed tokens are refused, never downgraded to public', async () => {
    const cases = [
      await tokenFor({ role: 'supervisor' }, { expiresIn: '-1m' }),
      await tokenFor({ role: 'supervisor' }, { secret: 'some-other-secret-that-is-long-enough-0000' }),
      await tokenFor({ role: 'supervisor' }, { issuer: 'someone-else' }),
      await tokenFor({ role: 'officer' }),
      await tokenFor({ role: 'root' }),
      'not.a.token',
    ];
    for (const token of cases) {
      const { status, body } = await gql(query, {}, bearer(token));
      assert.equal(status, 401, token);
      assert.deepEqual(errorCodes(body), ['UNAUTHENTICATED']);
    }
    const unknownKey = await gql(query, {}, { 'x-api-key': 'chk_AAAAAAAAAAAA_' + 'x'.repeat(43) });
    assert.equal(unknownKey.status, 401);
  });

  it("an officer cannot write another department's records", async () => {
    const [entry] = await tdb.db.prisma.majorTaxViolation.findMany({ where: { subjectCode: violator } });
    const { body } = await gql(
      `mutation($id: ID!) { removeMajorTaxViolation(id: $id, input: { ground: DECISION_REVOKED, reason: "法院工作人员尝试撤出" }) { status } }`,
      { id: entry!.id.toString() },
      tokens.courtOfficer,
    );
    assert.deepEqual(errorCodes(body), ['FORBIDDEN']);
    const unchanged = await tdb.db.prisma.majorTaxViolation.findUniqueOrThrow({ where: { id: entry!.id } });
    assert.equal(unchanged.status, 'PUBLISHED');
  });

  it('a write whose answer the caller would not accept (Accept: text/html) is refused before it runs', async () => {
    const write = (accept: string) =>
      fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...tokens.taxOfficer },
        body: JSON.stringify({
          query: `mutation($i: TaxCreditRatingInput!) { recordTaxCreditRating(input: $i) { level } }`,
          variables: {
            i: {
              subjectCode: company,
              year: 2021,
              level: 'B',
              score: 80,
              evaluatedOn: '2022-04-18',
              authority: '国家税务总局杭州市西湖区税务局',
            },
          },
        }),
      });
    const written = () => tdb.db.prisma.taxCreditRating.count({ where: { subjectCode: company, year: 2021 } });
    const refused = await write('text/html');
    assert.equal(refused.status, 406);
    assert.equal(await written(), 0, 'nothing was written');
    assert.equal(((await refused.json()) as any).errors[0].extensions.code, 'NOT_ACCEPTABLE');
    // The same write, accepting JSON, is valid and stored: the refusal above was the Accept header alone.
    const accepted = await write('application/json');
    assert.equal(accepted.status, 200, await accepted.clone().text());
    assert.equal(await written(), 1);
  });

  it('looking a person up by ID number needs a role and a stated purpose', async () => {
    const lookup = `query($id: String!) { subjectByIdNumber(idNumber: $id) { code name } }`;
    assert.deepEqual(errorCodes((await gql(lookup, { id: personId })).body), ['FORBIDDEN']);
    const noPurpose = await gql(lookup, { id: personId }, tokens.courtOfficer);
    assert.equal(noPurpose.body.errors?.[0]?.extensions?.reason, 'PURPOSE_REQUIRED');
    const found = await gql(lookup, { id: personId }, { ...tokens.courtOfficer, ...purpose('（2025）浙0106执588号') });
    assert.deepEqual((found.body.data as any).subjectByIdNumber, { code: person, name: '李秀英' });
    // The 15-digit first-generation number of the same person finds the same subject.
    const first = `${personId.slice(0, 6)}${personId.slice(8, 17)}`;
    const old = await gql(lookup, { id: first }, { ...tokens.courtOfficer, ...purpose('（2025）浙0106执588号') });
    assert.deepEqual((old.body.data as any).subjectByIdNumber, { code: person, name: '李秀英' });
  });
});

describe('abuse limits', () => {
  it('refuses a depth bomb, an alias bomb, too many directives and an oversized page', async () => {
    const deep = `{ majorTaxViolations { nodes { subject { majorTaxViolations { subject { majorTaxViolations { subject { majorTaxViolations { id } } } } } } } } }`;
    assert.deepEqual(errorCodes((await gql(deep)).body), ['DEPTH_LIMIT_EXCEEDED']);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`;
    assert.deepEqual(errorCodes((await gql(aliases)).body), ['ALIAS_LIMIT_EXCEEDED']);
    const directives = `{ regions { ${'code @include(if: true) '.repeat(12)} } }`;
    assert.deepEqual(errorCodes((await gql(directives)).body), ['DIRECTIVE_LIMIT_EXCEEDED']);
    const page = await gql(`{ searchSubjects(first: 5000) { nodes { code } } }`);
    assert.equal(page.status, 400);
    assert.equal(page.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(page.body.errors?.[0]?.extensions?.field, 'first');
  });

  it('refuses an operation whose cost (lists × their page size) is too high', async () => {
    const costly = `{ searchSubjects(first: 100) { nodes { code name region { name fullName } industry { name }
      majorTaxViolations { id taxpayerName mainFacts subject { code name } } } } }`;
    const { status, body } = await gql(costly);
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.code, 'COST_LIMIT_EXCEEDED');
  });

  it('refuses a huge body and a document with too many tokens', async () => {
    const huge = await gql(`{ regions { code } } # ${'x'.repeat(200_000)}`);
    assert.equal(huge.status, 413);
    assert.deepEqual(errorCodes(huge.body), ['PAYLOAD_TOO_LARGE']);
    const tokensBomb = await gql(`{ regions(parentCode: "330000") { ${'code '.repeat(3000)} } }`);
    assert.equal(tokensBomb.status, 400);
    assert.deepEqual(errorCodes(tokensBomb.body), ['TOKEN_LIMIT_EXCEEDED']);
  });

  it('refuses batched requests and CSRF-style simple requests', async () => {
    const batch = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ regions { code } }' }, { query: '{ regions { name } }' }]),
    });
    assert.equal(batch.status, 400);
    assert.equal(((await batch.json()) as any).errors[0].extensions.code, 'BATCHING_DISABLED');
    const simple = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: `{ subject(code: "${company}") { name } }` }),
    });
    assert.equal(simple.status, 415);
    const text = await simple.text();
    assert.equal(JSON.parse(text).errors[0].extensions.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(text, /cross-site request protection/i);
    assert.ok(!text.includes('杭州安信'));
    // A GET without a preflight-forcing header is what a cross-site <img> or link sends: refused.
    const get = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent('{ regions { code } }')}`);
    assert.equal(get.status, 400);
    assert.match(await get.text(), /Cross-Site Request Forgery/i);
  });

  it('limits requests per client, answering RATE_LIMITED', async () => {
    const limited = await startTestHub(tdb.url, tdb.db, {
      rateLimit: { windowSeconds: 60, anonymousPerWindow: 3, authenticatedPerWindow: 5 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await postGraphQL(limited.gatewayUrl, '{ regions { code } }')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const refused = await postGraphQL(limited.gatewayUrl, '{ regions { code } }');
      assert.deepEqual(errorCodes(refused.body), ['RATE_LIMITED']);
      // An authenticated client has its own, larger budget.
      const officer = await postGraphQL(limited.gatewayUrl, '{ regions { code } }', {}, tokens.taxOfficer);
      assert.equal(officer.status, 200);
    } finally {
      await limited.close();
    }
  });
});

describe('production mode', () => {
  let production: Hub;
  before(async () => {
    production = await startTestHub(tdb.url, tdb.db, { production: true });
  });
  after(async () => production.close());

  const safelisted = readFileSync(path.join(repoRoot, 'gateway/operations/SearchSubjects.graphql'), 'utf8');

  it('anonymous callers run only safelisted operations, by hash or by exact text', async () => {
    const adHoc = await postGraphQL(production.gatewayUrl, `{ searchSubjects(first: 5) { nodes { code } } }`);
    assert.equal(adHoc.status, 403);
    assert.deepEqual(errorCodes(adHoc.body), ['PERSISTED_QUERY_REQUIRED']);
    const byHash = await fetch(production.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { query: '安信', first: 5 },
        extensions: { persistedQuery: { version: 1, sha256Hash: Safelist.hash(safelisted) } },
      }),
    });
    const hashed = (await byHash.json()) as any;
    assert.equal(byHash.status, 200, JSON.stringify(hashed));
    assert.deepEqual(
      hashed.data.searchSubjects.nodes.map((n: any) => n.code),
      [company],
    );
    const byText = await postGraphQL(production.gatewayUrl, safelisted, { query: '安信' });
    assert.equal(byText.status, 200);
  });

  it('applies the same rule to GET: ad-hoc refused, published operations by hash or text run', async () => {
    const get = async (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const url = new URL(production.gatewayUrl);
      for (const [name, value] of Object.entries(params))
        url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      const response = await fetch(url, { headers: { 'apollo-require-preflight': '1', ...headers } });
      return { status: response.status, body: (await response.json()) as any };
    };
    const adHoc = await get({ query: `{ searchSubjects(first: 5) { nodes { code legalRepresentative } } }` });
    assert.equal(adHoc.status, 403);
    assert.deepEqual(errorCodes(adHoc.body), ['PERSISTED_QUERY_REQUIRED']);
    assert.equal(adHoc.body.data, undefined);
    // A published hash beside an ad-hoc document runs the published text, never the other one.
    const smuggled = await get({
      query: `{ searchSubjects(first: 5) { nodes { code legalRepresentative } } }`,
      variables: { query: '安信', first: 5 },
      extensions: { persistedQuery: { version: 1, sha256Hash: Safelist.hash(safelisted) } },
    });
    assert.equal(smuggled.status, 200);
    assert.deepEqual(
      smuggled.body.data.searchSubjects.nodes.map((n: any) => Object.keys(n).includes('legalRepresentative')),
      [false],
    );
    const byText = await get({ query: safelisted, variables: { query: '安信' } });
    assert.deepEqual(
      byText.body.data.searchSubjects.nodes.map((n: any) => n.code),
      [company],
    );
    const asOfficer = await get({ query: `{ searchSubjects(query: "安信") { nodes { code } } }` }, tokens.courtOfficer);
    assert.deepEqual(asOfficer.body.data.searchSubjects.nodes, [{ code: company }]);
  });

  it('with batching on, checks each member of a batch: the published one runs, an ad-hoc one is refused', async () => {
    const batching = await startTestHub(tdb.url, tdb.db, { production: true, allowBatching: true });
    try {
      const response = await fetch(batching.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            variables: { query: '安信' },
            extensions: { persistedQuery: { version: 1, sha256Hash: Safelist.hash(safelisted) } },
          },
          { query: `{ searchSubjects(query: "安信") { nodes { code legalRepresentative } } }` },
        ]),
      });
      const [published, adHoc] = (await response.json()) as any[];
      assert.deepEqual(
        published.data.searchSubjects.nodes.map((n: any) => n.code),
        [company],
      );
      assert.equal(adHoc.data, undefined);
      assert.deepEqual(errorCodes(adHoc), ['PERSISTED_QUERY_REQUIRED']);
    } finally {
      await batching.close();
    }
  });

  it('refuses an unknown hash and a documentId: nothing but a published operation runs anonymously', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(production.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const unknown = await post({
      query: `{ searchSubjects(first: 5) { nodes { code } } }`,
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    assert.equal(unknown.status, 400);
    assert.deepEqual(errorCodes(unknown.body), ['PERSISTED_QUERY_NOT_FOUND']);
    const documentId = await post({ documentId: `sha256:${Safelist.hash(safelisted)}` });
    assert.equal(documentId.status, 403);
    assert.deepEqual(errorCodes(documentId.body), ['PERSISTED_QUERY_REQUIRED']);
  });

  it('authenticated systems may send ad-hoc operations', async () => {
    const { status, body } = await postGraphQL(
      production.gatewayUrl,
      `{ searchSubjects(query: "安信") { nodes { code } } }`,
      {},
      tokens.courtOfficer,
    );
    assert.equal(status, 200);
    assert.deepEqual((body.data as any).searchSubjects.nodes, [{ code: company }]);
  });

  it('hides introspection, field suggestions and stack traces', async () => {
    const introspection = await postGraphQL(
      production.gatewayUrl,
      `{ __schema { types { name } } }`,
      {},
      tokens.courtOfficer,
    );
    assert.equal(introspection.body.data, undefined);
    assert.match(introspection.body.errors?.[0]?.message ?? '', /introspection/i);
    const typo = await postGraphQL(
      production.gatewayUrl,
      `{ searchSubject { nodes { code } } }`,
      {},
      tokens.courtOfficer,
    );
    assert.doesNotMatch(typo.body.errors?.[0]?.message ?? '', /Did you mean/);
    const failing = await postGraphQL(
      production.gatewayUrl,
      `{ subject(code: "91350100M000100Y44") { code } }`,
      {},
      tokens.courtOfficer,
    );
    assert.equal(failing.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.ok(!JSON.stringify(failing.body).includes('stacktrace'));
  });
});

describe('audit trail', () => {
  it('records non-public reads, unmasked personal reads, look-ups and writes with who, why and from where', async () => {
    const entries = await tdb.db.prisma.auditEntry.findMany({ orderBy: { seq: 'asc' } });
    const personal = entries.find((e) => e.action === 'READ_PERSONAL' && e.actor === 'tax-officer-7');
    assert.ok(personal, 'unmasked read by the tax officer');
    assert.equal(personal.subjectCode, violator);
    assert.equal(personal.role, 'OFFICER');
    assert.equal(personal.department, 'tax');
    assert.equal(personal.purpose, '稽查案件复核 宁税稽一〔2025〕18号');
    assert.match(personal.fields, /MajorTaxViolation\.responsiblePersonIdNumber/);
    assert.match(personal.client, /127\.0\.0\.1|::1/);
    const read = entries.find((e) => e.action === 'READ' && e.actor === 'court-officer-3' && e.subjectCode === company);
    assert.ok(read && read.fields.includes('CreditSubject.taxCreditRatings'));
    assert.ok(
      entries.some((e) => e.action === 'LOOKUP' && e.subjectCode === person && e.purpose === '（2025）浙0106执588号'),
    );
    assert.ok(
      entries.some((e) => e.action === 'WRITE' && e.fields.includes('Mutation.createApiKey') && e.actor === 'admin-1'),
    );
    assert.ok(
      entries.some(
        (e) => e.action === 'WRITE' && e.fields.includes('Mutation.recordTaxCreditRating') && e.role === 'SYSTEM',
      ),
    );
    // Public reads of public data leave no trail.
    assert.ok(
      !entries.some(
        (e) =>
          e.role === 'PUBLIC' &&
          e.action !== 'READ_PERSONAL' &&
          e.subjectCode === company &&
          e.fields.includes('CreditSubject.name'),
      ),
    );
  });

  it('records non-public lists even when only public fields of them are selected', async () => {
    await gql(
      `{ taxCreditRatings(year: 2024, level: D) { nodes { subject { code } } } }`,
      {},
      { ...tokens.courtOfficer, 'x-request-id': 'req-list-d' },
    );
    const entries = await tdb.db.prisma.auditEntry.findMany({ where: { requestId: 'req-list-d' } });
    assert.deepEqual(
      entries.map((e) => [e.action, e.subjectCode, JSON.parse(e.fields)]),
      [['READ', null, ['Query.taxCreditRatings']]],
    );
  });

  it("carries the client's request id from the gateway to the subgraphs' trail", async () => {
    await gql(
      `query($c: ID!) { subject(code: $c) { taxCreditRatings { level } } }`,
      { c: company },
      { ...tokens.courtOfficer, 'x-request-id': 'req-0042-trace' },
    );
    const entries = await tdb.db.prisma.auditEntry.findMany({ where: { requestId: 'req-0042-trace' } });
    assert.deepEqual(
      entries.map((e) => [e.subgraph, e.subjectCode, e.actor]),
      [['tax', company, 'court-officer-3']],
    );
  });

  it('can be queried by supervisors with filters', async () => {
    const { body } = await gql(
      `query($s: ID) { auditLog(subjectCode: $s, department: "tax", action: READ_PERSONAL) { nodes { actor subjectCode fields purpose } } }`,
      { s: violator },
      tokens.supervisor,
    );
    assert.equal(body.errors, undefined);
    const nodes = (body.data as any).auditLog.nodes;
    assert.ok(nodes.length >= 1);
    assert.ok(nodes.every((n: any) => n.subjectCode === violator));
    const denied = await gql(`{ auditLog { nodes { actor } } }`, {}, tokens.taxOfficer);
    assert.deepEqual(errorCodes(denied.body), ['FORBIDDEN']);
  });

  it('is append-only, and verification detects an altered or deleted entry', async () => {
    assert.equal((await verifyAudit(tdb.db)).ok, true);
    await assert.rejects(async () => {
      await tdb.db.prisma.$executeRaw`UPDATE audit.entry SET actor = 'nobody' WHERE seq = 1`;
    }, /append-only/);
    const run = promisify(execFile);
    const verify = () =>
      run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: tdb.url },
      });
    assert.match((await verify()).stdout, /intact/);
    // A superuser can switch the trigger off; the chain still tells.
    await tdb.db.prisma.$executeRawUnsafe('ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only');
    await tdb.db.prisma.$executeRaw`UPDATE audit.entry SET purpose = 'innocent' WHERE seq = 2`;
    const altered = await verifyAudit(tdb.db);
    assert.equal(altered.ok, false);
    assert.ok(altered.problems.some((p) => /entry 2 was altered/.test(p)));
    const tampered = await verify().then(
      (ok) => ({ code: 0, stderr: ok.stderr, stdout: ok.stdout }),
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    assert.equal(tampered.code, 1, tampered.stdout + tampered.stderr);
    assert.match(tampered.stderr, /TAMPERED/);
    await tdb.db.prisma.$executeRaw`DELETE FROM audit.entry WHERE seq = 3`;
    const deleted = await verifyAudit(tdb.db);
    assert.ok(deleted.problems.some((p) => /entries 3–3 are missing/.test(p)));
  });
});
