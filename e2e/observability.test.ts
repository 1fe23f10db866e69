import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { captureLogs, poolSizeOf, type RunningService } from '@credit-hub/kit';
import { personKey } from '@credit-hub/kit/codes';
import { createTestDatabase, makeIdNumber, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { HUB_CONSUMERS } from '@credit-hub/hub/events';
import { BUS_LOCK, OUTBOX_SCHEMAS } from '@credit-hub/kit/events';
import pg from 'pg';
import { bearer, startGatewayFor, startTestHub, tokenFor } from './support/hub.ts';
import { scrape } from './support/metrics.ts';

// Metrics and logs of real requests through the gateway and the subgraphs (docs/operations.md, "Metrics", "Logs").
let tdb: TestDatabase;
let hub: Hub;
let deadGateway: RunningService;
const company = makeUscc('91', '330106', 'MA2K0101');
const personName = '王建国';
const personId = makeIdNumber('330106', '19790311', '432');
const person = personKey(personId, 'observability-test-key');

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.createMany({
    data: [
      { code: company, name: '杭州观测数据有限公司', kind: 'ENTERPRISE', regionCode: '330106' },
      { code: person, name: personName, kind: 'NATURAL_PERSON', regionCode: '330106' },
    ],
  });
  await tdb.db.prisma.personIdentity.create({ data: { code: person, idNumber: personId } });
  await tdb.db.prisma.taxCreditRating.create({
    data: {
      subjectCode: company,
      regionCode: '330106',
      year: 2024,
      level: 'A',
      score: 95,
      evaluatedOn: new Date('2025-04-20'),
      authority: '国家税务总局杭州市西湖区税务局',
    },
  });
  hub = await startTestHub(tdb.url, tdb.db);
  // A gateway whose subgraphs are all unreachable: every fetch fails.
  const port = await closedPort();
  deadGateway = await startGatewayFor({ subject: `http://127.0.0.1:${port}/graphql` });
});

after(async () => {
  await deadGateway.close();
  await hub.close();
  await tdb.drop();
});

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const PROFILE = `query ObsProfile($code: ID!) { subject(code: $code) { name isALevelTaxpayer isMajorTaxViolator } }`;
const subgraphUrl = (name: keyof Hub['subgraphs']) => hub.subgraphs[name].service.url;

describe('metrics', () => {
  it('counts and times requests by operation and outcome on the gateway and the subgraphs it fetched from', async () => {
    const [gatewayBefore, taxBefore] = await Promise.all([scrape(hub.gatewayUrl), scrape(subgraphUrl('tax'))]);
    for (let i = 0; i < 3; i += 1) {
      const { status, body } = await postGraphQL(hub.gatewayUrl, PROFILE, { code: company });
      assert.equal(status, 200);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    }
    const [gateway, tax, subject] = await Promise.all([
      scrape(hub.gatewayUrl),
      scrape(subgraphUrl('tax')),
      scrape(subgraphUrl('subject')),
    ]);
    const delta = (after: typeof gateway, before: typeof gateway, name: string, labels: Record<string, string>) =>
      after.sum(name, labels) - before.sum(name, labels);

    const ok = { service: 'gateway', operation: 'ObsProfile', outcome: 'ok' };
    assert.equal(delta(gateway, gatewayBefore, 'credit_hub_graphql_requests_total', ok), 3);
    assert.equal(
      delta(gateway, gatewayBefore, 'credit_hub_graphql_request_duration_seconds_count', { operation: 'ObsProfile' }),
      3,
    );
    // One fetch per request to each department the query touches.
    assert.equal(
      delta(gateway, gatewayBefore, 'credit_hub_subgraph_fetch_duration_seconds_count', {
        subgraph: 'tax',
        outcome: 'ok',
      }),
      3,
    );
    assert.equal(
      delta(gateway, gatewayBefore, 'credit_hub_http_requests_total', { route: '/graphql', status: '200' }),
      3,
    );
    // The subgraph counts the gateway's operations to it, named after the client's (ObsProfile__tax__1).
    const taxOps = tax
      .samples('credit_hub_graphql_requests_total')
      .filter((s) => s.labels.operation?.startsWith('ObsProfile__tax') && s.labels.outcome === 'ok');
    const taxOpsBefore = taxBefore
      .samples('credit_hub_graphql_requests_total')
      .filter((s) => s.labels.operation?.startsWith('ObsProfile__tax') && s.labels.outcome === 'ok');
    const total = (rows: { value: number }[]) => rows.reduce((sum, r) => sum + r.value, 0);
    assert.equal(total(taxOps) - total(taxOpsBefore), 3);
    // Pool usage: the subject subgraph's pool has opened connections, within its maximum (the hub's share of the
    // default connection budget).
    const poolMax = poolSizeOf({ DATABASE_CONNECTION_BUDGET: 90, DATABASE_REPLICAS: 1 });
    assert.equal(subject.sum('credit_hub_db_pool_max', { service: 'subject' }), poolMax);
    const open = subject.sum('credit_hub_db_pool_connections', { service: 'subject', state: 'total' });
    assert.ok(open >= 1 && open <= poolMax, `open connections ${open}`);
    // Process series are there too.
    assert.ok(gateway.sum('credit_hub_process_resident_memory_bytes') > 0);
  });

  it('counts a refused request as an error with its code', async () => {
    const before = await scrape(hub.gatewayUrl);
    const { body } = await postGraphQL(hub.gatewayUrl, `query ObsBad { subject(code: "x") { name } }`);
    const code = body.errors?.[0]?.extensions?.code as string;
    assert.ok(code, JSON.stringify(body));
    const after = await scrape(hub.gatewayUrl);
    assert.equal(
      after.sum('credit_hub_graphql_errors_total', { code }) - before.sum('credit_hub_graphql_errors_total', { code }),
      1,
    );
    const notOk = (s: ReturnType<typeof after.samples>) =>
      s.filter((r) => r.labels.operation === 'ObsBad' && r.labels.outcome !== 'ok').reduce((t, r) => t + r.value, 0);
    assert.equal(
      notOk(after.samples('credit_hub_graphql_requests_total')) -
        notOk(before.samples('credit_hub_graphql_requests_total')),
      1,
    );
  });

  it('counts a failed subgraph fetch per department and code', async () => {
    const before = await scrape(deadGateway.url);
    const { body } = await postGraphQL(deadGateway.url, `query ObsDown { subject(code: "${company}") { name } }`);
    assert.equal(body.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    const after = await scrape(deadGateway.url);
    const labels = { subgraph: 'subject', code: 'SUBGRAPH_UNAVAILABLE' };
    assert.equal(
      after.sum('credit_hub_subgraph_fetch_errors_total', labels) -
        before.sum('credit_hub_subgraph_fetch_errors_total', labels),
      1,
    );
    assert.equal(
      after.sum('credit_hub_subgraph_fetch_duration_seconds_count', { subgraph: 'subject', outcome: 'failed' }) -
        before.sum('credit_hub_subgraph_fetch_duration_seconds_count', { subgraph: 'subject', outcome: 'failed' }),
      1,
    );
  });

  it('reports the event backlog per outbox and per consumer, counted at the scrape', async () => {
    // The test holds the relay's bus lock: the commitment's event stays in its outbox until released.
    const holder = new pg.Client({ connectionString: tdb.url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [BUS_LOCK]);
    try {
      const market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
      const { body } = await postGraphQL(
        hub.gatewayUrl,
        `mutation ObsCommit($i: CreditCommitmentInput!) { recordCreditCommitment(input: $i) { id } }`,
        {
          i: {
            subjectCode: company,
            kind: 'APPROVAL_NOTIFICATION',
            matter: '食品经营许可',
            content: '本公司承诺在取得许可后三个月内补交经营场所证明。',
            checkingDepartment: 'market',
            madeOn: '2026-01-05',
            termEndsOn: '2026-04-05',
          },
        },
        market,
      );
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const held = await scrape(subgraphUrl('commitment'));
      const [unrelayed] = (
        await holder.query<{ n: number }>('SELECT count(*)::int AS n FROM commitment.outbox WHERE relayed_at IS NULL')
      ).rows;
      assert.ok(unrelayed!.n >= 1);
      assert.equal(held.sum('credit_hub_event_backlog', { service: 'commitment', stream: 'outbox' }), unrelayed!.n);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [BUS_LOCK]);
      await holder.end();
    }
    // Relayed and consumed: every outbox and every consumer of the hub is a series, each at 0.
    await hub.events!.settle();
    const after = await scrape(hub.gatewayUrl);
    const series = after.samples('credit_hub_event_backlog');
    assert.deepEqual(
      series
        .filter((s) => s.labels.stream === 'bus')
        .map((s) => s.labels.service)
        .sort(),
      HUB_CONSUMERS.map((c) => c.name).sort(),
    );
    assert.deepEqual(
      series
        .filter((s) => s.labels.stream === 'outbox')
        .map((s) => s.labels.service)
        .sort(),
      [...OUTBOX_SCHEMAS].sort(),
    );
    for (const s of series) assert.equal(s.value, 0, `${s.labels.service}/${s.labels.stream} drained`);
  });
});

describe('logs', () => {
  it('carry the request id from the gateway into each subgraph, and no personal data', async () => {
    const officer = {
      ...bearer(await tokenFor({ role: 'officer', department: 'court', sub: 'court-officer-9' })),
      'x-purpose': encodeURIComponent('（2025）浙0106执588号'),
    };
    const ids = { search: randomUUID(), lookup: randomUUID(), get: randomUUID(), bad: randomUUID() };
    const capture = captureLogs('info');
    try {
      // A search by the person's name (the public never finds a person by name, but the name was sent).
      const search = await postGraphQL(
        hub.gatewayUrl,
        `query($q: String) { searchSubjects(query: $q, first: 5) { nodes { code } } }`,
        { q: personName },
        { 'x-request-id': ids.search },
      );
      assert.equal(search.status, 200);
      // An officer's lookup by ID number, whose answer carries the person's name.
      const lookup = await postGraphQL(
        hub.gatewayUrl,
        `query($id: String!) { subjectByIdNumber(idNumber: $id) { code name } }`,
        { id: personId },
        { ...officer, 'x-request-id': ids.lookup },
      );
      assert.equal((lookup.body.data as { subjectByIdNumber: { name: string } }).subjectByIdNumber.name, personName);
      // The same lookup as a GET: the ID number is in the query string.
      const query = new URLSearchParams({
        query: `query($id: String!) { subjectByIdNumber(idNumber: $id) { name } }`,
        variables: JSON.stringify({ id: personId }),
      });
      const get = await fetch(`${hub.gatewayUrl}?${query}`, {
        headers: {
          accept: 'application/json',
          'apollo-require-preflight': 'true',
          ...officer,
          'x-request-id': ids.get,
        },
      });
      assert.equal(get.status, 200);
      // A malformed ID number with the name beside it: refused, with the value in the request only.
      const bad = await postGraphQL(
        hub.gatewayUrl,
        `query($id: String!) { subjectByIdNumber(idNumber: $id) { name } }`,
        { id: `${personId.slice(0, 17)}Q${personName}` },
        { ...officer, 'x-request-id': ids.bad },
      );
      assert.ok(bad.body.errors?.length, JSON.stringify(bad.body));
      // The access lines are written when each answer has left; wait for the last subgraph's.
      for (let i = 0; i < 50 && !capture.lines.some((l) => l.includes(ids.bad) && l.includes('"gateway"')); i += 1)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      capture.stop();
    }
    const lines = capture.lines;
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(entries.length >= 8, `only ${entries.length} lines`);
    // Every line written while serving these requests carries a request id; each id reaches the subject subgraph.
    for (const entry of entries) assert.equal(typeof entry.requestId, 'string', JSON.stringify(entry));
    for (const id of Object.values(ids)) {
      const services = new Set(entries.filter((e) => e.requestId === id).map((e) => e.service));
      assert.ok(services.has('gateway'), `gateway lines for ${id}`);
    }
    for (const id of [ids.search, ids.lookup, ids.get]) {
      const services = new Set(entries.filter((e) => e.requestId === id).map((e) => e.service));
      assert.ok(services.has('subject'), `subject subgraph lines for ${id}: ${[...services].join(', ')}`);
    }
    const all = lines.join('\n');
    assert.ok(!all.includes(personName), 'the name is in the logs');
    assert.ok(!all.includes(personId), 'the ID number is in the logs');
    assert.ok(!all.includes(personId.slice(0, 17)), 'part of the ID number is in the logs');
    assert.ok(!all.includes(encodeURIComponent(personName)), 'the encoded name is in the logs');
  });
});
