import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dayAfterMonths,
  dueAfter,
  eligibility,
  handlingDays,
  missingMaterials,
  nextState,
  p90,
  queryCodeFrom,
  sniff,
  workingDays,
} from './rules.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const none = { repairedSameKind: [], determinationsSameKind: [], pending: false, deniedUntil: null };
const fact = (
  kind: Parameters<typeof eligibility>[1],
  since: string,
  extra: Partial<Parameters<typeof eligibility>[0] & object> = {},
) => ({
  kind,
  since: d(since),
  endsOn: null,
  repairableFrom: null,
  endedOn: null,
  endedCause: null,
  ...extra,
});

describe('eligibility', () => {
  it('a penalty: the department’s first day of repair decides, and the site is told the day', () => {
    const f = fact('ADMINISTRATIVE_PENALTY', '2026-01-10', { repairableFrom: d('2026-04-11') });
    const before = eligibility(f, 'ADMINISTRATIVE_PENALTY', d('2026-04-10'), none);
    assert.equal(before.eligible, false);
    assert.equal(before.from?.toISOString().slice(0, 10), '2026-04-11');
    assert.match(before.reason!, /最短公示期未满，2026-04-11起可申请/);
    assert.equal(eligibility(f, 'ADMINISTRATIVE_PENALTY', d('2026-04-11'), none).eligible, true);
  });

  it('a serious-illegal entry: one year listed; barred within three years of an earlier early removal', () => {
    const f = fact('SERIOUS_ILLEGAL', '2025-03-01');
    assert.equal(eligibility(f, 'SERIOUS_ILLEGAL', d('2026-03-01'), none).eligible, false);
    assert.equal(eligibility(f, 'SERIOUS_ILLEGAL', d('2026-03-02'), none).eligible, true);
    const barred = eligibility(f, 'SERIOUS_ILLEGAL', d('2026-06-01'), { ...none, repairedSameKind: [d('2023-06-01')] });
    assert.equal(barred.eligible, false);
    assert.match(barred.reason!, /3年内再次被列入/);
  });

  it('a major tax violation: six months published; not for a subject determined twice within five years', () => {
    const f = fact('MAJOR_TAX_VIOLATION', '2025-04-12');
    assert.equal(eligibility(f, 'MAJOR_TAX_VIOLATION', d('2025-10-12'), none).eligible, false);
    assert.equal(eligibility(f, 'MAJOR_TAX_VIOLATION', d('2025-10-13'), none).eligible, true);
    const twice = { ...none, determinationsSameKind: [d('2022-01-01'), d('2025-04-12')] };
    assert.equal(eligibility(f, 'MAJOR_TAX_VIOLATION', d('2026-01-01'), twice).eligible, false);
  });

  it('an environmental black-list rating: within six months of its publication and while it counts', () => {
    const f = fact('ENVIRONMENTAL_BLACKLIST', '2026-05-20', { endsOn: d('2027-12-31') });
    assert.equal(eligibility(f, 'ENVIRONMENTAL_BLACKLIST', d('2026-05-20'), none).eligible, true);
    assert.equal(eligibility(f, 'ENVIRONMENTAL_BLACKLIST', d('2026-11-20'), none).eligible, true);
    const late = eligibility(f, 'ENVIRONMENTAL_BLACKLIST', d('2026-11-21'), none);
    assert.equal(late.eligible, false);
    assert.match(late.reason!, /公布已满6个月（申请期至2026-11-20）/);
    assert.match(late.rule, /粤环函〔2015〕947号/);
    const over = fact('ENVIRONMENTAL_BLACKLIST', '2026-05-20', { endsOn: d('2026-06-30') });
    assert.match(eligibility(over, 'ENVIRONMENTAL_BLACKLIST', d('2026-07-01'), none).reason!, /已于2026-06-30期满/);
  });

  it('a broken commitment: the checking department’s first day (the tier’s minimum publicity) decides', () => {
    const f = fact('COMMITMENT_BREACH', '2026-06-01', { repairableFrom: d('2026-09-02') });
    const early = eligibility(f, 'COMMITMENT_BREACH', d('2026-09-01'), none);
    assert.deepEqual([early.eligible, early.from?.toISOString().slice(0, 10)], [false, '2026-09-02']);
    assert.equal(eligibility(f, 'COMMITMENT_BREACH', d('2026-09-02'), none).eligible, true);
    const repaired = fact('COMMITMENT_BREACH', '2026-06-01', { endedOn: d('2026-09-15'), endedCause: 'REPAIRED' });
    assert.match(eligibility(repaired, 'COMMITMENT_BREACH', d('2026-10-01'), none).reason!, /完成信用修复/);
  });

  it('unknown, ended, pending, denied and out-of-scope records are not open, each with its reason', () => {
    assert.match(eligibility(null, 'ABNORMAL_OPERATION', d('2026-01-01'), none).reason!, /尚未收到/);
    const ended = fact('ABNORMAL_OPERATION', '2025-01-01', { endedOn: d('2025-06-01'), endedCause: 'REPAIRED' });
    assert.match(eligibility(ended, 'ABNORMAL_OPERATION', d('2026-01-01'), none).reason!, /已于2025-06-01完成信用修复/);
    const open = fact('ABNORMAL_OPERATION', '2025-01-01');
    assert.match(
      eligibility(open, 'ABNORMAL_OPERATION', d('2026-01-01'), { ...none, pending: true }).reason!,
      /办理中/,
    );
    const denied = eligibility(open, 'ABNORMAL_OPERATION', d('2026-01-01'), { ...none, deniedUntil: d('2026-02-01') });
    assert.equal(denied.from?.toISOString().slice(0, 10), '2026-02-01');
    assert.equal(eligibility(open, 'ABNORMAL_OPERATION', d('2026-01-01'), none).eligible, true);
    assert.equal(
      eligibility(fact('DISHONEST_DEBTOR', '2025-01-01'), 'DISHONEST_DEBTOR', d('2026-01-01'), none).eligible,
      false,
    );
  });
});

describe('states', () => {
  it('follows the table, goes back where it was after 补正, and refuses the rest', () => {
    assert.equal(nextState('REPAIR', 'DRAFT', 'SUBMIT', null), 'SUBMITTED');
    assert.equal(nextState('REPAIR', 'RETURNED', 'RESUBMIT', 'ACCEPTED'), 'ACCEPTED');
    assert.equal(nextState('REPAIR', 'ACCEPTED', 'EXTEND', null), 'ACCEPTED');
    assert.equal(nextState('REPAIR', 'FORWARDED', 'APPROVE', null), null);
    assert.equal(nextState('OBJECTION', 'FORWARDED', 'ACCEPT', null), null);
    assert.equal(nextState('OBJECTION', 'FORWARDED', 'UPHOLD', null), 'UPHELD');
    assert.equal(nextState('REPAIR', 'SYNCED', 'WITHDRAW', null), null);
  });
});

describe('working days', () => {
  it('counts with the holiday calendar (国庆 2026) and gives no guessed day outside it', () => {
    // 2026-09-30 (Wed) + 3 working days: 10-01..10-07 are 国庆/中秋 holidays, 10-10 (Sat) is a 调休 working day.
    assert.equal(dueAfter(d('2026-09-30'), 3)?.toISOString().slice(0, 10), '2026-10-10');
    assert.equal(workingDays(d('2026-06-01'), d('2026-06-05')), 4);
    assert.equal(dueAfter(d('2026-12-30'), 10), null);
  });

  it('handling time: the stages’ days without the draft and the 补正; unknown when a stage left the calendar', () => {
    const stages = [
      { stage: null, days: null },
      { stage: 'DRAFT', days: 4 },
      { stage: 'SUBMITTED', days: 1 },
      { stage: 'FORWARDED', days: 2 },
      { stage: 'RETURNED', days: 5 },
      { stage: 'FORWARDED', days: 1 },
      { stage: 'ACCEPTED', days: 2 },
    ] as const;
    assert.equal(handlingDays(stages), 6);
    assert.equal(handlingDays([...stages, { stage: 'ACCEPTED', days: null }]), null);
    assert.equal(handlingDays([{ stage: 'RETURNED', days: null }]), 0);
  });
});

describe('files and codes', () => {
  it('tells PDF, JPEG and PNG by their first bytes and nothing else', () => {
    assert.equal(sniff(Buffer.from('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'image/png');
    assert.equal(sniff(Buffer.from('<html>%PDF-')), null);
  });
  it('names the missing materials (agent: the authorisation letter too)', () => {
    assert.deepEqual(missingMaterials('REPAIR', true, ['PROOF']), ['COMMITMENT', 'AUTHORISATION']);
    assert.deepEqual(missingMaterials('OBJECTION', false, ['COMMITMENT', 'EVIDENCE']), []);
  });
  it('makes 12-character 查询码 without look-alike characters; p90 by nearest rank', () => {
    assert.match(queryCodeFrom(new Uint8Array(12).fill(250)), /^[2-9A-HJKMNP-Z]{12}$/);
    assert.equal(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 9);
    assert.equal(p90([]), null);
    assert.equal(dayAfterMonths(d('2025-01-31'), 1).toISOString().slice(0, 10), '2025-03-01');
  });
});
