/**
 * The evaluation's events for the supervisors' metrics (docs/events.md, ADR 0110): a reported business decision
 * (`business.decision.reported`, with whether the department had checked the subject: 应查未查), a punitive measure
 * left without feedback past its deadline (`credit.measure.overdue`, time-made: 应惩未惩) and a 双随机 draw
 * (`inspection.sample.drawn`), each in evaluation.outbox, in the write's transaction, once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clock, type RunningService } from '@credit-hub/kit';
import { emitTimeEvents } from '@credit-hub/kit/events';
import {
  callers,
  createTestDatabase,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { measureOverdue, overdueDay } from '../src/events.ts';
import { startEvaluationSubgraph } from '../src/index.ts';

let tdb: TestDatabase;
let service: RunningService;
const housing = callers.officer('housing');
const supervisor = callers.supervisor();
const s = (n: number) => makeUscc('91', '330106', `MA2M000${n}`);

const outbox = async (type: string) =>
  (
    await tdb.db.pool.query<{ department: string; subject_code: string | null; payload: Record<string, unknown> }>(
      `SELECT department, subject_code, payload FROM evaluation.outbox WHERE type = $1 ORDER BY position`,
      [type],
    )
  ).rows;

const measure = (code: string, kind: string, withheld = false) => ({
  code,
  version: 1,
  name: code,
  kind,
  content: '',
  basisTitle: '',
  basisNumber: null,
  basisArticle: null,
  triggeredBy: [],
  withheld,
});
const check = (
  id: string,
  subjectCode: string,
  matter: string,
  checkedAt: string,
  measures: ReturnType<typeof measure>[],
) => ({
  id,
  callerActor: 'officer-housing',
  callerRole: 'OFFICER',
  callerDepartment: 'housing',
  callerClient: 'test',
  requestId: 'seed',
  matter: matter as 'PUBLIC_PROCUREMENT',
  subjectCode,
  reference: `ref-${id.slice(-1)}`,
  lists: [{ list: 'DISHONEST_DEBTOR' }],
  measures,
  action: 'INTERCEPT',
  checkedAt: new Date(checkedAt),
});
const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b1';

before(async () => {
  tdb = await createTestDatabase();
  service = await startEvaluationSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
  await tdb.db.prisma.creditCheck.createMany({
    data: [
      // 2026-09-30 10:00 in Beijing: deadline 2026-10-13 (National Day holiday), overdue from 10-14.
      check(A, s(1), 'PUBLIC_PROCUREMENT', '2026-09-30T02:00:00Z', [
        measure('PROC-CREDIT-EXCLUDE', 'INTERCEPT'),
        measure('AO-CONSIDERATION', 'REMIND'),
        measure('A-LEVEL-GREEN-CHANNEL', 'INCENTIVE', true),
      ]),
      check(B, s(2), 'BIDDING', '2026-09-30T03:00:00Z', [measure('DD-BID-RESTRICT', 'RESTRICT')]),
    ],
  });
  await tdb.db.prisma.checkFeedback.createMany({
    data: [
      { checkId: A, measureCode: 'AO-CONSIDERATION', measureVersion: 1, applied: true, reportedBy: 'x' },
      { checkId: B, measureCode: 'DD-BID-RESTRICT', measureVersion: 1, applied: true, reportedBy: 'x' },
    ],
  });
});
after(async () => {
  await service?.close();
  await tdb?.drop();
});

describe('应查未查: business decisions', () => {
  const REPORT = `mutation($d: [BusinessDecisionInput!]!) { reportBusinessDecisions(decisions: $d) { recorded } }`;

  it('announces each decision once, with whether the department checked the subject in the 30 days before', async () => {
    const decisions = [
      { subject: s(1), matter: 'PUBLIC_PROCUREMENT', reference: 'CG-1', decidedOn: '2026-10-09' }, // checked 09-30
      { subject: s(2), matter: 'PUBLIC_PROCUREMENT', reference: 'CG-2', decidedOn: '2026-10-09' }, // only BIDDING
      { subject: s(1), matter: 'PUBLIC_PROCUREMENT', reference: 'CG-3', decidedOn: '2026-11-05' }, // 36 days
    ];
    const first = await postAs(service.url, housing, REPORT, { d: decisions });
    assert.equal(first.body.errors, undefined, JSON.stringify(first.body.errors));
    await postAs(service.url, housing, REPORT, { d: decisions.slice(0, 1) });
    const events = await outbox('business.decision.reported');
    assert.deepEqual(
      events.map((e) => [e.department, e.subject_code, e.payload.reference, e.payload.decidedOn, e.payload.checked]),
      [
        ['housing', s(1), 'CG-1', '2026-10-09', true],
        ['housing', s(2), 'CG-2', '2026-10-09', false],
        ['housing', s(1), 'CG-3', '2026-11-05', false],
      ],
    );
    assert.ok(events.every((e) => e.payload.windowDays === 30 && e.payload.matter === 'PUBLIC_PROCUREMENT'));
    // A refused report (a supervisor is no department) records nothing.
    await postAs(service.url, supervisor, REPORT, { d: [{ ...decisions[0]!, reference: 'CG-9' }] });
    assert.equal((await outbox('business.decision.reported')).length, 3);
  });
});

describe('应惩未惩: overdue measures, a time-made event', () => {
  it('computes the overdue day as the first working day after the deadline', () => {
    assert.deepEqual(overdueDay('2026-09-30'), { deadline: '2026-10-13', overdueOn: '2026-10-14' });
  });

  it('announces a punitive measure without feedback on its overdue day, once, whatever runs the job', async () => {
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await emitTimeEvents(tdb.db.pool, [measureOverdue], { today: day('2026-10-13') });
    assert.deepEqual(await outbox('credit.measure.overdue'), [], 'not before the day');
    await Promise.all([
      emitTimeEvents(tdb.db.pool, [measureOverdue], { today: day('2026-10-14') }),
      emitTimeEvents(tdb.db.pool, [measureOverdue], { today: day('2026-10-14') }),
    ]);
    await emitTimeEvents(tdb.db.pool, [measureOverdue], { today: day('2026-10-16') });
    const events = await outbox('credit.measure.overdue');
    assert.deepEqual(
      events.map((e) => [e.department, e.subject_code, e.payload]),
      [
        [
          'housing',
          s(1),
          {
            checkId: A,
            checkingDepartment: 'housing',
            matter: 'PUBLIC_PROCUREMENT',
            measureCode: 'PROC-CREDIT-EXCLUDE',
            measureKind: 'INTERCEPT',
            checkedOn: '2026-09-30',
            deadline: '2026-10-13',
            overdueOn: '2026-10-14',
          },
        ],
      ],
    );
  });
});

describe('双随机 draws', () => {
  it('announces a draw with its strata, in the draw’s transaction', async () => {
    const evaluation = (code: string, level: string, ratio: number) => ({
      subjectCode: code,
      subjectKind: 'ENTERPRISE',
      regionCode: '330106',
      industryCode: 'F5',
      modelCode: 'HUB-ENTERPRISE',
      modelVersion: 1,
      score: 800,
      grade: level,
      gradeLabel: level,
      supervisionLevel: level,
      supervisionLabel: level,
      samplingRatio: ratio,
      explanation: {},
      inputsDigest: '0'.repeat(64),
      evaluatedAt: clock.now(),
    });
    await tdb.db.prisma.subjectEvaluation.createMany({
      data: [evaluation(s(1), 'A', 0.5), evaluation(s(2), 'A', 0.5), evaluation(s(3), 'B', 1)],
    });
    await tdb.db.prisma.evaluationRefresh.create({
      data: {
        regionCode: '330100',
        registeredSubjects: 3,
        evaluatedSubjects: 3,
        recordedBy: 'x',
        recordedAt: clock.now(),
      },
    });
    const DRAW = `mutation($i: InspectionSampleInput!) { drawInspectionSample(input: $i) { id } }`;
    const input = { regionCode: '330106', industryCode: 'F', seed: 'metrics', matter: '2026年度检查' };
    const { body } = await postAs<{ drawInspectionSample: { id: string } }>(service.url, supervisor, DRAW, {
      i: input,
    });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const refused = await postAs(service.url, housing, DRAW, { i: input });
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(
      (await outbox('inspection.sample.drawn')).map((e) => [e.department, e.subject_code, e.payload]),
      [
        [
          'platform',
          null,
          {
            sampleId: body.data!.drawInspectionSample.id,
            regionCode: '330106',
            industryCode: 'F',
            matter: '2026年度检查',
            levels: [
              { level: 'A', population: 2, drawn: 1 },
              { level: 'B', population: 1, drawn: 1 },
            ],
          },
        ],
      ],
    );
  });
});
