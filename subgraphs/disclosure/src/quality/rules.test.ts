import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, deadlineOf, isTimely, lateIssues, nonCompliantIssues, type DecisionFact } from './rules.ts';

/** A decision of the emergency department, first received at noon Beijing time on `received` (or never). */
const fact = (decidedOn: string, received: string | null, ok = true): DecisionFact => ({
  kind: 'CF',
  authorityCode: '11330100002491056T',
  documentNumber: `杭应急罚〔${decidedOn}〕`,
  department: 'emergency',
  decidedOn,
  firstReceivedAt: received ? new Date(`${received}T12:00:00+08:00`) : null,
  firstOk: received ? ok : null,
});

describe('双公示 timeliness at the edges of the working-day calendar', () => {
  it('counts 2023 with its own notice (国办发明电〔2022〕16号), not as Monday–Friday', () => {
    assert.equal(deadlineOf('2023-09-27'), '2023-10-12');
    assert.equal(isTimely(fact('2023-09-27', '2023-10-12')), true, 'on the deadline');
    assert.equal(isTimely(fact('2023-09-27', '2023-10-13')), false, 'the day after');
  });

  it('cannot count a deadline in a year the calendar does not hold, and says so', () => {
    assert.equal(deadlineOf('2026-12-21'), '2026-12-30');
    assert.equal(deadlineOf('2026-12-24'), null, 'the 7th working day would be in 2027');
    assert.equal(deadlineOf('2018-12-20'), null, '2018 has no notice in the calendar');
    // Received by 2026-12-31: timely whatever 2027's notice says, since the deadline lies after that day.
    assert.equal(isTimely(fact('2026-12-24', '2026-12-31')), true);
    assert.equal(isTimely(fact('2026-12-24', '2027-01-06')), null);
    assert.equal(isTimely(fact('2018-12-20', '2018-12-21')), null);
  });

  it('reports undetermined decisions apart, out of the rate and out of the late list', () => {
    const facts = [
      fact('2026-12-21', '2026-12-30'), // timely, on the deadline
      fact('2026-12-21', '2026-12-31', false), // late (and not compliant)
      fact('2026-12-24', '2027-01-06'), // cannot be told yet
      fact('2026-12-24', null), // not reported, deadline not countable: not late
    ];
    const [q] = aggregate(facts, null);
    assert.deepEqual(
      { due: q!.due, reported: q!.reported, timely: q!.timely, undetermined: q!.timelinessUndetermined },
      { due: 4, reported: 3, timely: 1, undetermined: 1 },
    );
    assert.equal(q!.timelinessRate, 0.5);
    const late = lateIssues(facts, '2026-12-31');
    assert.deepEqual(
      late.map((i) => [i.decidedOn, i.deadline, i.workingDaysLate]),
      [['2026-12-21', '2026-12-30', 1]],
    );
    // A drill-down entry whose deadline cannot be counted shows null rather than a guess.
    const failed = nonCompliantIssues([fact('2026-12-24', '2026-12-28', false)], '2026-12-31');
    assert.deepEqual(
      failed.map((i) => [i.deadline, i.workingDaysLate]),
      [[null, null]],
    );
  });
});
