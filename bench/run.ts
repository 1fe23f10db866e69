/**
 * `npm run bench`: throughput and latency of the federated graph, measured from a separate process
 * against the hub on loopback. Not part of the tests: figures depend on the machine.
 *
 *   npm run bench                          20,000 subjects, 10 s per scenario
 *   npm run bench -- --subjects 1000000    the million-subject data set (loaded once, kept in .data)
 *   npm run bench -- --duration 20 --connections 16
 *   npm run bench -- --only peer           only the gateway against Hive Gateway (bench/peer.ts), both layouts
 *   npm run bench -- --skip web,import     a full run without the site's figures and the bulk import
 *
 * Every run is bounded: each scenario stops after --duration seconds; only 127.0.0.1 is targeted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { dataDir, migrate, repoRoot, sqlLiteral, startEmbeddedPostgres } from '@credit-hub/kit/db';
import pg from 'pg';
import { IDENTITY_HEADER, PUBLIC_IDENTITY, requestDigest, serviceArgs, signIdentityNow } from '@credit-hub/kit';
import { runImportBench } from './disclosure-import.ts';
import { benchPeer } from './peer.ts';
import { benchCreditChecks } from './credit-checks.ts';
import { benchReports } from './reports.ts';
import { benchPush } from './push.ts';
import { benchWeb } from './web.ts';
import { benchGatewayMemory } from './memory.ts';
import { runEventsBench } from './events.ts';

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    /**
     * `import`: only the 双公示 bulk import benchmark (bench/disclosure-import.ts); `web`: only the site's figures;
     * `peer`: only the gateway against Hive Gateway (bench/peer.ts); `events`: only the event backbone's
     * (bench/events.ts); `push`: only the push figures (bench/push.ts); `reports`: only the credit reports
     * (bench/reports.ts); `memory`: only the gateway memory soak (bench/memory.ts), `--soak-seconds` long (default 600);
     * `checks`: only the credit checks (bench/credit-checks.ts); `search`: only the name search at the subject subgraph.
     */
    only: { type: 'string' },
    /** Parts of a full run to leave out, comma-separated: `web`, `import`, `events`, `peer`. */
    skip: { type: 'string', default: '' },
    /** Interleaved pairs per layout of the peer comparison. */
    pairs: { type: 'string', default: '3' },
    /** Layouts of the peer comparison, comma-separated: `split`, `all-in-one` (default both). */
    'peer-layouts': { type: 'string', default: 'split,all-in-one' },
    'event-backlog': { type: 'string', default: '100000' },
    /** A NATS JetStream server on this machine for the relay figures (e.g. nats://127.0.0.1:4222); none: skipped. */
    nats: { type: 'string' },
    'import-rows': { type: 'string', default: '100000' },
    'push-backlog': { type: 'string', default: '100000' },
    'soak-seconds': { type: 'string', default: '600' },
    /** V8 flags of the memory soak's gateway, space-separated (e.g. `--max-semi-space-size=16`); none by default. */
    'gateway-node-flags': { type: 'string', default: '' },
    /** A folder for the memory soak's heap snapshots of its gateway (first and last tenth); none by default. */
    'heap-snapshots': { type: 'string' },
    /** HUB_WORKERS of the benchmarked all-in-one hub (default: one per core). */
    workers: { type: 'string', default: String(availableParallelism()) },
    /**
     * Ports of the benchmark's embedded PostgreSQL and hub (another benchmark on the machine holds the defaults); the
     * memory soak's gateway uses --gateway-port + 1.
     */
    'pg-port': { type: 'string', default: '54331' },
    'gateway-port': { type: 'string', default: '4480' },
  },
});
const subjects = Number(values.subjects);
const skip = new Set(values.skip.split(',').map((s) => s.trim()));
const duration = Math.min(Number(values.duration), 60);
const connections = Math.min(Number(values.connections), 64);
const GATEWAY_PORT = Number(values['gateway-port']);

const pgDataDir = path.join(dataDir, 'pg-bench');
const pgServer = await startEmbeddedPostgres({ dataDir: pgDataDir, port: Number(values['pg-port']) });
// Bump the suffix when the generator gains tables, so an older loaded database is not reused.
const database = `bench_v3_${subjects}`;
const databaseUrl = await pgServer.ensureDatabase(database);

/**
 * The hub's own login on the bench's server, with a password made for this run: production refuses the embedded
 * server's public one, and the hub is measured as it is deployed (NODE_ENV=production: graphql-js's development-mode
 * checks off — its `instanceOf` alone was several per cent of an entity fetch — and internal errors hidden). A
 * superuser, as the embedded server's own account is: the hub migrates and loads the data set.
 */
async function hubLogin(url: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_hub') THEN CREATE ROLE bench_hub LOGIN SUPERUSER; END IF; END $$`,
    );
    await client.query(`ALTER ROLE bench_hub PASSWORD ${sqlLiteral(password)}`);
  } finally {
    await client.end();
  }
  const login = new URL(url);
  login.username = 'bench_hub';
  login.password = password;
  return login.toString();
}
const hubDatabaseUrl = await hubLogin(databaseUrl);

// The 双公示 bulk import benchmark runs in this process on a database of its own on the same server.
async function importBench() {
  const url = await pgServer.ensureDatabase('bench_import');
  await migrate(url);
  console.log('\n双公示 bulk import (bench/disclosure-import.ts):');
  await runImportBench(url, Math.min(Number(values['import-rows']), 1_000_000));
}
// The event backbone's figures, in this process on a database of its own (bench/events.ts).
async function eventsBench() {
  const url = await pgServer.ensureDatabase('bench_events');
  console.log('\nevent backbone (bench/events.ts):');
  const natsUrl = values.nats && /^nats:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(values.nats) ? values.nats : '';
  await runEventsBench(url, { backlog: Math.min(Number(values['event-backlog']), 1_000_000), natsUrl });
}
// Push: outbox → webhook receipt on loopback, in this process on a database of its own (bench/push.ts).
async function pushBench() {
  console.log('\npush (bench/push.ts):');
  await benchPush(await pgServer.ensureDatabase('bench_push'), Math.min(Number(values['push-backlog']), 200_000));
}
if (values.only === 'import' || values.only === 'events' || values.only === 'push') {
  try {
    await (values.only === 'import' ? importBench() : values.only === 'events' ? eventsBench() : pushBench());
  } finally {
    await pgServer.stop();
  }
  process.exit(0);
}

/** The hub's internal identity secret: the subject-subgraph scenario signs its own direct calls with it. */
const BENCH_INTERNAL_SECRET = 'bench-only-internal-identity-secret-0123456789';
/** Where the hub's subgraphs listen (from its start-up log). */
const subgraphUrls: Record<string, string> = {};

/** Starts the hub in a child process so that the load generator does not share its event loop. */
function startHubProcess(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, serviceArgs('scripts/start.ts'), {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: hubDatabaseUrl,
        GATEWAY_PORT: String(GATEWAY_PORT),
        SUBGRAPH_PORTS: 'ephemeral',
        HUB_WORKERS: String(Math.max(1, Math.min(Number(values.workers), 64))),
        // The peer comparison reads no page: no site build for it.
        WEB_BUILD: values.only === 'peer' ? 'skip' : 'auto',
        DEMO_SUBJECTS: String(subjects),
        // As deployed (hubLogin above): anonymous callers may run only the published operations.
        NODE_ENV: 'production',
        SAFELIST_ENFORCE: 'true',
        PERSON_KEY_SECRET: randomBytes(32).toString('base64url'),
        AUTH_JWT_SECRET: BENCH_JWT_SECRET,
        RATE_LIMIT_ANONYMOUS: '1000000',
        RATE_LIMIT_AUTHENTICATED: '1000000',
        SEARCH_CHALLENGE_AFTER: '1000000',
        // Warnings and errors only: an access line per request would flood the bench's output (the memory soak's
        // gateway logs at info, as deployed).
        LOG_LEVEL: 'warn',
        // Known to the bench: the subject-subgraph scenario and the memory soak's gateway call the hub's subgraphs.
        INTERNAL_IDENTITY_SECRET: BENCH_INTERNAL_SECRET,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      for (const match of text.matchAll(/subgraph (\w+) at (http:\/\/\S+)/g)) subgraphUrls[match[1]!] = match[2]!;
      process.stdout.write(text.replace(/^/gm, '  hub| '));
      if (text.includes('gateway ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
}

/**
 * Stops the hub: SIGTERM, then SIGKILL after 30 s. A freshly loaded million-subject hub may still be draining its event
 * backlog (the demo load's outbox events) and does not close within a benchmark's patience; the run must end anyway.
 */
async function stopHub(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/**
 * What the public types into the name search, by class, for the subject-subgraph scenario (each class measured on its
 * own, so a slow class is not hidden in an average): fragments of enterprises' trade names (the characters after the
 * city, 2 and 3–4 long), the beginnings of names (city + trade name), code prefixes, and common words that match tens
 * of thousands of names at a million subjects.
 */
const COMMON_WORDS = ['科技', '贸易', '五金', '餐饮', '服装', '建筑', '有限公司', '杭州'];

async function sampleCodes(
  limit: number,
): Promise<{ codes: string[]; fragments: string[]; searchTerms: Record<string, string[]> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // A sample of about three times `limit` rows (a fixed 5 % gave ~830 organisations at 20,000 subjects, so the
  // "1,000-subject" batch check checked 829), then `limit` of them in a random order.
  const percent = Math.min(100, (300 * limit) / subjects);
  const codes = (
    await client.query<{ code: string }>(
      `SELECT code FROM subject.credit_subject TABLESAMPLE SYSTEM (${percent.toFixed(4)})
        WHERE kind <> 'NATURAL_PERSON' ORDER BY random() LIMIT $1`,
      [limit],
    )
  ).rows.map((r) => r.code);
  const fragments = (
    await client.query<{ f: string }>(
      `SELECT DISTINCT substr(name, 3, 2) AS f FROM subject.credit_subject TABLESAMPLE SYSTEM (5) WHERE kind = 'ENTERPRISE' LIMIT 200`,
    )
  ).rows.map((r) => r.f);
  const sampled = async (expression: string) =>
    (
      await client.query<{ f: string }>(
        `SELECT DISTINCT ${expression} AS f FROM subject.credit_subject TABLESAMPLE SYSTEM (5)
          WHERE kind = 'ENTERPRISE' LIMIT 200`,
      )
    ).rows.map((r) => r.f);
  const searchTerms = {
    'trade-name fragment, 2 characters': fragments,
    'trade-name fragment, 3–4 characters': [
      ...(await sampled('substr(name, 3, 3)')).slice(0, 100),
      ...(await sampled('substr(name, 3, 4)')).slice(0, 100),
    ],
    'name prefix, 4–5 characters': [
      ...(await sampled('left(name, 4)')).slice(0, 100),
      ...(await sampled('left(name, 5)')).slice(0, 100),
    ],
    'code prefix, 10 characters': codes.slice(0, 200).map((c) => c.slice(0, 10)),
    'common word (科技, 有限公司 …)': COMMON_WORDS,
  };
  await client.end();
  return { codes, fragments, searchTerms };
}

// The public site's own persisted operations (production mode accepts nothing else from anonymous callers).
const persisted = (name: string) => {
  const text = readFileSync(path.join(repoRoot, 'gateway/operations', `${name}.graphql`), 'utf8').trim();
  return createHash('sha256').update(text).digest('hex');
};
const PROFILE_HASH = persisted('SubjectProfile');
const SEARCH_HASH = persisted('SearchSubjects');
// An officer's cross-department check: ad-hoc, authenticated, with shared (audited) fields.
const OFFICER_PROFILE = `query Check($code: ID!) { subject(code: $code) { code name kindLabel region { fullName }
  taxCreditRatings { year level } isALevelTaxpayer isMajorTaxViolator isDishonestDebtor
  dishonestDebtorCases(includeWithdrawn: true) { caseNumber status } isInAbnormalOperationList isSeriousIllegal
  registration { status } environmentalRating { grade } arrearsOwed { outstandingAmount }
  arrearsOwedToSubject { outstandingAmount } integrityEvaluation { score grade } } }`;
const BENCH_JWT_SECRET = 'bench-only-jwt-secret-0123456789-abcdef';

function run(title: string, bodies: string[], headers: Record<string, string> = {}): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        connections,
        duration,
        title,
        requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * The name search at the subject subgraph itself (no gateway): what the register answers a search in, with the
 * identity signed per request as the gateway would (each signature is good for one request).
 */
function runSubjectSearch(
  fragments: string[],
  title = 'name search at the subject subgraph',
  seconds = duration,
): Promise<autocannon.Result> {
  const query = `query($q: String!) { searchSubjects(query: $q, first: 20) { nodes { code name } } }`;
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: subgraphUrls.subject!,
        method: 'POST',
        connections,
        duration: seconds,
        title,
        requests: [
          {
            setupRequest: (req) => {
              const variables = { q: fragments[i++ % fragments.length]! };
              const header = signIdentityNow(PUBLIC_IDENTITY, BENCH_INTERNAL_SECRET, requestDigest(query, variables));
              return {
                ...req,
                headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: header },
                body: JSON.stringify({ query, variables }),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function report(result: autocannon.Result) {
  const l = result.latency;
  console.log(
    `${result.title!.padEnd(36)} ${result.requests.average.toFixed(0).padStart(6)} req/s   ` +
      `p50 ${l.p50} ms  p90 ${l.p90} ms  p95 ${l.p97_5 === undefined ? '?' : percentileOf(result, 95)} ms  p99 ${l.p99} ms  max ${l.max} ms   ` +
      `errors ${result.errors + result.non2xx}  (${result.requests.total} requests)`,
  );
}

/** Ends a partial run (`--only web`) through the cleanup below. */
class Done extends Error {}

/**
 * autocannon's histogram reports p90, p97.5 and p99 but not p95: read between p90 and p97.5 linearly (an estimate,
 * printed as such in docs/operations.md).
 */
function percentileOf(result: autocannon.Result, p: 95): string {
  const l = result.latency;
  return (l.p90 + ((p - 90) / (97.5 - 90)) * (l.p97_5 - l.p90)).toFixed(0);
}

const peer = (codes: string[]) =>
  benchPeer({
    databaseUrl,
    pgDataDir,
    codes,
    duration,
    connections,
    pairs: Math.min(Number(values.pairs), 10),
    layouts: values['peer-layouts']
      .split(',')
      .map((l) => l.trim())
      .filter((l): l is 'split' | 'all-in-one' => l === 'split' || l === 'all-in-one'),
    workers: Math.max(1, Math.min(Number(values.workers), 64)),
  });

const hub = await startHubProcess();
try {
  const { codes, fragments, searchTerms } = await sampleCodes(2000);
  if (values.only === 'peer') {
    await stopHub(hub);
    await peer(codes);
    throw new Done();
  }
  const site = () =>
    benchWeb({ base: `http://127.0.0.1:${GATEWAY_PORT}`, subjectCode: codes[0]!, fragment: fragments[0]! });
  if (values.only === 'web') {
    await site();
    throw new Done();
  }
  if (values.only === 'memory') {
    await benchGatewayMemory({
      subgraphUrls,
      internalSecret: BENCH_INTERNAL_SECRET,
      bodies: codes.map((code) =>
        JSON.stringify({
          variables: { code },
          extensions: { persistedQuery: { version: 1, sha256Hash: PROFILE_HASH } },
        }),
      ),
      soakSeconds: Number(values['soak-seconds']),
      connections,
      port: GATEWAY_PORT + 1,
      nodeFlags: values['gateway-node-flags'].split(/\s+/).filter(Boolean),
      snapshotDir: values['heap-snapshots'],
    });
    throw new Done();
  }
  if (values.only === 'search') {
    console.log(`\nname search at the subject subgraph, ${subjects.toLocaleString('en')} subjects, 20 per page:`);
    // Every class once, unmeasured: the first class measured after a start used to pay for the cold buffer cache and
    // the subgraph's first compilations (p95 34 ms where the same class measured 16 ms in the next run).
    await runSubjectSearch(Object.values(searchTerms).flat(), 'warm-up', 5);
    const results = [];
    for (const [title, terms] of Object.entries(searchTerms)) results.push(await runSubjectSearch(terms, title));
    results.forEach(report);
    throw new Done();
  }
  const reports = () =>
    benchReports({ gatewayUrl: `http://127.0.0.1:${GATEWAY_PORT}/graphql`, codes: codes.slice(0, 200), pid: hub.pid });
  if (values.only === 'reports') {
    console.log('\ncredit reports (bench/reports.ts):');
    await reports();
    throw new Done();
  }
  console.log(
    `\ncredit-hub benchmark: ${subjects.toLocaleString('en')} subjects, ${connections} connections, ${duration} s per scenario\n`,
  );
  const byHash = (sha256Hash: string, variables: Record<string, unknown>) =>
    JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } });
  const token = await new SignJWT({ role: 'officer', department: 'market' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench-officer')
    .setIssuer('credit-hub')
    .setAudience('credit-hub')
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
  const creditChecks = () =>
    benchCreditChecks({
      gatewayUrl: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
      headers: { authorization: `Bearer ${token}` },
      codes,
      run,
      report,
      // The hub (and its workers) and the PostgreSQL server (its postmaster's pid heads postmaster.pid).
      cpuPids: [hub.pid!, Number(readFileSync(path.join(pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0])],
    });
  if (values.only === 'checks') {
    await creditChecks();
    throw new Done();
  }
  const results = [
    await run(
      'public profile (5 departments)',
      codes.map((code) => byHash(PROFILE_HASH, { code })),
    ),
    await run(
      'public search 50 by name, all flags',
      fragments.map((query) => byHash(SEARCH_HASH, { query, first: 50 })),
    ),
    await run(
      'public search 50 by code prefix',
      codes.map((c) => byHash(SEARCH_HASH, { query: c.slice(0, 8), first: 50 })),
    ),
    await run(
      'officer check (shared, audited)',
      codes.map((code) => JSON.stringify({ query: OFFICER_PROFILE, variables: { code } })),
      { authorization: `Bearer ${token}`, 'x-purpose': encodeURIComponent('许可审批信用核查') },
    ),
    await runSubjectSearch(fragments),
  ];
  console.log('');
  results.forEach(report);
  if (!skip.has('web')) await site();
  if (!skip.has('import')) await importBench();
  if (!skip.has('events')) await eventsBench();
  if (!skip.has('push')) await pushBench();
  await creditChecks();
  console.log('\ncredit reports (bench/reports.ts):');
  await reports();
  await stopHub(hub);
  if (!skip.has('peer')) await peer(codes);
} catch (error) {
  if (!(error instanceof Done)) throw error;
} finally {
  if (hub.exitCode === null && hub.signalCode === null) {
    await stopHub(hub);
  }
  await pgServer.stop();
}
