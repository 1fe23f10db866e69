import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { DEV_SECRETS, LOADER_ARGS, serviceArgs, V8_FLAGS } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import { personKey } from '@credit-hub/kit/codes';
import { createTestDatabase, makeIdNumber, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import pg from 'pg';
import { bearer, tokenFor } from './support/hub.ts';

// `npm start` with two workers (ADR 0114): the primary prepares the database and runs the event backbone, each worker
// is a gateway executing every subgraph in-process, both share the gateway's port. Representative requests of the
// other e2e files hold here too: the public sees a person's name masked, an officer's read is audited, a mutation is
// stored with its trail, a late department costs only its own fields; /metrics adds up every worker's series. Without
// Redis the workers share their limits and replay checks through the primary (ADR 0127): a client's limit is one
// whichever worker its connections land on, and a challenge solution is good once on either.
let tdb: TestDatabase;
let hub: ChildProcess;
let output = '';
let url: string;
const company = makeUscc('91', '330106', 'MA2W0001');
const personId = makeIdNumber('330106', '19850214', '217');
const person = personKey(personId, DEV_SECRETS.PERSON_KEY_SECRET);
// A batch credit check large enough to be spread over both workers (HUB_SPREAD_MIN below; ADR 0133), one of its
// subjects on the 经营异常名录 so that an answer put back at the wrong place shows.
const bidders = Array.from({ length: 150 }, (_, i) => makeUscc('91', '330106', `MA3P${String(i).padStart(4, '0')}`));
const LISTED_BIDDER = 77;

/** A request on a connection of its own: the cluster hands each new connection to the next worker. */
async function postOnNewConnection(query: string, headers: Record<string, string> = {}): Promise<number> {
  return (await answerOnNewConnection(query, headers)).status;
}

/** As postOnNewConnection, with the answer's body (its first error code, or OK). */
function answerOnNewConnection(
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; code: string; reason?: string }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', connection: 'close', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            errors?: { extensions?: { code?: string; reason?: string } }[];
          };
          const first = answer.errors?.[0]?.extensions;
          resolve({ status: response.statusCode ?? 0, code: first?.code ?? 'OK', reason: first?.reason });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.createMany({
    data: [
      {
        code: company,
        name: '杭州并行数据有限公司',
        kind: 'ENTERPRISE',
        regionCode: '330106',
        legalRepresentative: '周一鸣',
      },
      { code: person, name: '李秀英', kind: 'NATURAL_PERSON', regionCode: '330106' },
    ],
  });
  await tdb.db.prisma.personIdentity.create({ data: { code: person, idNumber: personId } });
  await tdb.db.prisma.creditSubject.createMany({
    data: bidders.map((code, i) => ({
      code,
      name: `杭州投标${i}号建设有限公司`,
      kind: 'ENTERPRISE',
      regionCode: '330106',
    })),
  });
  await tdb.db.prisma.abnormalOperation.create({
    data: {
      subjectCode: bidders[LISTED_BIDDER]!,
      regionCode: '330106',
      reason: 'ANNUAL_REPORT_NOT_FILED',
      listingAuthority: '杭州市西湖区市场监督管理局',
      listedOn: new Date('2026-07-15'),
    },
  });
  // Started the old way on purpose (no V8 flag, both of tsx's hooks): the workers must still start as every service
  // process does (below).
  hub = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: tdb.url,
      HUB_WORKERS: '2',
      // The primary chooses the shared port (below the kernel's ephemeral range) and prints it: a port probed free
      // here, in that range, could be taken by another test's connection before the workers bind it.
      GATEWAY_PORT: '0',
      SUBGRAPH_PORTS: 'ephemeral',
      DEMO_SUBJECTS: '0',
      // Entity fetches of 50 or more are cut into one part per worker (the default, 200, would need a larger batch).
      HUB_SPREAD_MIN: '50',
      WEB_BUILD: 'skip',
      LOG_LEVEL: 'warn',
      // The market's deadline: its read waits on a lock this test holds (below).
      SUBGRAPH_TIMEOUT_MS_MARKET: '1500',
      // Small limits, so that the shared ones show (below), and a cheap puzzle.
      RATE_LIMIT_AUTHENTICATED: '5',
      SEARCH_CHALLENGE_AFTER: '2',
      ALTCHA_COST: '1',
      ALTCHA_MAX_NUMBER: '1000',
    },
  });
  url = await new Promise<string>((resolve, reject) => {
    // A bound on the start, so a hub that cannot start fails this file with its output instead of holding the run.
    const deadline = setTimeout(
      () => reject(new Error(`the hub was not ready within 180 s:\n${output}`)),
      180_000,
    ).unref();
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = /gateway ready: (http:\/\/\S+\/graphql)/.exec(output);
      if (ready) {
        clearTimeout(deadline);
        resolve(ready[1]!);
      }
    };
    hub.stdout!.on('data', onData);
    hub.stderr!.on('data', onData);
    hub.once('exit', (code) => reject(new Error(`the hub ended (${code}) before it was ready:\n${output}`)));
  });
});

after(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub.once('exit', resolve));
    hub.kill('SIGTERM');
    await exited;
  }
  await tdb?.drop();
});

describe('the all-in-one hub with two workers', () => {
  it('started two workers sharing the gateway port, the backbone once in the primary', () => {
    assert.match(output, /gateway ready: .*2 workers/);
  });

  it("starts each worker with the kit's V8 flags and tsx's ESM hook alone, whatever the primary was started with", () => {
    // Linux's /proc: the processes whose parent is the primary, and the command line each was started with.
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return parent === hub.pid ? [readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)] : [];
        } catch {
          return []; // ended meanwhile
        }
      })
      .filter((argv) => argv.includes('scripts/start.ts') || argv.some((part) => part.endsWith('/scripts/start.ts')));
    assert.equal(children.length, 2, `two workers: ${JSON.stringify(children)}`);
    const own = readFileSync(`/proc/${hub.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of V8_FLAGS) assert.ok(!own.includes(flag), `the primary itself was started without ${flag}`);
    for (const argv of children) {
      for (const flag of V8_FLAGS) assert.ok(argv.includes(flag), `a worker runs with ${flag}: ${argv.join(' ')}`);
      const loaders = argv.flatMap((part, i) => (part === '--import' || part === '--require' ? [argv[i + 1]] : []));
      assert.deepEqual(loaders, [LOADER_ARGS[1]], `a worker loads tsx's ESM hook alone: ${argv.join(' ')}`);
    }
  });

  it("masks a person's name for the public", async () => {
    const { body } = await postGraphQL(url, `query($c: ID!) { subject(code: $c) { name kind } }`, { c: person });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).subject, { name: '李*英', kind: 'NATURAL_PERSON' });
  });

  it("audits an officer's look-up by ID number, with the purpose and the request id", async () => {
    const officer = bearer(
      await tokenFor(
        { role: 'officer', department: 'court', sub: 'court-officer-w' },
        { secret: DEV_SECRETS.AUTH_JWT_SECRET },
      ),
    );
    const { body } = await postGraphQL(
      url,
      `query($id: String!) { subjectByIdNumber(idNumber: $id) { code name } }`,
      { id: personId },
      { ...officer, 'x-purpose': encodeURIComponent('（2025）浙0106执901号'), 'x-request-id': 'req-workers-lookup' },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual((body.data as any).subjectByIdNumber, { code: person, name: '李秀英' });
    const entries = await tdb.db.prisma.auditEntry.findMany({ where: { requestId: 'req-workers-lookup' } });
    // The look-up itself, and the unmasked name it read (the subject register's entries for this request).
    const seen = entries.map((e) => [e.action, e.actor, e.subjectCode, e.purpose]);
    for (const action of ['LOOKUP', 'READ_PERSONAL'])
      assert.ok(
        seen.some(
          (e) => JSON.stringify(e) === JSON.stringify([action, 'court-officer-w', person, '（2025）浙0106执901号']),
        ),
        `${action} entry in ${JSON.stringify(seen)}`,
      );
  });

  it('stores a mutation with its audit entry', async () => {
    const admin = bearer(await tokenFor({ role: 'admin', sub: 'admin-w' }, { secret: DEV_SECRETS.AUTH_JWT_SECRET }));
    const { body } = await postGraphQL(
      url,
      `mutation { createApiKey(input: { name: "并行测试系统", department: "tax", scopes: [READ] }) { apiKey { id } } }`,
      {},
      admin,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const id = (body.data as any).createApiKey.apiKey.id;
    assert.ok(await tdb.db.prisma.apiKey.findUnique({ where: { id } }));
    const writes = await tdb.db.prisma.auditEntry.findMany({ where: { action: 'WRITE', actor: 'admin-w' } });
    assert.ok(writes.some((e) => e.fields.includes('Mutation.createApiKey')));
  });

  it("answers without a late department's fields, naming it, while its read is still held", async () => {
    // The market subgraph's read waits on this lock: it cannot answer before the test lets it go.
    const blocker = new pg.Client({ connectionString: tdb.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE market.abnormal_operation IN ACCESS EXCLUSIVE MODE');
      const { body } = await postGraphQL(
        url,
        `query($c: ID!) { subject(code: $c) { code name isInAbnormalOperationList } }`,
        { c: company },
      );
      const subject = (body.data as any).subject;
      assert.equal(subject.code, company);
      assert.equal(subject.name, '杭州并行数据有限公司');
      assert.equal(subject.isInAbnormalOperationList, null);
      assert.deepEqual(
        body.errors?.map((e) => [e.extensions?.code, e.extensions?.serviceName, e.extensions?.reason]),
        [['SUBGRAPH_UNAVAILABLE', 'market', 'TIMEOUT']],
      );
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const { body } = await postGraphQL(url, `query($c: ID!) { subject(code: $c) { isInAbnormalOperationList } }`, {
      c: company,
    });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal((body.data as any).subject.isInAbnormalOperationList, false);
  });

  it('spreads a large batch check over both workers and answers it in order, each check recorded and audited once', async () => {
    const housing = bearer(
      await tokenFor(
        { role: 'officer', department: 'housing', sub: 'housing-spread' },
        { secret: DEV_SECRETS.AUTH_JWT_SECRET },
      ),
    );
    const { body } = await postGraphQL(
      url,
      `query($codes: [ID!]!) { creditCheckSubjects(codes: $codes) { code
        creditCheck(matter: PUBLIC_PROCUREMENT, reference: "spread-tender") { id action lists { list } } } }`,
      { codes: bidders },
      { ...housing, 'x-request-id': 'req-workers-spread' },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const answered = (body.data as any).creditCheckSubjects as {
      code: string;
      creditCheck: { id: string; action: string; lists: { list: string }[] };
    }[];
    assert.deepEqual(
      answered.map((a) => a.code),
      bidders,
    );
    // Each part's answers at their own subjects' places: only the listed bidder is reminded of its listing.
    answered.forEach((a, i) => {
      if (i === LISTED_BIDDER) {
        assert.equal(a.creditCheck.action, 'REMIND');
        assert.deepEqual(a.creditCheck.lists, [{ list: 'ABNORMAL_OPERATION' }]);
      } else assert.deepEqual([a.creditCheck.action, a.creditCheck.lists], ['CLEAR', []], `bidder ${i}`);
    });
    const stored = await tdb.db.prisma.creditCheck.findMany({ where: { reference: 'spread-tender' } });
    assert.equal(stored.length, bidders.length);
    assert.deepEqual(new Set(stored.map((c) => c.id)), new Set(answered.map((a) => a.creditCheck.id)));
    assert.deepEqual(new Set(stored.map((c) => c.requestId)), new Set(['req-workers-spread']));
    // Both workers' parts left their trail under the caller's request id: every subject's check read is in it.
    const audited = await tdb.db.prisma.auditEntry.findMany({
      where: { requestId: 'req-workers-spread', subgraph: 'evaluation', actor: 'housing-spread' },
    });
    assert.deepEqual(new Set(audited.flatMap((e) => (e.subjectCode ? [e.subjectCode] : []))), new Set(bidders));
    // Written together by the answering worker, one transaction for both parts (ADR 0136), not one each in a row.
    const transactions = await tdb.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(DISTINCT xmin::text)::int AS n FROM audit.entry
       WHERE request_id = 'req-workers-spread' AND fields LIKE '%"CreditSubject.creditCheck"%'`,
    );
    assert.equal(transactions[0]?.n, 1);
    const scrape = await (await fetch(url.replace(/graphql$/, 'metrics'))).text();
    for (const subgraph of ['evaluation', 'market'])
      for (const where of ['here', 'peer'])
        assert.match(
          scrape,
          new RegExp(
            `credit_hub_spread_parts_total\\{subgraph="${subgraph}",where="${where}",service="gateway"\\} [1-9]`,
          ),
          `${subgraph} ${where}`,
        );
    assert.doesNotMatch(scrape, /credit_hub_spread_parts_total\{[^}]*where="fallback"/);
  });

  it("releases none of a spread fetch's entities when its parts' trail cannot be written", async () => {
    const court = bearer(
      await tokenFor(
        { role: 'officer', department: 'court', sub: 'court-spread' },
        { secret: DEV_SECRETS.AUTH_JWT_SECRET },
      ),
    );
    // The audit store refuses this officer's entries of the checks' entity fetch (a trigger on this file's own
    // database); the root field's entry is written.
    await tdb.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION audit.refuse_court_spread() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit store refuses court-spread (test)'; END $$`,
    );
    await tdb.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_court_spread BEFORE INSERT ON audit.entry FOR EACH ROW
       WHEN (NEW.actor = 'court-spread' AND NEW.fields LIKE '%"CreditSubject.creditCheck"%')
       EXECUTE FUNCTION audit.refuse_court_spread()`,
    );
    try {
      const { body } = await postGraphQL(
        url,
        `query($codes: [ID!]!) { creditCheckSubjects(codes: $codes) { code
          creditCheck(matter: PUBLIC_PROCUREMENT, reference: "spread-refused") { id action } } }`,
        { codes: bidders },
        { ...court, 'x-request-id': 'req-workers-spread-refused' },
      );
      const answered = (body.data as any)?.creditCheckSubjects as { code: string; creditCheck: unknown }[];
      // The subjects arrive; no check from either part does.
      assert.deepEqual(
        answered.map((a) => a.code),
        bidders,
      );
      assert.ok(answered.every((a) => a.creditCheck === null));
      const codes = (body.errors ?? []).map((e: any) => [e.extensions?.code, e.extensions?.serviceName]);
      assert.deepEqual(new Set(codes.map(String)), new Set([String(['AUDIT_UNAVAILABLE', 'evaluation'])]));
    } finally {
      await tdb.db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_court_spread ON audit.entry`);
      await tdb.db.prisma.$executeRawUnsafe(`DROP FUNCTION audit.refuse_court_spread()`);
    }
    assert.equal(
      await tdb.db.prisma.auditEntry.count({
        where: { actor: 'court-spread', fields: { contains: '"CreditSubject.creditCheck"' } },
      }),
      0,
    );
  });

  it("answers /metrics with every worker's series added up, and the primary's event backlog", async () => {
    // Ten requests, each on a new connection: the primary hands connections to the workers in turn.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => postOnNewConnection('query WorkersProbe { me { role } }')),
    );
    assert.deepEqual(new Set(statuses), new Set([200]));
    const scrape = await (await fetch(url.replace(/graphql$/, 'metrics'))).text();
    assert.match(
      scrape,
      /credit_hub_graphql_requests_total\{operation="WorkersProbe",outcome="ok",service="gateway"\} 10\b/,
    );
    assert.match(scrape, /^credit_hub_workers_scraped 2$/m);
    // The workers asked the primary for their checks (ADR 0127), and every check was answered.
    assert.match(scrape, /^credit_hub_shared_state_operations_total [1-9]\d*$/m);
    assert.doesNotMatch(scrape, /^credit_hub_shared_state_failures_total\{/m);
    assert.match(scrape, /credit_hub_event_backlog\{/);
  });

  it('starts without the warning that each worker keeps its own limits', () => {
    assert.doesNotMatch(output, /without REDIS_URL/);
  });

  it("counts one client's requests once, whichever worker each of its connections lands on", async () => {
    const client = bearer(
      await tokenFor(
        { role: 'officer', department: 'tax', sub: 'tax-officer-limit' },
        { secret: DEV_SECRETS.AUTH_JWT_SECRET },
      ),
    );
    // One after the other, each on a new connection: the primary hands them to the two workers in turn, so with a
    // limit kept by each worker all eight would pass (four each).
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await postOnNewConnection('query { me { role } }', client));
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('spends one search budget per client, and accepts a solved challenge once on either worker', async () => {
    const search = (headers: Record<string, string> = {}) =>
      answerOnNewConnection('{ searchSubjects(query: "并行", first: 1) { totalCount } }', headers);
    assert.deepEqual([(await search()).code, (await search()).code], ['OK', 'OK']);
    assert.equal((await search()).code, 'CHALLENGE_REQUIRED', 'the budget spent on both workers is spent');
    const challenge = (await (await fetch(url.replace(/graphql$/, 'auth/altcha/challenge'))).json()) as any;
    const solution = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
    assert.ok(solution, 'solvable');
    const header = { 'x-altcha': Buffer.from(JSON.stringify({ challenge, solution })).toString('base64') };
    assert.equal((await search(header)).code, 'OK', "a challenge of one worker is good on the other's");
    // Sent again on new connections (so on both workers): refused as already used on each.
    for (let i = 0; i < 3; i++)
      assert.deepEqual(await search(header), { status: 403, code: 'CHALLENGE_REQUIRED', reason: 'REPLAYED' });
  });
});

describe('a hub whose workers cannot start', () => {
  it('ends with a status and says why, instead of replacing the workers for ever', async () => {
    // The gateway's port is held by another server: every worker fails to listen, the first before it is ready.
    const holder = http.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const failing = spawn(process.execPath, serviceArgs('scripts/start.ts'), {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DATABASE_URL: tdb.url,
          HUB_WORKERS: '2',
          GATEWAY_PORT: String(port),
          SUBGRAPH_PORTS: 'ephemeral',
          DEMO_SUBJECTS: '0',
          // Entity fetches of 50 or more are cut into one part per worker (the default, 200, would need a larger batch).
          HUB_SPREAD_MIN: '50',
          WEB_BUILD: 'skip',
          LOG_LEVEL: 'warn',
        },
      });
      let text = '';
      failing.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      failing.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve, reject) => {
        const deadline = setTimeout(() => {
          failing.kill('SIGKILL');
          reject(new Error(`the hub neither started nor ended within 180 s:\n${text}`));
        }, 180_000).unref();
        failing.once('exit', (status) => {
          clearTimeout(deadline);
          resolve(status);
        });
      });
      assert.notEqual(code, 0, text);
      assert.match(text, /worker \d+ ended \(status \d+\) before the hub was ready/);
      assert.doesNotMatch(text, /gateway ready/);
    } finally {
      holder.close();
    }
  });
});
