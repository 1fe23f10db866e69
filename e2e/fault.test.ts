import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoData } from '@credit-hub/datagen';
import { DEV_SECRETS, type RunningService } from '@credit-hub/kit';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { startCourtSubgraph } from '@credit-hub/subgraph-court';
import type { Hub } from '@credit-hub/hub';
import { startTestHub } from './support/hub.ts';

// A department's subgraph stopped while clients are querying, then started again: the gateway keeps every
// other department's data in every answer, names the missing one, and uses it again once it is back — the
// same gateway, never restarted. Bounded by answer counts, not time.
let tdb: TestDatabase;
let hub: Hub;
let restarted: RunningService | null = null;
let codes: string[];

const PROFILE = `query($c: ID!) { subject(code: $c) {
  code name region { code }
  isALevelTaxpayer isMajorTaxViolator
  isInAbnormalOperationList
  isDishonestDebtor isConsumptionRestricted
} }`;
const OTHERS = ['name', 'region', 'isALevelTaxpayer', 'isMajorTaxViolator', 'isInAbnormalOperationList'] as const;
const COURT = ['isDishonestDebtor', 'isConsumptionRestricted'] as const;

interface Answer {
  /** `transition`: sent in one phase and answered in another (while stopping or restarting). */
  phase: 'before' | 'transition' | 'stopped' | 'after';
  status: number;
  subject: Record<string, unknown> | null;
  errors: { message: string; extensions?: Record<string, unknown> }[];
}

before(async () => {
  tdb = await createTestDatabase();
  await loadDemoData(tdb.url, { subjects: 120, seed: 7, personKeySecret: DEV_SECRETS.PERSON_KEY_SECRET });
  const rows = await tdb.db.prisma.creditSubject.findMany({
    where: { kind: 'ENTERPRISE' },
    select: { code: true },
    take: 24,
    orderBy: { code: 'asc' },
  });
  codes = rows.map((r) => r.code);
  hub = await startTestHub(tdb.url, tdb.db);
});

after(async () => {
  await restarted?.close();
  await hub.close();
  await tdb.drop();
});

describe('a department subgraph stopped mid-load', () => {
  it('costs only its own fields, with one SUBGRAPH_UNAVAILABLE naming it, and is used again once restarted', async () => {
    const court = hub.subgraphs.court;
    const port = court.service.port;
    const answers: Answer[] = [];
    let phase: Answer['phase'] = 'before';
    let sent = 0;
    const PER_PHASE = 60;
    let done = false;

    const worker = async () => {
      while (!done && sent < 2000) {
        const code = codes[sent++ % codes.length]!;
        const current = phase;
        const { status, body } = await postGraphQL(hub.gatewayUrl, PROFILE, { c: code });
        answers.push({
          phase: current === phase ? current : 'transition',
          status,
          subject: (body.data as { subject?: Record<string, unknown> } | null)?.subject ?? null,
          errors: body.errors ?? [],
        });
      }
    };
    const count = (p: Answer['phase']) => answers.filter((a) => a.phase === p).length;
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setImmediate(resolve));
    };

    const load = Promise.all([worker(), worker(), worker(), worker()]);
    // Mid-load: stop the court department's subgraph while four clients keep asking.
    await until(() => answers.length >= PER_PHASE);
    phase = 'transition';
    await court.service.close();
    phase = 'stopped';
    await until(() => count('stopped') >= PER_PHASE);
    // Back on the same address; the gateway is not touched.
    phase = 'transition';
    restarted = await startCourtSubgraph({ db: court.db, port, internalSecret: hub.internalSecret });
    phase = 'after';
    await until(() => count('after') >= PER_PHASE);
    done = true;
    await load;

    // Every answer, in every phase: 200 with the other departments' data.
    for (const answer of answers) {
      assert.equal(answer.status, 200);
      assert.ok(answer.subject, `a subject in every answer: ${JSON.stringify(answer.errors)}`);
      for (const field of OTHERS) assert.notEqual(answer.subject[field], null, `${field} in every answer`);
      const courtMissing = COURT.every((field) => answer.subject![field] === null);
      if (courtMissing) {
        // Exactly one error, naming the court subgraph, with the stable code.
        assert.equal(answer.errors.length, 1, JSON.stringify(answer.errors));
        assert.equal(answer.errors[0]!.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
        assert.equal(answer.errors[0]!.extensions?.serviceName, 'court');
        assert.match(answer.errors[0]!.message, /court/);
      } else {
        assert.deepEqual(answer.errors, []);
        for (const field of COURT) assert.equal(typeof answer.subject[field], 'boolean');
      }
    }
    const complete = (p: Answer['phase']) =>
      answers.filter((a) => a.phase === p && a.errors.length === 0).length / count(p);
    assert.equal(complete('before'), 1);
    assert.equal(complete('stopped'), 0, 'while it is down every answer says so');
    // Once back, it is used again: after at most the requests already in flight, every answer is complete.
    const after = answers.filter((a) => a.phase === 'after');
    const firstComplete = after.findIndex((a) => a.errors.length === 0);
    assert.ok(firstComplete >= 0 && firstComplete <= 4, `used again at once (first complete: ${firstComplete})`);
    assert.ok(after.slice(firstComplete).every((a) => a.errors.length === 0));
    assert.ok(count('before') >= PER_PHASE && count('stopped') >= PER_PHASE && count('after') >= PER_PHASE);
  });
});
