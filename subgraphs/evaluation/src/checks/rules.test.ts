import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseCalendar } from '@credit-hub/kit/calendar';
import type { MeasureRow } from '../catalogue/mappers.ts';
import { starterCatalogue } from '../catalogue/writes.ts';
import { CREDIT_LISTS, LIST_INFO, type CreditList } from '../catalogue/rules.ts';
import { actionOf, evaluateCheck, listsOf, matchMeasures, unpunished, validateFeedback } from './rules.ts';

// The starter catalogue as stored rows (version 1, in force): the tests match against the real data file.
const catalogue: MeasureRow[] = starterCatalogue().map((d, i) => ({
  ...d,
  id: BigInt(i + 1),
  version: 1,
  status: 'ACTIVE',
  changeNote: '初始目录',
  changedBy: 'catalogue',
  createdAt: new Date('2026-11-01T00:00:00Z'),
}));
const codes = (ms: { code: string }[]) => ms.map((m) => m.code);
const clean = Object.fromEntries(CREDIT_LISTS.map((l) => [LIST_INFO[l].flag, false]));
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('lists from the departments’ flags', () => {
  it('puts a subject on each list whose flag is true, in catalogue order', () => {
    assert.deepEqual(listsOf(clean), { lists: [], missing: [] });
    for (const list of CREDIT_LISTS)
      assert.deepEqual(listsOf({ ...clean, [LIST_INFO[list].flag]: true }).lists, [list]);
    assert.deepEqual(
      listsOf({ ...clean, isALevelTaxpayer: true, isDishonestDebtor: true, isInAbnormalOperationList: true }).lists,
      ['DISHONEST_DEBTOR', 'ABNORMAL_OPERATION', 'A_LEVEL_TAXPAYER'],
    );
  });

  it('reports a flag that did not arrive instead of reading it as not listed', () => {
    const { missing } = listsOf({ ...clean, isDishonestDebtor: null, isHighFrequencyOffender: undefined });
    assert.deepEqual(missing, ['isDishonestDebtor', 'isHighFrequencyOffender']);
  });
});

describe('catalogue matching per matter and list', () => {
  const check = (lists: CreditList[], matter: Parameters<typeof evaluateCheck>[1]) =>
    evaluateCheck(lists, matter, catalogue);

  it('intercepts a 失信被执行人 in public procurement (财库〔2016〕125号)', () => {
    const result = check(['DISHONEST_DEBTOR'], 'PUBLIC_PROCUREMENT');
    assert.deepEqual(codes(result.measures), ['PROC-CREDIT-EXCLUDE']);
    assert.equal(result.action, 'INTERCEPT');
    assert.deepEqual(result.measures[0]!.triggeredBy, ['DISHONEST_DEBTOR']);
    assert.equal(result.measures[0]!.basisNumber, '财库〔2016〕125号');
  });

  it('restricts the same subject in bidding and reminds in licensing: the matter decides', () => {
    assert.deepEqual(codes(check(['DISHONEST_DEBTOR'], 'BIDDING').measures), ['DD-BID-RESTRICT']);
    assert.equal(check(['DISHONEST_DEBTOR'], 'BIDDING').action, 'RESTRICT');
    const licensing = check(['DISHONEST_DEBTOR'], 'LICENSING');
    assert.deepEqual(codes(licensing.measures), ['LICENSING-NO-COMMITMENT', 'DD-LICENSING-NOTICE']);
    assert.equal(licensing.action, 'RESTRICT');
    assert.deepEqual(codes(check(['DISHONEST_DEBTOR'], 'CIVIL_SERVANT_HIRING').measures), ['CS-HIRING-BAN']);
  });

  it('applies a measure to the lists it names only', () => {
    // Abnormal operation is weighed in procurement (提示) but is no ground for exclusion.
    const abnormal = check(['ABNORMAL_OPERATION'], 'PUBLIC_PROCUREMENT');
    assert.deepEqual(codes(abnormal.measures), ['AO-CONSIDERATION']);
    assert.equal(abnormal.action, 'REMIND');
    // A consumption restriction bars buying real estate (state land), nothing in procurement.
    assert.equal(check(['CONSUMPTION_RESTRICTED'], 'STATE_LAND').action, 'INTERCEPT');
    assert.equal(check(['CONSUMPTION_RESTRICTED'], 'PUBLIC_PROCUREMENT').action, 'CLEAR');
  });

  it('lists every triggering list of a measure and sorts measures most severe first', () => {
    const result = check(['DISHONEST_DEBTOR', 'MAJOR_TAX_VIOLATOR', 'ABNORMAL_OPERATION'], 'PUBLIC_PROCUREMENT');
    assert.deepEqual(codes(result.measures), ['PROC-CREDIT-EXCLUDE', 'AO-CONSIDERATION']);
    assert.deepEqual(result.measures[0]!.triggeredBy, ['DISHONEST_DEBTOR', 'MAJOR_TAX_VIOLATOR']);
    assert.equal(result.action, 'INTERCEPT');
  });

  it('gives a red-listed subject its incentives', () => {
    const result = check(['A_LEVEL_TAXPAYER'], 'LICENSING');
    assert.deepEqual(codes(result.measures), ['A-LEVEL-GREEN-CHANNEL']);
    assert.equal(result.action, 'INCENTIVE');
    assert.deepEqual(result.withheldIncentives, []);
  });

  it('withholds incentives while the subject is on any black list, but not for a watch list', () => {
    const black = check(['MAJOR_TAX_VIOLATOR', 'A_LEVEL_TAXPAYER'], 'TAX_SERVICE');
    assert.deepEqual(codes(black.measures), ['TAX-D-LEVEL-INVOICE']);
    assert.deepEqual(codes(black.withheldIncentives), ['A-LEVEL-INVOICE']);
    assert.equal(black.action, 'RESTRICT');
    const env = check(['ENVIRONMENTAL_BLACKLIST', 'A_LEVEL_TAXPAYER'], 'LICENSING');
    assert.deepEqual(codes(env.measures), []);
    assert.deepEqual(codes(env.withheldIncentives), ['A-LEVEL-GREEN-CHANNEL']);
    assert.equal(env.action, 'CLEAR');
    const watch = check(['ABNORMAL_OPERATION', 'A_LEVEL_TAXPAYER'], 'LICENSING');
    assert.deepEqual(codes(watch.measures), ['A-LEVEL-GREEN-CHANNEL']);
    assert.equal(watch.action, 'INCENTIVE');
  });

  it('is CLEAR with no list, or with lists that have no measure in the matter', () => {
    assert.deepEqual(check([], 'BIDDING'), { lists: [], measures: [], withheldIncentives: [], action: 'CLEAR' });
    const result = check(['ENVIRONMENTAL_INTEGRITY'], 'BIDDING');
    assert.deepEqual(result.lists, ['ENVIRONMENTAL_INTEGRITY']);
    assert.equal(result.action, 'CLEAR');
  });

  it('never applies a retired measure', () => {
    const retired = catalogue.map((m) => (m.code === 'PROC-CREDIT-EXCLUDE' ? { ...m, status: 'RETIRED' as const } : m));
    const { measures } = matchMeasures(['DISHONEST_DEBTOR'], 'PUBLIC_PROCUREMENT', retired);
    assert.deepEqual(measures, []);
  });

  it('matches every measure of the catalogue for each of its lists and matters', () => {
    for (const m of catalogue)
      for (const list of m.lists)
        for (const matter of m.matters) {
          const result = matchMeasures([list], matter, catalogue);
          assert.ok(codes(result.measures).includes(m.code), `${m.code} for ${list} in ${matter}`);
        }
  });
});

describe('action precedence', () => {
  it('takes the most severe kind: INTERCEPT > RESTRICT > REMIND > INCENTIVE > CLEAR', () => {
    const of = (...kinds: MeasureRow['kind'][]) => actionOf(kinds.map((kind) => ({ kind })));
    assert.equal(of(), 'CLEAR');
    assert.equal(of('INCENTIVE'), 'INCENTIVE');
    assert.equal(of('INCENTIVE', 'REMIND'), 'REMIND');
    assert.equal(of('REMIND', 'RESTRICT', 'INCENTIVE'), 'RESTRICT');
    assert.equal(of('RESTRICT', 'INTERCEPT', 'REMIND'), 'INTERCEPT');
    assert.equal(of('INTERCEPT', 'INCENTIVE'), 'INTERCEPT');
  });
});

describe('feedback rules (自动反馈)', () => {
  const measures = [
    { code: 'PROC-CREDIT-EXCLUDE', version: 2 },
    { code: 'AO-CONSIDERATION', version: 1 },
  ];

  it('stores each answer with the version the check applied', () => {
    assert.deepEqual(
      validateFeedback(
        [
          { measureCode: 'proc-credit-exclude', applied: true },
          { measureCode: 'AO-CONSIDERATION', applied: false, reason: '  已核实该企业已于次日移出经营异常名录 ' },
        ],
        measures,
      ),
      [
        { measureCode: 'PROC-CREDIT-EXCLUDE', measureVersion: 2, applied: true, reason: null },
        {
          measureCode: 'AO-CONSIDERATION',
          measureVersion: 1,
          applied: false,
          reason: '已核实该企业已于次日移出经营异常名录',
        },
      ],
    );
  });

  it('refuses a measure not applied without a reason, naming the item', () => {
    assert.throws(
      () => validateFeedback([{ measureCode: 'AO-CONSIDERATION', applied: false, reason: ' ' }], measures),
      (e: any) => e.extensions.field === 'items[0].reason' && e.extensions.rule === 'REASON_REQUIRED',
    );
  });

  it('refuses measures the check did not return, repeats and empty reports', () => {
    assert.throws(
      () => validateFeedback([{ measureCode: 'CS-HIRING-BAN', applied: true }], measures),
      (e: any) => e.extensions.field === 'items[0].measureCode' && e.extensions.rule === 'NOT_IN_CHECK',
    );
    assert.throws(
      () =>
        validateFeedback(
          [
            { measureCode: 'AO-CONSIDERATION', applied: true },
            { measureCode: 'AO-CONSIDERATION', applied: true },
          ],
          measures,
        ),
      (e: any) => e.extensions.field === 'items[1].measureCode' && e.extensions.rule === 'REPEATED',
    );
    assert.throws(
      () => validateFeedback([], measures),
      (e: any) => e.extensions.rule === 'REQUIRED',
    );
  });
});

describe('应惩未惩 deadline in working days', () => {
  // 2026-09-30 is the last working day before the National Day holiday (10-01 to 10-07); 10-10 is a 调休 Saturday.
  const candidate = { checkedOn: d('2026-09-30'), kind: 'INTERCEPT' as const, feedback: null };

  it('counts working days from the check day with the Chinese calendar (holidays and 调休)', () => {
    assert.equal(unpunished(candidate, d('2026-10-09'), 5, chineseCalendar), null);
    assert.equal(unpunished(candidate, d('2026-10-13'), 5, chineseCalendar), null, 'the deadline day itself');
    assert.deepEqual(unpunished(candidate, d('2026-10-14'), 5, chineseCalendar), {
      reason: 'NO_FEEDBACK',
      deadline: d('2026-10-13'),
      daysOverdue: 1,
    });
    assert.equal(unpunished(candidate, d('2026-10-20'), 5, chineseCalendar)?.daysOverdue, 5);
  });

  it('clears a measure answered either way, and lists "not applied" without a reason at once', () => {
    const late = d('2026-11-30');
    assert.equal(
      unpunished({ ...candidate, feedback: { applied: true, reason: null } }, late, 5, chineseCalendar),
      null,
    );
    assert.equal(
      unpunished(
        { ...candidate, feedback: { applied: false, reason: '法院已撤销失信决定' } },
        late,
        5,
        chineseCalendar,
      ),
      null,
    );
    assert.equal(
      unpunished({ ...candidate, feedback: { applied: false, reason: '' } }, d('2026-10-08'), 5, chineseCalendar)
        ?.reason,
      'NOT_APPLIED_WITHOUT_REASON',
    );
  });

  it('knows nothing is overdue when the deadline runs past the calendar, and refuses a today it does not hold', () => {
    // Checked on 2026-12-28: the 5th working day would be in 2027, whose notice the calendar does not hold yet.
    const late = { ...candidate, checkedOn: d('2026-12-28') };
    assert.equal(unpunished(late, d('2026-12-31'), 5, chineseCalendar), null, 'not due before the year ends');
    assert.deepEqual(
      unpunished({ ...late, feedback: { applied: false, reason: ' ' } }, d('2026-12-31'), 5, chineseCalendar),
      { reason: 'NOT_APPLIED_WITHOUT_REASON', deadline: null, daysOverdue: 0 },
    );
    // Inside the calendar the day before and the day of the last day held still count exactly.
    assert.deepEqual(unpunished({ ...candidate, checkedOn: d('2026-12-21') }, d('2026-12-29'), 5, chineseCalendar), {
      reason: 'NO_FEEDBACK',
      deadline: d('2026-12-28'),
      daysOverdue: 1,
    });
    // On 2027-01-04 nothing can be counted: a clear error, not a Monday–Friday guess.
    assert.throws(
      () => unpunished(candidate, d('2027-01-04'), 5, chineseCalendar),
      (e: any) => e.extensions.code === 'CALENDAR_RANGE' && e.extensions.date === '2027-01-01',
    );
  });

  it('never lists incentives', () => {
    assert.equal(unpunished({ ...candidate, kind: 'INCENTIVE' }, d('2026-12-31'), 5, chineseCalendar), null);
  });
});
