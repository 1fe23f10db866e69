import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { writeNationalFile, type WrittenFile } from '@credit-hub/datagen';
import { IDENTITY_HEADER, routeDigest, signIdentity } from '@credit-hub/kit';
import { callers, createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// 双公示 file upload end to end: the real gateway (JWT auth, limits), the disclosure subgraph's /imports, a real
// Postgres, progress through GraphQL and as NDJSON.
const LIMIT = 256 * 1024;
const market = AUTHORITIES.filter((a) => a.department === 'market');
const foreign = AUTHORITIES.find((a) => a.department === 'tax')!;

let tdb: TestDatabase;
let hub: Hub;
let dir: string;
let origin: string;
let csv: WrittenFile;
let officer: Record<string, string>;

const JOB = `query Job($id: ID!) { importJob(id: $id) { id department status kind channel rowsTotal rowsDone progress
  received accepted updated unchanged quarantined reconciled submitter fileName error } }`;

async function upload(file: string, type: string, headers: Record<string, string>, query = '?kind=CF') {
  const body = await readFile(file);
  const response = await fetch(`${origin}/imports/disclosure${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, any> };
}

async function waitForJob(id: string, headers: Record<string, string>) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { body } = await postGraphQL<{ importJob: Record<string, any> }>(hub.gatewayUrl, JOB, { id }, headers);
    const job = body.data?.importJob;
    if (job && job.status !== 'RUNNING') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

before(async () => {
  tdb = await createTestDatabase();
  hub = await startTestHub(tdb.url, tdb.db, { uploadLimitBytes: LIMIT });
  origin = new URL(hub.gatewayUrl).origin;
  dir = await mkdtemp(path.join(tmpdir(), 'disclosure-upload-'));
  csv = await writeNationalFile(path.join(dir, 'market.csv'), 'CSV', {
    kind: 'CF',
    rows: 120,
    authorities: market,
    foreignAuthority: foreign,
    invalidShare: 0.1,
    seed: 11,
  });
  officer = bearer(await tokenFor({ role: 'officer', department: 'market', sub: 'officer-market-1' }));
});
after(async () => {
  await hub?.close();
  await tdb?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('POST /imports/disclosure', () => {
  it("an officer's upload is accepted (202) and its progress and reconciliation are readable through GraphQL", async () => {
    const res = await upload(csv.path, 'text/csv; charset=utf-8', officer, '?kind=CF&fileName=market.csv');
    assert.equal(res.status, 202, res.text);
    const accepted = res.json().job;
    assert.equal(accepted.department, 'market');
    assert.equal(accepted.status, 'RUNNING');
    const job = await waitForJob(accepted.id, officer);
    assert.deepEqual(
      {
        status: job.status,
        kind: job.kind,
        channel: job.channel,
        rowsTotal: job.rowsTotal,
        rowsDone: job.rowsDone,
        progress: job.progress,
        received: job.received,
        accepted: job.accepted,
        quarantined: job.quarantined,
        reconciled: job.reconciled,
        submitter: job.submitter,
        fileName: job.fileName,
      },
      {
        status: 'DONE',
        kind: 'CF',
        channel: 'UPLOAD',
        rowsTotal: 120,
        rowsDone: 120,
        progress: 1,
        received: 120,
        accepted: 120 - csv.invalid,
        quarantined: csv.invalid,
        reconciled: true,
        submitter: 'officer-market-1',
        fileName: 'market.csv',
      },
    );

    // Uploading the same file again reports the finished job: nothing is stored twice.
    const again = await upload(csv.path, 'text/csv', officer);
    assert.equal(again.status, 202);
    assert.equal(again.json().job.id, accepted.id);
    assert.equal(again.json().job.status, 'DONE');

    // A department sees its own jobs only; supervisors see every department's.
    const tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
    const other = await postGraphQL<{ importJob: unknown }>(hub.gatewayUrl, JOB, { id: accepted.id }, tax);
    assert.equal(other.body.data?.importJob, null);
    const foreignList = await postGraphQL(
      hub.gatewayUrl,
      `{ importJobs(department: "market") { nodes { id } } }`,
      {},
      tax,
    );
    assert.equal(foreignList.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const supervisor = bearer(await tokenFor({ role: 'supervisor' }));
    const all = await postGraphQL<{ importJobs: { nodes: { id: string; department: string }[] } }>(
      hub.gatewayUrl,
      `{ importJobs(first: 10) { nodes { id department } } }`,
      {},
      supervisor,
    );
    assert.deepEqual(all.body.data?.importJobs.nodes, [{ id: accepted.id, department: 'market' }]);
    // The public cannot read import jobs at all.
    const anonymous = await postGraphQL(hub.gatewayUrl, JOB, { id: accepted.id });
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('streams NDJSON progress until the job is done, for a JSON file', async () => {
    const json = await writeNationalFile(path.join(dir, 'market.json'), 'JSON', {
      kind: 'XK',
      rows: 80,
      authorities: market,
      foreignAuthority: foreign,
      invalidShare: 0.05,
      seed: 12,
    });
    const res = await upload(json.path, 'application/json', officer, '?progress=ndjson');
    assert.equal(res.status, 202, res.text);
    const events = res.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; job: Record<string, any> });
    assert.equal(events[0]!.event, 'accepted');
    const last = events.at(-1)!;
    assert.equal(last.event, 'done');
    assert.equal(last.job.kind, 'XK');
    assert.equal(last.job.received, 80);
    assert.equal(last.job.quarantined, json.invalid);
    assert.equal(last.job.accepted + last.job.updated + last.job.quarantined, 80);
    assert.ok(events.some((e) => e.event === 'progress'));
  });

  it('refuses callers without a credential (401), with a bad one (401), and without write rights (403)', async () => {
    assert.equal((await upload(csv.path, 'text/csv', {})).status, 401);
    assert.equal((await upload(csv.path, 'text/csv', { authorization: 'Bearer not.a.token' })).status, 401);
    const supervisor = await upload(csv.path, 'text/csv', bearer(await tokenFor({ role: 'supervisor' })));
    assert.equal(supervisor.status, 403);
    assert.equal(supervisor.json().errors[0].extensions.code, 'FORBIDDEN');
    const admin = await upload(csv.path, 'text/csv', bearer(await tokenFor({ role: 'admin' })));
    assert.equal(admin.status, 403);
    // An officer cannot import for another department.
    const otherDept = await upload(csv.path, 'text/csv', officer, '?department=tax');
    assert.equal(otherDept.status, 403);
  });

  it("accepts the console's session cookie from the hub's own pages, as /graphql does, and refuses it cross-site", async () => {
    /** Signs in at the development sign-in (the test hub is not production) and returns the session cookie. */
    const signIn = async (fields: Record<string, string>) => {
      const response = await fetch(`${origin}/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      });
      assert.equal(response.status, 200, await response.clone().text());
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0]!)
        .find((pair) => pair.includes('session='));
      assert.ok(cookie, 'a session cookie is set');
      return cookie;
    };
    const cookie = await signIn({ role: 'officer', department: 'market' });
    // A file of its own: the same file again would be the earlier upload's job.
    const own = await writeNationalFile(path.join(dir, 'console.csv'), 'CSV', {
      kind: 'CF',
      rows: 20,
      authorities: market,
      foreignAuthority: foreign,
      invalidShare: 0,
      seed: 12,
    });
    const signedIn = await upload(own.path, 'text/csv', { cookie, origin });
    assert.equal(signedIn.status, 202, signedIn.text);
    const job = await waitForJob(signedIn.json().job.id, { cookie, origin });
    assert.deepEqual([job.status, job.department, job.channel], ['DONE', 'market', 'UPLOAD']);
    assert.match(job.submitter, /^dev:officer:market/, 'the job names the signed-in officer');
    // A foreign page cannot post a file with the officer's cookie; a supervisor's session may not import.
    const crossSite = await upload(csv.path, 'text/csv', { cookie, origin: 'http://evil.example' });
    assert.equal(crossSite.status, 403);
    assert.equal(crossSite.json().errors[0].extensions.reason, 'CROSS_SITE');
    assert.equal((await upload(csv.path, 'text/csv', { cookie })).status, 403, 'no origin at all is not same-origin');
    const supervisor = await signIn({ role: 'supervisor' });
    assert.equal((await upload(csv.path, 'text/csv', { cookie: supervisor, origin })).status, 403);
    assert.equal((await upload(csv.path, 'text/csv', { cookie: 'credit-hub-session=forged', origin })).status, 401);
  });

  it('refuses simple content types (cross-site forms) and non-UTF-8 charsets (415)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await upload(csv.path, type, officer);
      assert.equal(res.status, 415, type);
      assert.match(res.json().errors[0].message, /text\/csv or application\/json/);
    }
    const gb = await upload(csv.path, 'text/csv; charset=gb18030', officer);
    assert.equal(gb.status, 415);
    assert.match(gb.json().errors[0].message, /UTF-8/);
  });

  it('refuses a file over the limit (413), declared or streamed without a length', async () => {
    const big = await writeNationalFile(path.join(dir, 'big.csv'), 'CSV', {
      kind: 'CF',
      rows: 1200,
      authorities: market,
      foreignAuthority: foreign,
    });
    const declared = await upload(big.path, 'text/csv', officer);
    assert.equal(declared.status, 413);
    assert.equal(declared.json().errors[0].extensions.code, 'PAYLOAD_TOO_LARGE');
    const bytes = await readFile(big.path);
    const streamed = await fetch(`${origin}/imports/disclosure`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...officer },
      body: Readable.toWeb(Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    assert.equal(streamed.status, 413);
    const [row] = await tdb.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM disclosure.import_job WHERE file_name = 'big.csv' OR rows_total = 1200`,
    );
    assert.equal(row!.n, 0);
  });

  it('a file with unknown columns is refused with 400, naming them', async () => {
    const { writeFile } = await import('node:fs/promises');
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'CF_XDR_MC,CF_WHATEVER\n甲,1\n');
    const res = await upload(bad, 'text/csv', officer);
    assert.equal(res.status, 400);
    assert.equal(res.json().errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.equal(res.json().errors[0].extensions.rule, 'UNKNOWN_COLUMNS');
    assert.match(res.json().errors[0].message, /CF_WHATEVER/);
  });

  it("the subgraph's /imports refuses unsigned and replayed calls (only the gateway may call it)", async () => {
    const base = new URL(hub.subgraphs.disclosure.service.url).origin;
    const bytes = await readFile(csv.path);
    const unsigned = await fetch(`${base}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: bytes,
    });
    assert.equal(unsigned.status, 401);
    const headers = {
      'content-type': 'text/csv',
      [IDENTITY_HEADER]: await signIdentity(
        callers.officer('market'),
        hub.internalSecret,
        routeDigest('POST', '/imports'),
      ),
    };
    // Signed for another path: refused.
    const otherPath = await fetch(`${base}/imports?kind=XK`, { method: 'POST', headers, body: bytes });
    assert.equal(otherPath.status, 401);
    const first = await fetch(`${base}/imports`, { method: 'POST', headers, body: bytes });
    assert.equal(first.status, 202);
    const replay = await fetch(`${base}/imports`, { method: 'POST', headers, body: bytes });
    assert.equal(replay.status, 401);
    const refusal = ((await replay.json()) as any).errors[0];
    assert.equal(refusal.extensions.code, 'UNAUTHENTICATED');
    assert.equal(refusal.extensions.reason, 'REPLAYED');
    assert.match(refusal.message, /already used/);
  });
});
