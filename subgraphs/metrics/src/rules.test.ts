import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeliveredEvent } from '@credit-hub/kit/events';
import { makeUscc } from '@credit-hub/kit/testing';
import { bucketStart, dimsOfCode, factsOf, METRICS, regionLevels, timelinessOf, validateQuery } from './rules.ts';
import { SOURCE_FACTS } from './sources/rules.ts';

const firm = makeUscc('91', '330106', '00000001');
const event = (over: Partial<DeliveredEvent>): DeliveredEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type: 'list.entry.added',
  version: 1,
  subjectCode: firm,
  personKey: null,
  department: 'court',
  source: 'court',
  occurredAt: new Date('2026-03-02T02:00:00Z'),
  payload: {},
  position: 1,
  ...over,
});

describe('the catalogue', () => {
  it('names a source in docs/ for every metric and a pending event for every unfed one', () => {
    for (const m of METRICS) {
      assert.ok(m.sources.length > 0, m.id);
      assert.equal(m.stream === null, typeof m.pendingOn === 'string', m.id);
      assert.ok(m.dimensions.length > 0, m.id);
    }
    assert.equal(new Set(METRICS.map((m) => m.id)).size, METRICS.length);
  });
});

describe('factsOf', () => {
  it('takes region and kind from the USCC when the directory does not know the subject', () => {
    assert.deepEqual(dimsOfCode(firm, undefined), { district: '330106', industry: '-', kind: 'ENTERPRISE' });
    const [fact] = factsOf(
      event({
        payload: { list: 'DISHONEST_DEBTOR', entryId: '1', listedOn: '2026-03-01', endsOn: null, authority: null },
      }),
      undefined,
      SOURCE_FACTS,
    );
    assert.equal(fact!.day, '2026-03-01');
    assert.deepEqual([fact!.province, fact!.city, fact!.district], ['330000', '330100', '330106']);
    assert.equal(fact!.value, 1);
  });

  it('counts a removal as −1 of the stock with its cause', () => {
    const [fact] = factsOf(
      event({
        type: 'list.entry.removed',
        payload: { list: 'DISHONEST_DEBTOR', entryId: '1', removedOn: '2026-03-05', cause: 'PERFORMED', ground: null },
      }),
      { district: '330203', industry: 'F', kind: 'ENTERPRISE' },
      SOURCE_FACTS,
    );
    assert.deepEqual([fact!.value, fact!.severity, fact!.city, fact!.industry], [-1, 'PERFORMED', '330200', 'F']);
  });

  it('moves a subject between grades: −1 on the old grade, +1 on the new', () => {
    const facts = factsOf(
      event({
        type: 'evaluation.grade.changed',
        payload: { modelCode: 'PUBLIC', modelVersion: 1, grade: 'B', previousGrade: 'A', score: 80 },
      }),
      undefined,
      SOURCE_FACTS,
    );
    assert.deepEqual(
      facts.map((f) => [f.severity, f.value, f.seq]),
      [
        ['B', 1, 0],
        ['A', -1, 1],
      ],
    );
  });

  it('dates a 双公示 receipt in China time and judges it against the 7th working day', () => {
    // 2025-09-30's deadline is 2025-10-16 (National Day holidays; docs/disclosure.md).
    assert.equal(timelinessOf('2025-09-30', '2025-10-16'), 'TIMELY');
    assert.equal(timelinessOf('2025-09-30', '2025-10-17'), 'LATE');
    const [fact] = factsOf(
      event({
        type: 'disclosure.record.accepted',
        department: 'tax',
        occurredAt: new Date('2025-10-16T17:00:00Z'), // 2025-10-17 01:00 in China: late
        payload: { kind: 'PENALTY', recordId: '9', decisionNumber: '杭税罚〔2025〕1号', decidedOn: '2025-09-30' },
      }),
      undefined,
      SOURCE_FACTS,
    );
    assert.deepEqual([fact!.day, fact!.severity, fact!.value, fact!.weight], ['2025-10-17', 'LATE', 0, 1]);
  });
});

describe('regions and buckets', () => {
  it('splits a division code into its province, city and district', () => {
    assert.deepEqual(regionLevels('330106'), { province: '330000', city: '330100', district: '330106' });
    assert.deepEqual(regionLevels('330100'), { province: '330000', city: '330100', district: '000000' });
    assert.deepEqual(regionLevels(null), { province: '000000', city: '000000', district: '000000' });
  });
  it('starts weeks on Monday, quarters on their first month', () => {
    assert.equal(bucketStart('2026-03-08', 'WEEK'), '2026-03-02');
    assert.equal(bucketStart('2026-05-20', 'QUARTER'), '2026-04-01');
  });
});

describe('validateQuery', () => {
  const base = { metric: 'lists.entries', from: '2026-01-01', to: '2026-03-31' };
  it('refuses, naming the field and the rule', () => {
    const cases: [object, string, string][] = [
      [{ metric: 'nope' }, 'query.metric', 'UNKNOWN_METRIC'],
      [{ from: '2026-04-01' }, 'query.from', 'RANGE'],
      [{ groupBy: ['matter'] }, 'query.groupBy', 'DIMENSION_NOT_SUPPORTED'],
      [{ groupBy: ['city', 'city'] }, 'query.groupBy', 'DUPLICATE'],
      [{ limit: 5000 }, 'query.limit', 'RANGE'],
      [{ orderBy: { field: 'nope' } }, 'query.orderBy.field', 'UNKNOWN_FIELD'],
    ];
    for (const [over, field, rule] of cases)
      assert.throws(
        () => validateQuery({ ...base, ...over }, null),
        (e: { extensions: { field: string; rule: string } }) =>
          e.extensions.field === field && e.extensions.rule === rule,
      );
  });
  it("binds an officer to their own department's rows where the metric says so", () => {
    const q = validateQuery(
      {
        metric: 'disclosure.timeliness',
        from: '2026-01-01',
        to: '2026-01-31',
        filters: [{ dimension: 'department', values: ['market'] }],
      },
      'tax',
    );
    assert.deepEqual(q.filters.department, ['tax']);
  });
});
