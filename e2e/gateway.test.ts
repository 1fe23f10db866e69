import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { composeServices } from '@apollo/composition';
import { fixClock, SUBGRAPHS, withCommonSdl } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { parse } from 'graphql';
import { startGateway } from '@credit-hub/gateway';
import { startTaxSubgraph } from '@credit-hub/subgraph-tax';
import type { Hub } from '@credit-hub/hub';
import { bearer, startGatewayFor, startTestHub, tokenFor } from './support/hub.ts';

// The file stands on one day on which its 2024 ratings are in force (a rating of year Y counts until 30 April of
// Y+2 for tax, 31 December of Y+2 for environment), whatever the real date.
const restoreClock = fixClock('2026-03-15');

// End to end: every subgraph and the gateway over real HTTP against a real Postgres clone.
let tdb: TestDatabase;
let hub: Hub;
let workDir: string;
let supergraphPath: string;

// 60 Hangzhou software companies with two years of tax ratings; one is on the black list.
const codes = Array.from({ length: 60 }, (_, i) => makeUscc('91', '330106', `MA2G${String(i).padStart(4, '0')}`));
const flagship = codes[0]!;

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.createMany({
    data: codes.map((code, i) => ({
      code,
      name: i === 0 ? '杭州西湖数智科技有限公司' : `杭州云栖${String(i).padStart(2, '0')}号软件有限公司`,
      kind: 'ENTERPRISE' as const,
      regionCode: '330106',
      industryCode: 'I',
      legalRepresentative: '周立新',
    })),
  });
  await tdb.db.prisma.taxCreditRating.createMany({
    data: codes.flatMap((code, i) => [
      {
        subjectCode: code,
        regionCode: '330106',
        year: 2023,
        level: 'B' as const,
        score: 80,
        evaluatedOn: new Date('2024-04-20'),
        authority: '国家税务总局杭州市西湖区税务局',
      },
      {
        subjectCode: code,
        regionCode: '330106',
        year: 2024,
        level: i === 0 ? ('A' as const) : ('B' as const),
        score: i === 0 ? 96 : 82,
        evaluatedOn: new Date('2025-04-20'),
        authority: '国家税务总局杭州市西湖区税务局',
      },
    ]),
  });
  await tdb.db.prisma.majorTaxViolation.create({
    data: {
      subjectCode: codes[1]!,
      regionCode: '330106',
      taxpayerName: '杭州云栖01号软件有限公司',
      situation: 'ABSCONDED',
      mainFacts: '经检查，该单位虚开增值税普通发票后走逃（失联）。',
      legalBasis: '《中华人民共和国税收征收管理法》第六十三条',
      penalty: '追缴税款并处罚款',
      inspectingAuthority: '国家税务总局杭州市税务局第二稽查局',
      authorityCode: makeUscc('11', '330100', '00260001'),
      decisionServedOn: new Date('2025-02-10'),
      publishedOn: new Date('2025-03-14'),
      publicityEndsOn: new Date('2028-03-14'),
    },
  });
  workDir = await mkdtemp(path.join(tmpdir(), 'credit-hub-gw-'));
  supergraphPath = path.join(workDir, 'supergraph.graphql');
  await copyFile(path.join(repoRoot, 'supergraph.graphql'), supergraphPath);
  hub = await startTestHub(tdb.url, tdb.db, { supergraphPath });
  officer = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
});

after(async () => {
  restoreClock();
  await hub.close();
  await tdb.drop();
  await rm(workDir, { recursive: true, force: true });
});

let officer: Record<string, string>;
// These tests read as a tax officer (tax levels are SHARED data, scores the tax department's own);
// security.test.ts covers what each role may and may not see.
const gql = (q: string, variables: Record<string, unknown> = {}) => postGraphQL(hub.gatewayUrl, q, variables, officer);

const SEARCH = `query($first: Int!) {
  searchSubjects(query: "杭州", regionCode: "330100", first: $first) {
    nodes { code name region { fullName } taxCreditRating { year level score } isALevelTaxpayer isMajorTaxViolator }
  }
}`;

describe('gateway', () => {
  it('answers its health endpoint', async () => {
    const response = await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/health'));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { status: string }).status, 'ok');
  });

  it('joins subject and tax for one subject profile', async () => {
    const { body } = await gql(
      `query($code: ID!) { subject(code: $code) { name kindLabel legalRepresentative region { fullName }
        taxCreditRatings { year level score } isALevelTaxpayer isMajorTaxViolator } }`,
      { code: flagship },
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data?.subject, {
      name: '杭州西湖数智科技有限公司',
      kindLabel: '企业',
      legalRepresentative: '周*新',
      region: { fullName: '浙江省杭州市西湖区' },
      taxCreditRatings: [
        { year: 2024, level: 'A', score: 96 },
        { year: 2023, level: 'B', score: 80 },
      ],
      isALevelTaxpayer: true,
      isMajorTaxViolator: false,
    });
  });

  it('returns a search page with tax fields, black-list status included', async () => {
    const { body } = await gql(SEARCH, { first: 5 });
    assert.equal(body.errors, undefined);
    const nodes = (body.data as any).searchSubjects.nodes;
    assert.equal(nodes.length, 5);
    assert.deepEqual(
      nodes.map((n: any) => n.code),
      [...codes].sort().slice(0, 5),
    );
    const blacklisted = await gql(
      `query($c: ID!) { subject(code: $c) { isMajorTaxViolator majorTaxViolations { situation } } }`,
      { c: codes[1] },
    );
    assert.deepEqual(blacklisted.body.data?.subject, {
      isMajorTaxViolator: true,
      majorTaxViolations: [{ situation: 'ABSCONDED' }],
    });
  });

  it('costs the same SQL statements per subgraph for 50 subjects as for 5', async () => {
    await gql(SEARCH, { first: 1 }); // warm the per-process reference-data cache
    hub.resetStatements();
    const five = await gql(SEARCH, { first: 5 });
    const small = hub.statements();
    hub.resetStatements();
    const fifty = await gql(SEARCH, { first: 50 });
    const large = hub.statements();
    assert.equal((five.body.data as any).searchSubjects.nodes.length, 5);
    assert.equal((fifty.body.data as any).searchSubjects.nodes.length, 50);
    // The officer's reads are audited: a constant few statements per request, whatever the page size.
    assert.deepEqual(large, small);
    // Public fields need no audit: the search in the subject subgraph, one statement for the tax entity fetch.
    const publicSearch = `query($first: Int!) { searchSubjects(query: "杭州", first: $first) { nodes { code name isALevelTaxpayer isMajorTaxViolator } } }`;
    hub.resetStatements();
    const anonymous = await postGraphQL(hub.gatewayUrl, publicSearch, { first: 50 });
    assert.equal((anonymous.body.data as any).searchSubjects.nodes.length, 50);
    // Every other subgraph (a department added later too) sends none.
    assert.deepEqual(hub.statements(), {
      ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, 0])),
      subject: 1,
      tax: 1,
    });
  });

  it('rejects bad input with codes and never a 500', async () => {
    const cases = [
      [`{ subject(code: "91350100M000100Y44") { code } }`, 'BAD_USER_INPUT'],
      [`{ searchSubjects(first: -5) { nodes { code } } }`, 'BAD_USER_INPUT'],
      [`{ searchSubjects(first: 1000000) { nodes { code } } }`, 'BAD_USER_INPUT'],
      [`{ searchSubjects(kind: ROBOT) { nodes { code } } }`, 'GRAPHQL_VALIDATION_FAILED'],
      [`{ taxCreditRatings(year: 2024, level: Z) { totalCount } }`, 'GRAPHQL_VALIDATION_FAILED'],
    ] as const;
    for (const [q, code] of cases) {
      const { status, body } = await gql(q);
      assert.ok(status < 500, `${q} answered ${status}`);
      assert.equal(body.errors?.[0]?.extensions?.code, code, q);
    }
  });

  it('serves the other departments when one subgraph is down, naming the missing one', async () => {
    await hub.subgraphs.tax.service.close();
    try {
      const { body } = await gql(`query($c: ID!) { subject(code: $c) { name isALevelTaxpayer } }`, { c: flagship });
      assert.deepEqual(body.data?.subject, { name: '杭州西湖数智科技有限公司', isALevelTaxpayer: null });
      assert.equal(body.errors?.length, 1);
      assert.equal(body.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.equal(body.errors?.[0]?.extensions?.serviceName, 'tax');
      assert.match(body.errors?.[0]?.message ?? '', /tax subgraph is unavailable/);
    } finally {
      hub.subgraphs.tax.service = await startTaxSubgraph({
        db: hub.subgraphs.tax.db,
        port: hub.subgraphs.tax.service.port,
        internalSecret: hub.internalSecret,
      });
    }
    const recovered = await gql(`query($c: ID!) { subject(code: $c) { isALevelTaxpayer } }`, { c: flagship });
    assert.deepEqual(recovered.body.data?.subject, { isALevelTaxpayer: true });
  });

  it('reloads the supergraph when the file changes', async () => {
    const services = await Promise.all(
      SUBGRAPHS.map(async ({ name }) => {
        let sdl = withCommonSdl(await readFile(path.join(repoRoot, 'subgraphs', name, 'schema.graphql'), 'utf8'));
        // A visible change: the subject subgraph stops offering `regions`.
        if (name === 'subject')
          sdl = sdl.replace(/\n\s*"""\n\s*Administrative divisions known[\s\S]*?@access\(level: PUBLIC\)\n/, '\n');
        return { name, url: hub.subgraphs[name].service.url, typeDefs: parse(sdl) };
      }),
    );
    const composed = composeServices(services);
    assert.equal(composed.errors, undefined);
    const before = await gql(`{ regions { code } }`);
    assert.equal(before.body.errors, undefined);
    await writeFile(supergraphPath, composed.supergraphSdl!);
    let after = before;
    for (let i = 0; i < 50 && after.body.errors === undefined; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      after = await gql(`{ regions { code } }`);
    }
    assert.equal(after.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  });
});

// A subgraph that answered with a refusal of ours said what went wrong: the gateway passes its code on with
// `serviceName` (gateway/src/subgraph-failure.ts); only a failure that is not such an answer is SUBGRAPH_UNAVAILABLE.
describe("a subgraph's own refusals through the gateway", () => {
  const PROFILE = `query($c: ID!) { subject(code: $c) { name taxCreditRatings { year level } } }`;
  const taxAuditEntries = async () => (await tdb.db.prisma.auditEntry.count({ where: { subgraph: 'tax' } })) as number;

  it('passes AUDIT_UNAVAILABLE on with serviceName: the department releases nothing, the rest arrives', async () => {
    // The audit store refuses the tax subgraph's entries (a trigger on this file's own database clone).
    await tdb.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION audit.refuse_tax_entries() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit store refuses the tax subgraph (test)'; END $$`,
    );
    await tdb.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_tax_entries BEFORE INSERT ON audit.entry FOR EACH ROW
       WHEN (NEW.subgraph = 'tax') EXECUTE FUNCTION audit.refuse_tax_entries()`,
    );
    const before = await taxAuditEntries();
    try {
      const { status, body } = await gql(PROFILE, { c: flagship });
      assert.equal(status, 200);
      assert.deepEqual(body.data?.subject, { name: '杭州西湖数智科技有限公司', taxCreditRatings: null });
      assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
      assert.equal(body.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE');
      assert.equal(body.errors?.[0]?.extensions?.serviceName, 'tax');
      assert.match(body.errors?.[0]?.message ?? '', /audit trail is unavailable; no data was released/);
      assert.equal(await taxAuditEntries(), before);
    } finally {
      await tdb.db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_tax_entries ON audit.entry`);
      await tdb.db.prisma.$executeRawUnsafe(`DROP FUNCTION audit.refuse_tax_entries()`);
    }
    // The same read with the audit store back: released, and its trail written.
    const { body } = await gql(PROFILE, { c: flagship });
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data?.subject, {
      name: '杭州西湖数智科技有限公司',
      taxCreditRatings: [
        { year: 2024, level: 'A' },
        { year: 2023, level: 'B' },
      ],
    });
    assert.ok((await taxAuditEntries()) > before);
  });

  it("passes a subgraph's UNAUTHENTICATED on with serviceName and the reason it refused the identity", async () => {
    // A gateway holding another internal secret than the subgraphs: every identity it signs is refused.
    const stranger = await startGatewayFor(
      Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
    );
    try {
      const { status, body } = await postGraphQL(stranger.url, `query($c: ID!) { subject(code: $c) { name } }`, {
        c: flagship,
      });
      assert.equal(status, 200);
      assert.deepEqual(body.data, { subject: null });
      assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
      assert.deepEqual(
        [body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.serviceName],
        ['UNAUTHENTICATED', 'subject'],
      );
      assert.equal(body.errors?.[0]?.extensions?.reason, 'BAD_SIGNATURE');
      assert.equal(body.errors?.[0]?.extensions?.stacktrace, undefined);
    } finally {
      await stranger.close();
    }
  });

  it("passes a subgraph's FORBIDDEN on with serviceName: the field is null, the rest arrives", async () => {
    const { status, body } = await postGraphQL(hub.gatewayUrl, PROFILE, { c: flagship });
    assert.equal(status, 200);
    assert.deepEqual(body.data?.subject, { name: '杭州西湖数智科技有限公司', taxCreditRatings: null });
    assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
    assert.deepEqual(
      [body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.serviceName],
      ['FORBIDDEN', 'tax'],
    );
  });

  // A port that cannot be bound used to leave the start waiting for ever (the integration pass hung on one): both kinds
  // of server reject with the bind error instead, and hold nothing open afterwards.
  it('fails the start of a gateway or a subgraph at once when its port is taken', async () => {
    const holder = http.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      await assert.rejects(
        startGateway({
          port,
          internalSecret: hub.internalSecret,
          subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
          auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
          stopOnTerminationSignals: false,
          log: () => undefined,
        }),
        { code: 'EADDRINUSE' },
      );
      await assert.rejects(
        startTaxSubgraph({
          db: hub.subgraphs.tax.db,
          port,
          internalSecret: hub.internalSecret,
          stopOnTerminationSignals: false,
        }),
        { code: 'EADDRINUSE' },
      );
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('turns an answer that is not ours (a proxy page, status 502) into SUBGRAPH_UNAVAILABLE naming the subgraph', async () => {
    const proxy = http.createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as AddressInfo;
    const gateway = await startGateway({
      port: 0,
      internalSecret: hub.internalSecret,
      subgraphUrls: {
        ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.service.url])),
        tax: `http://127.0.0.1:${port}/graphql`,
      },
      auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
      stopOnTerminationSignals: false,
      log: () => undefined,
    });
    try {
      const { body } = await postGraphQL(
        gateway.url,
        `query($c: ID!) { subject(code: $c) { name isALevelTaxpayer } }`,
        {
          c: flagship,
        },
      );
      assert.deepEqual(body.data?.subject, { name: '杭州西湖数智科技有限公司', isALevelTaxpayer: null });
      assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
      assert.deepEqual(
        [
          body.errors?.[0]?.extensions?.code,
          body.errors?.[0]?.extensions?.serviceName,
          body.errors?.[0]?.extensions?.status,
        ],
        ['SUBGRAPH_UNAVAILABLE', 'tax', 502],
      );
      assert.doesNotMatch(JSON.stringify(body), /Bad Gateway|html/);
    } finally {
      await gateway.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
