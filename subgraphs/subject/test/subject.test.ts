import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertOk,
  callers,
  createTestDatabase,
  expectForbidden,
  initSeed,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { Prisma } from '@credit-hub/kit/db';
import { startSubjectSubgraph } from '../src/index.ts';
import { searchStatement } from '../src/reads.ts';

// Subject subgraph in-process over real HTTP against a real Postgres clone; each test file owns its data. The codes
// are fixed (made valid by makeUscc) because the search tests rely on their order and prefixes; the clone is this
// file's alone, so they cannot collide.
let tdb: TestDatabase;
let service: RunningService;
const huachuang = makeUscc('91', '330106', 'MA2H7K3A');
const binjiang = makeUscc('91', '330108', 'MA2J0001');
const ningbo = makeUscc('92', '330212', 'MA2N0002');
const bureau = makeUscc('11', '330106', '00250001');
let person: string;
let personId: string;

before(async () => {
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  await seed.subject({
    code: huachuang,
    name: '杭州华创信息科技有限公司',
    kind: 'ENTERPRISE',
    regionCode: '330106',
    industryCode: 'I',
    legalRepresentative: '王建明',
    establishedOn: new Date('2016-05-12'),
  });
  await seed.subject({
    code: binjiang,
    name: '杭州滨江智能科技有限公司',
    kind: 'ENTERPRISE',
    regionCode: '330108',
    industryCode: 'I',
    legalRepresentative: '李娜',
  });
  await seed.subject({
    code: ningbo,
    name: '鄞州区张记面馆',
    kind: 'INDIVIDUAL_BUSINESS',
    regionCode: '330212',
    industryCode: 'H',
    legalRepresentative: '张三丰',
  });
  await seed.subject({
    code: bureau,
    name: '杭州市西湖区市场监督管理局',
    kind: 'GOVERNMENT_BODY',
    regionCode: '330106',
    industryCode: null,
    legalRepresentative: null,
  });
  const chen = await seed.person({ name: '陈小明', regionCode: '330106' });
  person = chen.code;
  personId = chen.idNumber;
  service = await startSubjectSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

const query = (q: string, variables: Record<string, unknown> = {}) => postAs(service.url, callers.public, q, variables);

describe('subject(code)', () => {
  it('returns a subject with region chain, kind label and masked legal representative', async () => {
    const { body } = await query(
      `query($code: ID!) { subject(code: $code) { code name kind kindLabel legalRepresentative registrationStatus establishedOn region { code name fullName level } industry { code name } } }`,
      { code: huachuang },
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data?.subject, {
      code: huachuang,
      name: '杭州华创信息科技有限公司',
      kind: 'ENTERPRISE',
      kindLabel: '企业',
      legalRepresentative: '王*明',
      registrationStatus: 'ACTIVE',
      establishedOn: '2016-05-12',
      region: { code: '330106', name: '西湖区', fullName: '浙江省杭州市西湖区', level: 3 },
      industry: { code: 'I', name: '信息传输、软件和信息技术服务业' },
    });
  });

  it('accepts lower-case input and returns null for a valid unknown code', async () => {
    const unknown = makeUscc('91', '330106', 'MA2YYYY9');
    const { body } = await query(`query($code: ID!) { subject(code: $code) { code } }`, {
      code: unknown.toLowerCase(),
    });
    assert.equal(body.errors, undefined);
    assert.equal(body.data?.subject, null);
  });

  for (const [label, code, rule] of [
    ['too short', '91350100M000100Y4', 'LENGTH'],
    ['illegal character', '91350100M000100Y4Z', 'ILLEGAL_CHARACTER'],
    ['wrong check character', '91350100M000100Y44', 'CHECK_CHARACTER'],
    ['wrong organisation-code check', '91350100M000101Y43', 'ORGANISATION_CODE_CHECK'],
    ['malformed person key', 'NP12', 'PERSON_KEY_FORMAT'],
  ] as const) {
    it(`rejects a code with ${label} as BAD_USER_INPUT naming the rule`, async () => {
      const { status, body } = await query(`query($code: ID!) { subject(code: $code) { code } }`, { code });
      assert.equal(status, 200);
      const error = body.errors?.[0];
      assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(error?.extensions?.field, 'code');
      assert.equal(error?.extensions?.rule, rule);
      assert.match(error?.message ?? '', /统一社会信用代码|person key/);
    });
  }

  it('masks a natural person and never exposes the ID number', async () => {
    const { body } = await query(`query($code: ID!) { subject(code: $code) { code name kind } }`, { code: person });
    assert.deepEqual(body.data?.subject, { code: person, name: '陈*明', kind: 'NATURAL_PERSON' });
    assert.ok(!JSON.stringify(body).includes(personId));
  });
});

describe('searchSubjects', () => {
  const search = `query($q: String, $kind: SubjectKind, $region: String, $first: Int, $after: String) {
    searchSubjects(query: $q, kind: $kind, regionCode: $region, first: $first, after: $after) {
      totalCount nodes { code name } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('finds a two-character Chinese fragment anywhere in the name', async () => {
    const { body } = await query(search, { q: '科技' });
    const names = (body.data as any).searchSubjects.nodes.map((n: any) => n.name).sort();
    assert.deepEqual(names, ['杭州华创信息科技有限公司', '杭州滨江智能科技有限公司']);
    assert.equal((body.data as any).searchSubjects.totalCount, 2);
  });

  it('finds by a single character and by a fragment that spans the bigram boundary', async () => {
    const one = await query(search, { q: '面' });
    assert.deepEqual(
      (one.body.data as any).searchSubjects.nodes.map((n: any) => n.code),
      [ningbo],
    );
    const three = await query(search, { q: '华创信' });
    assert.deepEqual(
      (three.body.data as any).searchSubjects.nodes.map((n: any) => n.code),
      [huachuang],
    );
    const none = await query(search, { q: '创华' });
    assert.deepEqual((none.body.data as any).searchSubjects.nodes, []);
  });

  it('searches by code prefix and filters by kind and region (a city includes its districts)', async () => {
    const prefix = await query(search, { q: '9133' });
    assert.deepEqual(
      (prefix.body.data as any).searchSubjects.nodes.map((n: any) => n.code),
      [huachuang, binjiang],
    );
    const individual = await query(search, { q: '92' });
    assert.deepEqual(
      (individual.body.data as any).searchSubjects.nodes.map((n: any) => n.code),
      [ningbo],
    );
    const hangzhou = await query(search, { region: '330100', kind: 'ENTERPRISE' });
    assert.deepEqual(
      (hangzhou.body.data as any).searchSubjects.nodes.map((n: any) => n.code).sort(),
      [huachuang, binjiang].sort(),
    );
    const gov = await query(search, { kind: 'GOVERNMENT_BODY' });
    assert.deepEqual(
      (gov.body.data as any).searchSubjects.nodes.map((n: any) => n.code),
      [bureau],
    );
  });

  it('never lists natural persons by name or filter, only by their exact key', async () => {
    const byName = await query(search, { q: '陈小明' });
    assert.deepEqual((byName.body.data as any).searchSubjects.nodes, []);
    const byKind = await query(search, { kind: 'NATURAL_PERSON' });
    assert.deepEqual((byKind.body.data as any).searchSubjects.nodes, []);
    const byKey = await query(search, { q: person });
    assert.deepEqual((byKey.body.data as any).searchSubjects.nodes, [{ code: person, name: '陈*明' }]);
  });

  // The search reads its rows on the pool (not through Prisma, ADR 0132) and the look-up through rowsByKeys: both must
  // give a subject the same fields, its founding date above all (a date read in the process's time zone would shift).
  // The process runs east of China for the search (Node reads TZ again when it changes), where a date parsed as local
  // midnight falls on the day before in China time.
  it('answers every field of a found subject exactly as the look-up does', async () => {
    const fields = `code name kind kindLabel legalRepresentative registrationStatus establishedOn region { code } industry { code }`;
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    const found = await query(
      `query($q: String, $p: String!) { searchSubjects(query: $q) { nodes { ${fields} } } suggestSubjects(prefix: $p) { ${fields} } }`,
      { q: '华创信息', p: '杭州华创' },
    ).finally(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const looked = await query(`query($code: ID!) { subject(code: $code) { ${fields} } }`, { code: huachuang });
    assert.equal(found.body.errors, undefined);
    const subject = (looked.body.data as any).subject;
    assert.equal(subject.establishedOn, '2016-05-12');
    assert.deepEqual((found.body.data as any).searchSubjects.nodes, [subject]);
    assert.deepEqual((found.body.data as any).suggestSubjects, [subject]);
  });

  // ADR 0121: a name fragment of two characters or more walks the postings of its rarest pair in code order and
  // joins each to its subject by the primary key, with no sort (so the page stops the walk, however common the
  // word); one character is answered by the GIN index on name_grams (ADR 0004); a code prefix by the primary key
  // (code is COLLATE "C"). Sequential scans are priced out, as a million rows price them, because this table has five.
  it('walks the name postings in code order, one character on name_grams, a code prefix on the key (EXPLAIN)', async () => {
    const planOf = async (args: Parameters<typeof searchStatement>[0]) => {
      const { statement } = searchStatement(args);
      const [row] = await tdb.db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        return tx.$queryRaw<{ 'QUERY PLAN': unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${statement}`);
      });
      const indexes: string[] = [];
      // The nodes that produce the page, without the init plan that picks the rarest pair.
      const nodes: string[] = [];
      const walk = (node: any, main: boolean) => {
        const inMain = main && !['InitPlan', 'SubPlan'].includes(node['Parent Relationship']);
        if (inMain) nodes.push(`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`);
        if (node['Index Name']) indexes.push(node['Index Name']);
        for (const child of node.Plans ?? []) walk(child, inMain);
      };
      walk((row!['QUERY PLAN'] as any)[0].Plan, true);
      return { indexes: [...new Set(indexes)].sort(), nodes };
    };
    assert.deepEqual((await planOf({ query: '面' })).indexes, ['credit_subject_name_grams_idx']);
    assert.deepEqual((await planOf({ query: '9133' })).indexes, ['credit_subject_pkey']);
    // The postings' statistics and visibility map as autovacuum keeps them on a live register (migration 0074).
    await tdb.db.prisma.$executeRawUnsafe('VACUUM (ANALYZE) subject.name_posting');
    for (const args of [{ query: '科技' }, { query: '华创信' }, { query: '杭州华创信息科技' }, { query: '有限公司' }]) {
      const { indexes, nodes } = await planOf(args);
      // The rarest pair's choice counts postings on the same index (an init plan); the walk and the join follow.
      assert.deepEqual(indexes, ['credit_subject_pkey', 'name_posting_gram_code_idx'], args.query);
      // Limit → Nested Loop → (the postings in index order, the subject by its key): nothing that reads every match.
      assert.deepEqual(
        nodes.map((n) => n.replace(/^Index Only Scan/, 'Index Scan')),
        ['Limit', 'Nested Loop', 'Index Scan name_posting_gram_code_idx', 'Index Scan credit_subject_pkey'],
        args.query,
      );
    }
  });

  it('pages with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const { body } = await query(search, { first: 1, after });
      const page = (body.data as any).searchSubjects;
      seen.push(...page.nodes.map((n: any) => n.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(seen, [bureau, huachuang, binjiang, ningbo].sort());
  });

  for (const [label, variables, field, rule] of [
    ['negative first', { first: -1 }, 'first', 'RANGE'],
    ['huge first', { first: 100000 }, 'first', 'RANGE'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y!' }, 'after', 'CURSOR'],
    ['a malformed region', { region: '33' }, 'regionCode', 'FORMAT'],
    ['a one-letter code', { q: 'A' }, 'query', 'LENGTH'],
  ] as const) {
    it(`rejects ${label} with BAD_USER_INPUT`, async () => {
      const { status, body } = await query(search, variables);
      assert.equal(status, 200);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.field, field);
      assert.equal(body.errors?.[0]?.extensions?.rule, rule);
    });
  }

  it('rejects an unknown enum value with a validation error, not a 500', async () => {
    const { status, body } = await query(search, { kind: 'ALIEN' });
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(body.errors?.[0]?.message ?? '', /ALIEN/);
  });
});

describe('suggestSubjects (typeahead)', () => {
  const suggest = `query($p: String!, $first: Int) { suggestSubjects(prefix: $p, first: $first) { code name kind } }`;
  const codes = async (p: string, first?: number) =>
    ((await query(suggest, { p, first })).body.data as any).suggestSubjects.map((s: any) => s.code);

  it('suggests by name fragment, names beginning with it first, then shorter names, and by code prefix', async () => {
    // 杭州 begins three names: the two company names (12 characters each, so by code), then the bureau's (13).
    assert.deepEqual(await codes('杭州'), [huachuang, binjiang, bureau]);
    assert.deepEqual(await codes('面馆'), [ningbo]);
    // A fragment inside a name, after one that begins a name: 西湖 is inside the bureau's name only.
    assert.deepEqual(await codes('西湖'), [bureau]);
    assert.deepEqual(await codes(huachuang.slice(0, 10)), [huachuang]);
    assert.deepEqual(await codes('杭州', 1), [huachuang]);
  });

  it('never suggests a natural person, by name or by key', async () => {
    assert.deepEqual(await codes('陈小明'), []);
    assert.deepEqual(await codes('小明'), []);
    assert.deepEqual(await codes(person), []);
  });

  it('refuses an empty box and a page size out of range, naming the field', async () => {
    assertBadInput(await query(suggest, { p: '  ' }), 'prefix', 'REQUIRED');
    assertBadInput(await query(suggest, { p: '杭州', first: 11 }), 'first', 'RANGE');
    assertBadInput(await query(suggest, { p: 'x' }), 'prefix', 'LENGTH');
  });
});

describe('federation', () => {
  it('resolves _entities references in one statement for many keys', async () => {
    await query(`{ regions { code } }`); // reference data is cached per process: warm it first
    tdb.db.resetStatements();
    const { body } = await query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code name region { name } } } }`,
      {
        r: [huachuang, binjiang, ningbo, makeUscc('91', '330106', 'MA2YYYY9')].map((code) => ({
          __typename: 'CreditSubject',
          code,
        })),
      },
    );
    assert.equal(body.errors, undefined);
    const entities = (body.data as any)._entities;
    assert.deepEqual(
      entities.slice(0, 3).map((e: any) => e.code),
      [huachuang, binjiang, ningbo],
    );
    assert.equal(entities[3], null);
    // one statement for all the subjects; regions come from the reference cache
    assert.equal(tdb.db.statements(), 1);
  });
});

describe('RegionIntegrity (shared with court and 政务诚信)', () => {
  const region = `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionIntegrity { regionCode governmentBodyCount } } }`;
  const reps = ['330100', '330106', '330200', '330000'].map((regionCode) => ({
    __typename: 'RegionIntegrity',
    regionCode,
  }));

  it('counts government bodies and public institutions per region prefix, in one statement', async () => {
    tdb.db.resetStatements();
    const { body } = await postAs(service.url, callers.supervisor(), region, { r: reps });
    assert.equal(body.errors, undefined);
    assert.deepEqual(
      (body.data as any)._entities.map((e: any) => e.governmentBodyCount),
      [1, 1, 0, 1],
    );
    assert.equal(tdb.db.statements(), 1);
  });

  it('is for supervisors only', async () => {
    const { body } = await postAs(service.url, callers.officer('tax'), region, { r: reps.slice(0, 1) });
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('subjectByIdNumber (a person looked up by 居民身份证号码)', () => {
  const LOOKUP = `query($id: String!) { subjectByIdNumber(idNumber: $id) { code name kind } }`;
  const lookups = () => tdb.db.prisma.auditEntry.findMany({ where: { action: 'LOOKUP' }, orderBy: { seq: 'asc' } });

  it('finds the person for an officer with a stated purpose, and records the look-up', async () => {
    const before = (await lookups()).length;
    const found = assertOk(
      await postAs(service.url, callers.officer('court', '(2026)浙0106执123号'), LOOKUP, { id: personId }),
      'subjectByIdNumber',
    );
    assert.deepEqual(found, { code: person, name: '陈小明', kind: 'NATURAL_PERSON' });
    const recorded = (await lookups()).slice(before);
    assert.deepEqual(
      recorded.map((e) => [e.actor, e.subjectCode, JSON.parse(e.fields), e.purpose]),
      [['officer-court', person, ['Query.subjectByIdNumber'], '(2026)浙0106执123号']],
    );
  });

  it('answers null for a valid number nobody holds, and still records the look-up', async () => {
    const before = (await lookups()).length;
    const nobody = initSeed(tdb.db).idNumber('330106', '19900101');
    const answer = await postAs(service.url, callers.supervisor('抽查'), LOOKUP, { id: nobody });
    assert.equal(assertOk(answer, 'subjectByIdNumber'), null);
    const recorded = (await lookups()).slice(before);
    assert.deepEqual(
      recorded.map((e) => [e.actor, e.subjectCode]),
      [['supervisor-1', null]],
    );
  });

  it('refuses without a stated purpose (FORBIDDEN, PURPOSE_REQUIRED): no data, no look-up recorded', async () => {
    const before = (await lookups()).length;
    const error = expectForbidden(await postAs(service.url, callers.officer('court'), LOOKUP, { id: personId }));
    assert.equal(error.extensions?.reason, 'PURPOSE_REQUIRED');
    assert.equal((await lookups()).length, before);
  });

  it('refuses the public (SHARED): no data', async () => {
    expectForbidden(await postAs(service.url, callers.public, LOOKUP, { id: personId }), ['subjectByIdNumber']);
  });

  it('refuses an invalid ID number naming the rule, with no data', async () => {
    const broken = personId.slice(0, -1) + (personId.endsWith('0') ? '1' : '0');
    assertBadInput(
      await postAs(service.url, callers.officer('court', '执行'), LOOKUP, { id: broken }),
      'idNumber',
      'CHECK_DIGIT',
    );
  });
});

describe('regions (reference data)', () => {
  const REGIONS = `query($parent: String) { regions(parentCode: $parent) { code name fullName level } }`;

  it('lists the provinces without a parent, by code', async () => {
    const provinces = assertOk(await query(REGIONS), 'regions');
    assert.ok(provinces.length > 0);
    assert.ok(provinces.every((r: any) => r.level === 1 && r.code.endsWith('0000')));
    assert.deepEqual(
      provinces.map((r: any) => r.code),
      provinces.map((r: any) => r.code).sort(),
    );
    assert.deepEqual(
      provinces.find((r: any) => r.code === '330000'),
      { code: '330000', name: '浙江省', fullName: '浙江省', level: 1 },
    );
  });

  it("lists a city's districts with their full names", async () => {
    const districts = assertOk(await query(REGIONS, { parent: '330100' }), 'regions');
    assert.ok(districts.every((r: any) => r.level === 3 && r.code.startsWith('3301')));
    assert.deepEqual(
      districts.find((r: any) => r.code === '330106'),
      { code: '330106', name: '西湖区', fullName: '浙江省杭州市西湖区', level: 3 },
    );
  });

  it('answers an empty list under an unknown parent', async () => {
    assert.deepEqual(assertOk(await query(REGIONS, { parent: '999900' }), 'regions'), []);
  });

  it('names a subject registered under a division outside the reference data, rather than failing', async () => {
    const elsewhere = await initSeed(tdb.db).subject({ regionCode: '440106' });
    const subject = assertOk(
      await query(`query($c: ID!) { subject(code: $c) { region { code name fullName level } } }`, {
        c: elsewhere.code,
      }),
      'subject',
    );
    assert.deepEqual(subject.region, {
      code: '440106',
      name: '未知行政区划',
      fullName: '行政区划 440106',
      level: null,
    });
  });
});
