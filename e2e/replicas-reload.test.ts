/**
 * Supergraph reloads with two gateway replicas (issue 19): both gateway processes watch one supergraph file, as two
 * pods mounting one ConfigMap do. Under a steady load of reads through both, the file is replaced — renamed over,
 * as a deploy or a ConfigMap swap does — three times: a department (the commitment subgraph) added, removed, added
 * again. Every read of the load must succeed (no retry is allowed), and after each change both gateways serve the
 * new schema: the added department's field answers, the removed one's is refused with the stable
 * GRAPHQL_VALIDATION_FAILED code. One gateway relies on the file watch alone (poll off), the other also polls.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEV_SECRETS, SUBGRAPHS } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, type TestDatabase } from '@credit-hub/kit/testing';
import { startHub, type Hub } from '@credit-hub/hub';
import { compose } from '../scripts/compose.ts';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/hub.ts';
import { startServiceProcess } from './support/process.ts';

const company = makeUscc('91', '330106', 'MA2K0401');
const secret = randomBytes(32).toString('base64url');
const CONCURRENCY = 4;

let tdb: TestDatabase;
let hub: Hub;
let dir: string;
let supergraphPath: string;
const children: ChildProcess[] = [];
const gatewayUrls: string[] = [];
let full: string;
let withoutCommitment: string;

/** A gateway replica (its log says `gateway listening`), stopped with the others after the file. */
async function startGatewayProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const started = await startServiceProcess(path.join('gateway', 'src', 'main.ts'), 'GATEWAY_PORT', {
    ...process.env,
    ...env,
  });
  children.push(started.child);
  return started;
}

/** Replaces the file as deploys do: a new file renamed over the old one (the old inode is never written). */
async function deploy(sdl: string) {
  const next = `${supergraphPath}.${randomBytes(4).toString('hex')}`;
  await writeFile(next, sdl);
  await rename(next, supergraphPath);
}

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.create({
    data: { code: company, name: '杭州重载科技有限公司', kind: 'ENTERPRISE', regionCode: '330106' },
  });
  hub = await startHub({
    databaseUrl: tdb.url,
    ports: 'ephemeral',
    internalSecret: secret,
    personKeySecret: DEV_SECRETS.PERSON_KEY_SECRET,
    events: false,
    log: () => undefined,
  });
  full = (await compose()).supergraphSdl;
  withoutCommitment = (await compose(SUBGRAPHS.filter((s) => s.name !== 'commitment'))).supergraphSdl;
  dir = await mkdtemp(path.join(os.tmpdir(), 'credit-hub-reload-'));
  supergraphPath = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, withoutCommitment);
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, hub.subgraphs[s.name].service.url]),
  );
  const common = {
    INTERNAL_IDENTITY_SECRET: secret,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    SUPERGRAPH_PATH: supergraphPath,
    RATE_LIMIT_AUTHENTICATED: '1000000',
    // The reload is under test, not the deadlines: a loaded machine must not turn a slow answer into a failure.
    SUBGRAPH_TIMEOUT_MS: '60000',
    ...subgraphUrls,
  };
  // The first replica has only the file watch; the second polls the file every 500 ms as well.
  const started = await Promise.all([
    startGatewayProcess({ ...common, SUPERGRAPH_POLL_MS: '0' }),
    startGatewayProcess({ ...common, SUPERGRAPH_POLL_MS: '500' }),
  ]);
  gatewayUrls.push(...started.map((g) => `${g.url}/graphql`));
});

after(async () => {
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
  );
  await hub?.close();
  await tdb?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const READ = `query ReloadLoad($code: ID!) { subject(code: $code) { name isALevelTaxpayer } }`;
const COMMITMENTS = `query ReloadNew($code: ID!) { subject(code: $code) { name creditCommitments { id } } }`;

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables: { code: company } }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Answer['body'] };
}

/** Whether a gateway serves the commitment subgraph's field now (true), refuses it as unknown (false). */
async function servesCommitments(url: string, auth: Record<string, string>): Promise<boolean> {
  const answer = await post(url, COMMITMENTS, auth);
  if (answer.status === 200 && !answer.body.errors) return true;
  const codes = (answer.body.errors ?? []).map((e) => e.extensions?.code);
  assert.ok(
    codes.length > 0 && codes.every((c) => c === 'GRAPHQL_VALIDATION_FAILED'),
    `an unknown field is refused with a stable code: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
  );
  return false;
}

/** Waits (bounded: 60 s) until every gateway serves (or refuses) the commitment field. */
async function untilEvery(want: boolean, auth: Record<string, string>) {
  for (let i = 0; i < 600; i += 1) {
    const now = await Promise.all(gatewayUrls.map((url) => servesCommitments(url, auth)));
    if (now.every((s) => s === want)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the gateways did not all ${want ? 'add' : 'drop'} the commitment subgraph within 60 s`);
}

describe('supergraph reload on two gateway replicas', { timeout: 300_000 }, () => {
  it('both pick up each change under load, and no request fails', async (t) => {
    const auth = bearer(await tokenFor({ role: 'officer', department: 'tax', sub: 'reload-load' }));
    assert.deepEqual(
      await Promise.all(gatewayUrls.map((url) => servesCommitments(url, auth))),
      [false, false],
      'started without the commitment subgraph',
    );

    let stop = false;
    const served = [0, 0];
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (!stop) {
        const i = next++ % gatewayUrls.length;
        const answer = await post(gatewayUrls[i]!, READ, auth).catch((error: Error): Answer => ({
          status: 0,
          body: { errors: [{ message: error.message }] },
        }));
        const subject = answer.body.data?.subject as { name?: string } | undefined;
        if (answer.status === 200 && !answer.body.errors && subject?.name === '杭州重载科技有限公司') served[i]! += 1;
        else failures.push(`gateway ${i}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    };
    const load = Promise.all(Array.from({ length: CONCURRENCY }, worker));
    try {
      const steps: [string, string, boolean][] = [
        ['added', full, true],
        ['removed', withoutCommitment, false],
        ['added again', full, true],
      ];
      for (const [what, sdl, serves] of steps) {
        const before = [...served];
        await deploy(sdl);
        await untilEvery(serves, auth);
        t.diagnostic(`commitment subgraph ${what}: reads during the reload ${served.map((n, i) => n - before[i]!)}`);
      }
    } finally {
      stop = true;
      await load;
    }
    assert.deepEqual(failures, [], 'no read failed during the reloads');
    assert.ok(
      served.every((n) => n > 0),
      `both gateways served the load: ${served}`,
    );
    // The new schema answers in full on both (the department's field resolves, with its subgraph behind it).
    for (const url of gatewayUrls) {
      const answer = await post(url, COMMITMENTS, auth);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, {
        data: { subject: { name: '杭州重载科技有限公司', creditCommitments: [] } },
      });
    }
  });
});
