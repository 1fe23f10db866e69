/**
 * Events through the whole hub: a department's mutation through the real gateway records its event in the same
 * transaction, the hub's relay moves it to the platform bus, and a consumer of another department receives it
 * without reading the writer's schema (the envelope is all it gets). A write whose transaction fails records
 * nothing. A listing term ending at midnight is announced once by the hub's scheduler, and a later deletion by the
 * court for the same ending adds no second event.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import type { ConsumerDefinition, DeliveredEvent } from '@credit-hub/kit/events';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

let tdb: TestDatabase;
let hub: Hub;
let tax: Record<string, string>;
let court: Record<string, string>;
const restoreClock = fixClock('2026-03-15T02:00:00Z');

const firm = makeUscc('91', '330106', 'MA2E7001');
const debtor = makeUscc('91', '330106', 'MA2E7002');
const authority = makeUscc('11', '330100', '00260001');
const CASE = '(2024)浙0106执2201号';

/** The evaluation department's consumer: what it keeps comes from the envelope alone. */
const received: DeliveredEvent[] = [];
const watcher: ConsumerDefinition = {
  name: 'evaluation.e2e-watch',
  types: ['list.entry.added', 'list.entry.removed', 'rating.changed'],
  async handle(event, sql) {
    received.push(event);
    await sql.execute('INSERT INTO public.e2e_watch (event_id, type, subject) VALUES ($1, $2, $3)', [
      event.id,
      event.type,
      event.subjectCode,
    ]);
  },
};

const PUBLISH = `mutation($input: MajorTaxViolationInput!) { publishMajorTaxViolation(input: $input) { id status } }`;
const REMOVE = `mutation($id: ID!, $input: MajorTaxViolationStopInput!) {
  removeMajorTaxViolation(id: $id, input: $input) { id status }
}`;
const WITHDRAW = `mutation($caseNumber: String!, $reason: WithdrawalReason!) {
  withdrawDishonestDebtorCase(caseNumber: $caseNumber, reason: $reason) { caseNumber }
}`;

const outbox = async (schema: string, subject: string) =>
  (
    await tdb.db.pool.query<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM ${schema}.outbox WHERE subject_code = $1 ORDER BY position`,
      [subject],
    )
  ).rows;

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.pool.query('CREATE TABLE public.e2e_watch (event_id uuid PRIMARY KEY, type text, subject text)');
  // Fails the audit entry of one marked write: its transaction (change, event, audit) must roll back whole.
  await tdb.db.pool.query(`
    CREATE FUNCTION public.refuse_probe() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit refused for the rollback probe'; END $$;
    CREATE TRIGGER refuse_probe BEFORE INSERT ON audit.entry
      FOR EACH ROW WHEN (NEW.detail LIKE '%ROLLBACK-PROBE%') EXECUTE FUNCTION public.refuse_probe();`);
  await tdb.db.prisma.dishonestDebtorCase.create({
    data: {
      caseNumber: CASE,
      subjectCode: debtor,
      debtorKind: 'ORGANISATION',
      debtorName: '杭州某某建材有限公司',
      legalRepresentative: '王某',
      regionCode: '330106',
      courtName: '杭州市西湖区人民法院',
      filedOn: new Date('2023-09-02'),
      basisDocumentNumber: '(2023)浙0106民初3311号',
      basisIssuer: '杭州市西湖区人民法院',
      obligation: '支付货款人民币120,000元',
      performance: 'NONE_PERFORMED',
      behaviours: ['VIOLATING_PROPERTY_REPORTING'],
      decidedOn: new Date('2024-03-15'),
      termYears: 2,
      listedUntil: new Date('2026-03-15'),
      publishedOn: new Date('2024-03-18'),
    },
  });
  hub = await startTestHub(tdb.url, tdb.db, { events: { consumers: [watcher], pollMs: 100 } });
  tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
  court = bearer(await tokenFor({ role: 'officer', department: 'court' }));
});

after(async () => {
  await hub.close();
  await tdb.drop();
  restoreClock();
});

describe('events through the hub', () => {
  let entryId = '';

  it('a listing through the gateway reaches another department as list.entry.added and rating.changed', async () => {
    const answer = await postGraphQL(
      hub.gatewayUrl,
      PUBLISH,
      {
        input: {
          subjectCode: firm,
          taxpayerName: '杭州鑫达贸易有限公司',
          situation: 'TAX_EVASION',
          mainFacts: '经检查，该单位2023年度采取虚假申报手段少缴增值税325万元。',
          legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条的规定',
          penalty: '追缴税款325万元，并处罚款',
          inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
          authorityCode: authority,
          decisionServedOn: '2025-03-10',
          publishedOn: '2025-04-12',
        },
      },
      tax,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    entryId = (answer.body.data as { publishMajorTaxViolation: { id: string } }).publishMajorTaxViolation.id;
    await hub.events!.settle();
    const mine = received.filter((e) => e.subjectCode === firm);
    assert.deepEqual(
      mine.map((e) => [e.type, e.department, e.source]),
      [
        ['list.entry.added', 'tax', 'tax'],
        ['rating.changed', 'tax', 'tax'],
      ],
    );
    assert.deepEqual(mine[0]!.payload, {
      list: 'MAJOR_TAX_VIOLATOR',
      entryId,
      listedOn: '2025-04-12',
      endsOn: '2028-04-12',
      authority: '国家税务总局杭州市税务局第一稽查局',
    });
    assert.deepEqual(mine[1]!.payload, {
      scheme: 'TAX_CREDIT',
      year: 2025,
      level: 'D',
      previousLevel: null,
      ratingId: (mine[1]!.payload as { ratingId: string }).ratingId,
    });
  });

  it('a removal whose transaction fails records no event, and the entry stays listed', async () => {
    const answer = await postGraphQL(
      hub.gatewayUrl,
      REMOVE,
      { id: entryId, input: { ground: 'DECISION_REVOKED', reason: '复议撤销 ROLLBACK-PROBE' } },
      tax,
    );
    assert.ok(answer.body.errors?.length, 'the write failed');
    assert.deepEqual(
      (await outbox('tax', firm)).map((e) => e.type),
      ['list.entry.added', 'rating.changed'],
    );
    const entry = await tdb.db.prisma.majorTaxViolation.findUniqueOrThrow({ where: { id: BigInt(entryId) } });
    assert.equal(entry.status, 'PUBLISHED');
  });

  it('the same removal committed records list.entry.removed and the consumer receives it once', async () => {
    const answer = await postGraphQL(
      hub.gatewayUrl,
      REMOVE,
      { id: entryId, input: { ground: 'DECISION_REVOKED', reason: '复议决定撤销原处理决定' } },
      tax,
    );
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    await hub.events!.settle();
    const removed = received.filter((e) => e.subjectCode === firm && e.type === 'list.entry.removed');
    assert.equal(removed.length, 1);
    assert.deepEqual(removed[0]!.payload, {
      list: 'MAJOR_TAX_VIOLATOR',
      entryId,
      removedOn: '2026-03-15',
      cause: 'REMOVED',
      ground: 'DECISION_REVOKED',
    });
    const rows = await tdb.db.pool.query('SELECT 1 FROM public.e2e_watch WHERE subject = $1', [firm]);
    assert.equal(rows.rows.length, 3);
  });

  it('a term ending at midnight is announced once; the court confirming it later adds nothing', async () => {
    const removals = async () => (await outbox('court', debtor)).filter((e) => e.type === 'list.entry.removed');
    // 2026-03-15 23:59 Beijing: the last day of the term.
    let restore = fixClock('2026-03-15T15:59:00Z');
    await hub.events!.scheduler!.runNow();
    assert.equal((await removals()).length, 0);
    restore();
    // 00:00 on the 16th: the scheduler runs (twice, as two hubs would), one event.
    restore = fixClock('2026-03-15T16:00:00Z');
    await Promise.all([hub.events!.scheduler!.runNow(), hub.events!.scheduler!.runNow()]);
    const [ended] = await removals();
    assert.deepEqual(ended?.payload, {
      list: 'DISHONEST_DEBTOR',
      entryId: ended?.payload.entryId,
      removedOn: '2026-03-16',
      cause: 'TERM_ENDED',
      ground: null,
    });
    // The court records the deletion (PERIOD_ENDED) the next day: the same ending, no second event.
    restore();
    restore = fixClock('2026-03-17T02:00:00Z');
    const answer = await postGraphQL(hub.gatewayUrl, WITHDRAW, { caseNumber: CASE, reason: 'PERIOD_ENDED' }, court);
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    assert.equal((await removals()).length, 1);
    await hub.events!.settle();
    assert.equal(received.filter((e) => e.subjectCode === debtor && e.type === 'list.entry.removed').length, 1);
    restore();
  });
});
