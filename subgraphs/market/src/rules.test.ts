import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeUscc } from '@credit-hub/kit/testing';
import { annualReportDeadline, annualReportStatus, checkMarketSubjectCode, isMarketSubject } from './rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('annual report status', () => {
  const report = (filedOn: string | null) => ({ year: 2024, filedOn: filedOn ? d(filedOn) : null });

  it('is due by 30 June of the following year', () => {
    assert.equal(iso(annualReportDeadline(2024)), '2025-06-30');
    assert.equal(iso(annualReportDeadline(2023)), '2024-06-30');
  });

  it('counts a report filed on 30 June as on time and one filed on 1 July as late', () => {
    assert.equal(annualReportStatus(report('2025-01-01'), d('2026-01-01')), 'ON_TIME');
    assert.equal(annualReportStatus(report('2025-06-30'), d('2026-01-01')), 'ON_TIME');
    assert.equal(annualReportStatus(report('2025-07-01'), d('2026-01-01')), 'LATE');
    // Once filed, the status no longer depends on today.
    assert.equal(annualReportStatus(report('2025-07-01'), d('2025-07-01')), 'LATE');
  });

  it('keeps an unfiled report due through 30 June and missing from 1 July', () => {
    assert.equal(annualReportStatus(report(null), d('2025-03-15')), 'DUE');
    assert.equal(annualReportStatus(report(null), d('2025-06-30')), 'DUE');
    assert.equal(annualReportStatus(report(null), d('2025-07-01')), 'MISSING');
    assert.equal(annualReportStatus({ year: 2020, filedOn: null }, d('2025-01-01')), 'MISSING');
  });
});

describe('market subjects', () => {
  it('are enterprises (91), 个体工商户 (92) and 农民专业合作社 (93) only', () => {
    assert.equal(isMarketSubject('91350100M000100Y43'), true);
    assert.equal(isMarketSubject('92330106MA2M00011X'), true);
    assert.equal(isMarketSubject('93330106MA2M00011X'), true);
    for (const other of ['11330100002600011X', '12330100002600011X', '51330100002600011X', 'Y1330100002600011X'])
      assert.equal(isMarketSubject(other), false, other);
  });
});

describe('a market subject code as submitted', () => {
  it('is normalised when valid, and refused naming the field and the rule otherwise', () => {
    const shop = makeUscc('92', '330106', 'MA2M0001');
    assert.equal(checkMarketSubjectCode(shop), shop);
    assert.throws(
      () => checkMarketSubjectCode(makeUscc('11', '330100', '00260001'), 'input.subjectCode'),
      (e: Error & { extensions?: Record<string, unknown> }) => {
        assert.deepEqual([e.extensions?.field, e.extensions?.rule], ['input.subjectCode', 'MARKET_SUBJECT']);
        return true;
      },
    );
  });
});
