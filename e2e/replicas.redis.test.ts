import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEV_SECRETS, SUBGRAPHS } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, type TestDatabase } from '@credit-hub/kit/testing';
import { startHub, type Hub } from '@credit-hub/hub';
import { startBalancer, type Balancer } from './support/balancer.ts';
import { startServiceProcess } from './support/process.ts';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/hub.ts';

// Runs only where TEST_REDIS_URL names a Redis server (CI's integration pass; see scripts/test.ts). The production
// layout in miniature: two gateway processes and two processes of the subject subgraph, each pair behind a
// round-robin balancer on loopback, sharing Redis (rate limits, identity replay cache); the other departments run in
// this process. Bounded: 240 reads, 4 at a time.
const redisUrl = process.env.TEST_REDIS_URL!;
const LOAD = 240;
const CONCURRENCY = 4;
const company = makeUscc('91', '330106', 'MA2K0301');
const secret = randomBytes(32).toString('base64url');

let tdb: TestDatabase;
let hub: Hub;
const children: ChildProcess[] = [];
let subjects: ChildProcess[] = [];
let gateways: ChildProcess[] = [];
let subjectBalancer: Balancer;
let gatewayBalancer: Balancer;

/** Starts a service's main in its own process (as in production) on a port of its own; stopped after the file. */
async function startProcess(
  main: string,
  portVariable: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const started = await startServiceProcess(main, portVariable, { ...process.env, ...env });
  children.push(started.child);
  return started;
}

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.create({
    data: { code: company, name: '杭州多副本科技有限公司', kind: 'ENTERPRISE', regionCode: '330106' },
  });
  hub = await startHub({
    databaseUrl: tdb.url,
    ports: 'ephemeral',
    internalSecret: secret,
    redisUrl,
    personKeySecret: DEV_SECRETS.PERSON_KEY_SECRET,
    log: () => undefined,
  });
  const subjectReplicas = await Promise.all(
    [1, 2].map(() =>
      startProcess('subgraphs/subject/src/main.ts', 'SUBJECT_PORT', {
        DATABASE_URL: tdb.url,
        INTERNAL_IDENTITY_SECRET: secret,
        REDIS_URL: redisUrl,
      }),
    ),
  );
  subjects = subjectReplicas.map((r) => r.child);
  subjectBalancer = await startBalancer(subjectReplicas.map((r) => r.url));
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((s) => [
      `SUBGRAPH_URL_${s.name.toUpperCase()}`,
      s.name === 'subject' ? `${subjectBalancer.url}/graphql` : hub.subgraphs[s.name].service.url,
    ]),
  );
  const gatewayReplicas = await Promise.all(
    [1, 2].map(() =>
      startProcess(path.join('gateway', 'src', 'main.ts'), 'GATEWAY_PORT', {
        INTERNAL_IDENTITY_SECRET: secret,
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        REDIS_URL: redisUrl,
        RATE_LIMIT_ANONYMOUS: '4',
        RATE_LIMIT_AUTHENTICATED: '100000',
        SEARCH_CHALLENGE_AFTER: '100000',
        // Behind the balancer: the client address is the last X-Forwarded-For entry.
        TRUST_PROXY: '1',
        ...subgraphUrls,
      }),
    ),
  );
  gateways = gatewayReplicas.map((r) => r.child);
  gatewayBalancer = await startBalancer(gatewayReplicas.map((r) => r.url));
});

after(async () => {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    }),
  );
  await gatewayBalancer?.close();
  await subjectBalancer?.close();
  await hub?.close();
  await tdb?.drop();
});

const PROFILE = `query Replicated($code: ID!) { subject(code: $code) { name isALevelTaxpayer } }`;

interface Answer {
  status: number;
  body: { data?: { subject?: { name: string; isALevelTaxpayer: boolean } | null } | null; errors?: unknown[] };
}

async function post(headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${gatewayBalancer.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: PROFILE, variables: { code: company } }),
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as {
      data?: { subject?: { name: string; isALevelTaxpayer: boolean } | null } | null;
      errors?: unknown[];
    },
  };
}

describe('replicas', { timeout: 240_000 }, () => {
  it('two gateways enforce one rate limit per client, counted in Redis', async () => {
    // A client address of this run's own (the balancer passes X-Forwarded-For on, the gateways trust one hop).
    const client = { 'x-forwarded-for': `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(client)).status);
    // Round robin: requests alternate between the two gateways; the fifth is refused whichever answers it.
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    assert.ok(
      gatewayBalancer.served.every((n) => n >= 3),
      `both gateways answered: ${gatewayBalancer.served}`,
    );
  });

  it('loses no read when a gateway and a subgraph replica are killed under load', async (t) => {
    const auth = bearer(await tokenFor({ role: 'officer', department: 'tax', sub: 'replica-load' }));
    let done = 0;
    let retries = 0;
    let killed = false;
    const servedAtKill: { gateways: number[]; subjects: number[] } = { gateways: [], subjects: [] };
    const failures: string[] = [];
    let issued = 0;
    const worker = async () => {
      while (issued < LOAD) {
        issued += 1;
        // An idempotent read: retried on a lost answer (5xx) or a department's missing fields, at most 5 times.
        let attempt = 0;
        for (;;) {
          attempt += 1;
          const answer = await post(auth).catch((error: Error): Answer => ({
            status: 0,
            body: { errors: [error.message] },
          }));
          if (answer.status === 200 && !answer.body.errors && answer.body.data?.subject?.name) break;
          if (attempt >= 5) {
            failures.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
            break;
          }
          retries += 1;
          await new Promise((r) => setTimeout(r, 50 * attempt));
        }
        done += 1;
        if (!killed && done >= LOAD / 4) {
          killed = true;
          servedAtKill.gateways = [...gatewayBalancer.served];
          servedAtKill.subjects = [...subjectBalancer.served];
          // Mid-load, without warning: requests in flight at these two processes are lost with them.
          gateways[0]!.kill('SIGKILL');
          subjects[0]!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    assert.deepEqual(failures, [], `every read was answered in full (${retries} retries)`);
    assert.equal(done, LOAD);
    t.diagnostic(`${LOAD} reads, ${retries} retried after the kill; served by gateways ${gatewayBalancer.served}`);
    assert.ok(killed);
    // Both replicas of each served before the kill; only the survivors after it.
    assert.ok(servedAtKill.gateways.every((n) => n > 0) && servedAtKill.subjects.every((n) => n > 0));
    // After the kill the dead replicas answer nothing more (at most what was in flight at that moment).
    assert.ok(gatewayBalancer.served[0]! <= servedAtKill.gateways[0]! + CONCURRENCY);
    assert.ok(gatewayBalancer.served[1]! > servedAtKill.gateways[1]!);
    assert.ok(subjectBalancer.served[1]! > servedAtKill.subjects[1]!);
    assert.ok(subjectBalancer.served[0]! <= servedAtKill.subjects[0]! + CONCURRENCY);
  });
});
