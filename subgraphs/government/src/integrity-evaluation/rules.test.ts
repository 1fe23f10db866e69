import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVALUATION_MODEL, evaluateIntegrity, evaluationDate, gradeOf, type EvaluationFacts } from './rules.ts';

// The 政务诚信 evaluation as a plain function: facts in, score and deductions out, no database.
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const AS_OF = d('2026-11-21');

const arrear = (id: number, dueOn: string, clearedOn: string | null = null, description = '工程款') => ({
  id: BigInt(id),
  description,
  dueOn: d(dueOn),
  clearedOn: clearedOn ? d(clearedOn) : null,
});
const commitment = (id: number, status: 'PENDING' | 'FULFILLED' | 'BROKEN', fulfilledOn: string | null) => ({
  id: BigInt(id),
  content: '招商引资承诺：给予企业三年租金减免',
  status,
  fulfilledOn: fulfilledOn ? d(fulfilledOn) : null,
});
const complaint = (id: number, outcome: 'PENDING' | 'UPHELD' | 'REJECTED' | 'RESOLVED', handledOn: string | null) => ({
  id: BigInt(id),
  content: '新官不理旧账，拒不兑现前任领导签订的厂房租金补贴协议',
  outcome,
  handledOn: handledOn ? d(handledOn) : null,
});
const facts = (extra: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  asOf: AS_OF,
  isDishonestDebtor: false,
  arrears: [],
  commitments: [],
  complaints: [],
  ...extra,
});
const total = (r: ReturnType<typeof evaluateIntegrity>) => r.deductions.reduce((s, x) => s + x.points, 0);

describe('政务诚信 evaluation', () => {
  it('gives a body without findings 100 points, 诚信', () => {
    assert.deepEqual(evaluateIntegrity(facts()), {
      score: 100,
      grade: 'CREDITWORTHY',
      gradeLabel: '诚信',
      deductions: [],
      modelVersion: EVALUATION_MODEL.version,
    });
  });

  it('deducts 40 for a current 失信被执行人 listing, sourced from the courts', () => {
    const result = evaluateIntegrity(facts({ isDishonestDebtor: true }));
    assert.equal(result.score, 60);
    assert.equal(result.grade, 'AT_RISK');
    assert.equal(result.gradeLabel, '失信风险');
    assert.deepEqual(result.deductions, [
      { kind: 'DISHONEST_DEBTOR', reason: '被人民法院列为失信被执行人', points: 40, source: 'COURT', sourceId: null },
    ]);
    // Null means "not applicable" (a past year: the courts publish no history), not "listed".
    assert.equal(evaluateIntegrity(facts({ isDishonestDebtor: null })).score, 100);
  });

  it('deducts 5 per arrear overdue and not cleared at the evaluation date', () => {
    const result = evaluateIntegrity(
      facts({
        arrears: [
          arrear(3, '2026-03-31', null, '货款：办公家具采购合同（西教采〔2025〕12号）'),
          arrear(1, '2025-12-31'),
          arrear(2, '2026-11-21'), // due today: not overdue yet
          arrear(4, '2026-01-15', '2026-06-30'), // cleared before the evaluation date
          arrear(5, '2025-06-30', '2026-12-15'), // cleared, but only after the evaluation date
        ],
      }),
    );
    assert.deepEqual(
      result.deductions.map((x) => [x.kind, x.sourceId, x.points, x.source]),
      [
        ['OVERDUE_ARREARS', '5', 5, 'ARREARS'],
        ['OVERDUE_ARREARS', '1', 5, 'ARREARS'],
        ['OVERDUE_ARREARS', '3', 5, 'ARREARS'],
      ],
    );
    assert.equal(
      result.deductions[2]!.reason,
      '拖欠中小企业账款逾期未清偿：货款：办公家具采购合同（西教采〔2025〕12号）（约定付款日期2026-03-31）',
    );
    assert.equal(result.score, 85);
    assert.equal(result.grade, 'BASICALLY_CREDITWORTHY');
  });

  it('caps overdue arrears at 30 points, listing the items beyond the cap with 0 points', () => {
    const arrears = Array.from({ length: 8 }, (_, i) => arrear(i + 1, `2025-0${i + 1}-10`));
    const result = evaluateIntegrity(facts({ arrears }));
    assert.deepEqual(
      result.deductions.map((x) => x.points),
      [5, 5, 5, 5, 5, 5, 0, 0],
    );
    assert.match(result.deductions[6]!.reason, /（已达本项扣分上限30分）$/);
    assert.doesNotMatch(result.deductions[5]!.reason, /上限/);
    assert.equal(result.score, 70);
    assert.equal(total(result), 100 - result.score);
  });

  it('deducts 10 per commitment found broken within the year, and nothing for pending or fulfilled ones', () => {
    const result = evaluateIntegrity(
      facts({
        commitments: [
          commitment(1, 'BROKEN', '2026-05-20'),
          commitment(2, 'BROKEN', '2025-12-31'), // last year's breach: counted in 2025
          commitment(3, 'FULFILLED', '2026-02-01'),
          commitment(4, 'PENDING', null),
        ],
      }),
    );
    assert.deepEqual(result.deductions, [
      {
        kind: 'BROKEN_COMMITMENT',
        reason: '政府承诺未履行：招商引资承诺：给予企业三年租金减免',
        points: 10,
        source: 'COMMITMENT',
        sourceId: '1',
      },
    ]);
    assert.equal(result.score, 90);
    assert.equal(result.grade, 'CREDITWORTHY');
  });

  it('deducts 5 per complaint upheld within the year', () => {
    const result = evaluateIntegrity(
      facts({
        complaints: [
          complaint(1, 'UPHELD', '2026-04-01'),
          complaint(2, 'UPHELD', '2026-09-09'),
          complaint(3, 'REJECTED', '2026-04-01'),
          complaint(4, 'RESOLVED', '2026-04-01'),
          complaint(5, 'PENDING', null),
          complaint(6, 'UPHELD', '2025-11-01'),
        ],
      }),
    );
    assert.deepEqual(
      result.deductions.map((x) => [x.kind, x.sourceId, x.points, x.source]),
      [
        ['UPHELD_COMPLAINT', '1', 5, 'COMPLAINT'],
        ['UPHELD_COMPLAINT', '2', 5, 'COMPLAINT'],
      ],
    );
    assert.match(result.deductions[0]!.reason, /^政府违约投诉成立：新官不理旧账/);
    assert.equal(result.score, 90);
  });

  it('lists deductions in model order, the points adding up to 100 − score', () => {
    const result = evaluateIntegrity(
      facts({
        isDishonestDebtor: true,
        arrears: [arrear(7, '2026-01-31')],
        commitments: [commitment(8, 'BROKEN', '2026-03-01')],
        complaints: [complaint(9, 'UPHELD', '2026-03-02')],
      }),
    );
    assert.deepEqual(
      result.deductions.map((x) => x.kind),
      ['DISHONEST_DEBTOR', 'OVERDUE_ARREARS', 'BROKEN_COMMITMENT', 'UPHELD_COMPLAINT'],
    );
    assert.equal(result.score, 40);
    assert.equal(result.grade, 'DISHONEST');
    assert.equal(result.gradeLabel, '失信');
    assert.equal(total(result), 60);
  });

  it('never scores below 0', () => {
    const result = evaluateIntegrity(
      facts({
        isDishonestDebtor: true,
        arrears: Array.from({ length: 6 }, (_, i) => arrear(i + 1, '2026-01-01')),
        commitments: Array.from({ length: 5 }, (_, i) => commitment(i + 10, 'BROKEN', '2026-06-01')),
      }),
    );
    assert.equal(total(result), 120);
    assert.equal(result.score, 0);
    assert.equal(result.grade, 'DISHONEST');
  });

  it('evaluates a past year as of its 31 December', () => {
    const today = d('2026-11-21');
    assert.deepEqual(evaluationDate(2026, today), today);
    assert.deepEqual(evaluationDate(2024, today), d('2024-12-31'));
    const result = evaluateIntegrity(
      facts({
        asOf: d('2025-12-31'),
        isDishonestDebtor: null,
        arrears: [arrear(1, '2025-06-30', '2026-02-01'), arrear(2, '2026-03-31')],
        commitments: [commitment(3, 'BROKEN', '2025-12-31'), commitment(4, 'BROKEN', '2026-01-01')],
        complaints: [complaint(5, 'UPHELD', '2025-01-01'), complaint(6, 'UPHELD', '2024-12-31')],
      }),
    );
    assert.deepEqual(
      result.deductions.map((x) => [x.kind, x.sourceId]),
      [
        ['OVERDUE_ARREARS', '1'],
        ['BROKEN_COMMITMENT', '3'],
        ['UPHELD_COMPLAINT', '5'],
      ],
    );
    assert.equal(result.score, 80);
  });

  it('grades at the thresholds 90 / 75 / 60', () => {
    assert.deepEqual(
      [100, 90, 89, 75, 74, 60, 59, 0].map((s) => gradeOf(s).label),
      ['诚信', '诚信', '基本诚信', '基本诚信', '失信风险', '失信风险', '失信', '失信'],
    );
  });

  it('takes its numbers from the model, which is data', () => {
    const strict = {
      ...EVALUATION_MODEL,
      version: 'TEST-1',
      deductions: {
        ...EVALUATION_MODEL.deductions,
        OVERDUE_ARREARS: { ...EVALUATION_MODEL.deductions.OVERDUE_ARREARS, points: 8, cap: 16 },
      },
    };
    const result = evaluateIntegrity(
      facts({ arrears: [arrear(1, '2026-01-01'), arrear(2, '2026-02-01'), arrear(3, '2026-03-01')] }),
      strict,
    );
    assert.deepEqual(
      result.deductions.map((x) => x.points),
      [8, 8, 0],
    );
    assert.equal(result.score, 84);
    assert.equal(result.modelVersion, 'TEST-1');
  });
});
