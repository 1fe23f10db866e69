import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { validateIdNumber } from '@credit-hub/kit/codes';
import { chineseCalendar } from '@credit-hub/kit/calendar';
import { periodEnd } from '@credit-hub/kit/period';
import { BEHAVIOURS, hasTerm, listedUntilOf } from '../../../subgraphs/court/src/rules.ts';
import { CASE_SLOTS, FIRST_CASE_YEAR, LAST_CASE_YEAR, caseSlot } from './court.ts';
import { generate, generateSubject } from './generate.ts';
import { cityOf, countyOf } from './places.ts';
import type { AbnormalOperationRow, DishonestDebtorCaseRow, GeneratedSubject } from './types.ts';

const SECRET = 'test-person-key-secret';
const SAMPLE = 60_000;
const CASE_NUMBER = /^\(\d{4}\)浙\d{4}执(恢)?\d{1,6}号$/;
const MARKET = new Set(['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE']);

const share = (n: number, of: number) => (100 * n) / of;

function near(actual: number, expected: number, tolerance: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual.toFixed(2)} % is not within ${tolerance} of ${expected} %`,
  );
}

/** The last day of a period of `years` from an ISO date (民法典 第二百零二条), through the kit's rule. */
const periodEndIso = (iso: string, years: number) =>
  periodEnd(new Date(`${iso}T00:00:00Z`), { years })
    .toISOString()
    .slice(0, 10);

const addWorkingDays = (iso: string, n: number) =>
  chineseCalendar
    .addWorkingDays(new Date(`${iso}T00:00:00Z`), n)
    .toISOString()
    .slice(0, 10);

/** Whole years from an ISO birth date to an ISO date. */
function age(birth: string, on: string): number {
  return Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
}

describe('market and court records', () => {
  let rows: GeneratedSubject[];
  let cases: { g: GeneratedSubject; c: DishonestDebtorCaseRow }[];
  let entries: { g: GeneratedSubject; a: AbnormalOperationRow }[];
  before(() => {
    rows = [...generate({ subjects: SAMPLE, seed: 2024, personKeySecret: SECRET })];
    cases = rows.flatMap((g) => g.courtCases.map((c) => ({ g, c })));
    entries = rows.flatMap((g) => g.abnormalEntries.map((a) => ({ g, a })));
  });

  it('is deterministic and depends on the seed', () => {
    const pick = (g: GeneratedSubject) => [
      g.registration,
      g.annualReports,
      g.abnormalEntries,
      g.seriousListing,
      g.courtCases,
      g.restrictions,
    ];
    const again = [...generate({ subjects: 3000, seed: 2024, personKeySecret: SECRET })];
    assert.deepEqual(again.map(pick), rows.slice(0, 3000).map(pick));
    const index = rows.findIndex((g) => g.courtCases.length > 0);
    assert.deepEqual(generateSubject(2024, index, SECRET), rows[index]);
    const other = [...generate({ subjects: 3000, seed: 2025, personKeySecret: SECRET })];
    assert.notDeepEqual(
      other.map((g) => g.registration?.businessScope),
      rows.slice(0, 3000).map((g) => g.registration?.businessScope),
    );
  });

  it('registers every market subject, and only those, as the subject row says', () => {
    const bureaus = new Set<string>();
    for (const g of rows) {
      const r = g.registration;
      if (!MARKET.has(g.subject.kind)) {
        assert.equal(r, null);
        assert.equal(g.annualReports.length + g.abnormalEntries.length, 0);
        assert.equal(g.seriousListing, null);
        continue;
      }
      assert.ok(r, g.subject.code);
      assert.equal(r.subjectCode, g.subject.code);
      assert.equal(r.name, g.subject.name);
      assert.equal(r.legalRepresentative, g.subject.legalRepresentative);
      assert.equal(r.establishedOn, g.subject.establishedOn);
      assert.equal(r.regionCode, g.subject.regionCode);
      const status = { ACTIVE: 'EXISTING' } as Record<string, string>;
      assert.equal(r.status, status[g.subject.registrationStatus] ?? g.subject.registrationStatus);
      const county = countyOf(g.subject.regionCode)!;
      assert.equal(r.registrationAuthority, `${county.full}市场监督管理局`);
      assert.ok(r.address!.startsWith(`浙江省${county.city.name}${county.name}`), r.address!);
      assert.ok(r.approvedOn! >= r.establishedOn && r.approvedOn! <= '2026-06-30', r.approvedOn!);
      const items = r.businessScope.split('；');
      assert.ok(items.length >= 2 && items.length <= 6, r.businessScope);
      assert.equal(new Set(items).size, items.length, r.businessScope);
      if (r.registeredCapital !== null) assert.match(r.registeredCapital, /^\d+(\.\d{1,4})?$/);
      if (g.subject.kind === 'INDIVIDUAL_BUSINESS') assert.equal(r.entityType, '个体工商户');
      if (g.subject.kind === 'FARMERS_COOPERATIVE') {
        assert.equal(r.entityType, '农民专业合作社');
        assert.notEqual(r.registeredCapital, null);
      }
      if (g.subject.kind === 'ENTERPRISE') {
        assert.notEqual(r.registeredCapital, null);
        if (g.subject.name.endsWith('股份有限公司')) assert.match(r.entityType, /股份有限公司/);
        else if (g.subject.name.endsWith('有限公司') || g.subject.name.endsWith('有限责任公司'))
          assert.match(r.entityType, /有限责任公司/);
      }
      bureaus.add(r.registrationAuthority);
    }
    assert.ok(bureaus.has('杭州市西湖区市场监督管理局'));
    // Scopes follow the name.
    const scopeOf = (pattern: RegExp) => rows.filter((g) => pattern.test(g.subject.name)).map((g) => g.registration!);
    assert.ok(scopeOf(/软件有限/).every((r) => r.businessScope.includes('软件开发')));
    assert.ok(scopeOf(/(面馆|饭店|快餐店)$/).every((r) => r.businessScope.startsWith('餐饮服务')));
    const shops = rows.filter((g) => g.subject.kind === 'INDIVIDUAL_BUSINESS');
    near(
      share(shops.filter((g) => g.registration!.registeredCapital === null).length, shops.length),
      55,
      3,
      'shops without capital',
    );
  });

  it('files annual reports from 2022 or the founding year: ≈ 88 % on time, 7 % late, 5 % missing', () => {
    const reports = rows.flatMap((g) => g.annualReports.map((r) => ({ g, r })));
    for (const { g, r } of reports) {
      assert.ok(g.subject.kind === 'ENTERPRISE' || g.subject.kind === 'FARMERS_COOPERATIVE', g.subject.kind);
      assert.equal(r.subjectCode, g.subject.code);
      assert.ok(r.year >= 2022 && r.year <= 2025 && r.year >= Number(g.subject.establishedOn!.slice(0, 4)));
      if (r.filedOn !== null) {
        assert.ok(r.filedOn >= `${r.year + 1}-01-01` && r.filedOn <= `${r.year + 1}-12-31`, `${r.year} ${r.filedOn}`);
        assert.ok(r.filedOn <= '2026-06-30', r.filedOn);
      }
    }
    for (const g of rows) {
      const years = g.annualReports.map((r) => r.year);
      assert.deepEqual(years, [...new Set(years)].sort(), 'one report a year, in order');
      if (g.subject.registrationStatus === 'ACTIVE' && g.annualReports.length > 0) assert.equal(years.at(-1), 2025);
    }
    const due = reports.filter(({ r }) => r.year <= 2024);
    const onTime = due.filter(({ r }) => r.filedOn !== null && r.filedOn <= `${r.year + 1}-06-30`).length;
    const late = due.filter(({ r }) => r.filedOn !== null && r.filedOn > `${r.year + 1}-06-30`).length;
    near(share(onTime, due.length), 88, 1.5, 'on time');
    near(share(late, due.length), 7, 1, 'late');
    near(share(due.length - onTime - late, due.length), 5, 1, 'missing');
    // 2025's reports are due on the data's day: filed on time, or not (yet).
    const last = reports.filter(({ r }) => r.year === 2025);
    assert.ok(last.every(({ r }) => r.filedOn === null || r.filedOn <= '2026-06-30'));
    near(share(last.filter(({ r }) => r.filedOn !== null).length, last.length), 88, 1.5, '2025 on time');
  });

  it('lists missing annual reports in July and removes entries within 5 working days of the application', () => {
    for (const { g, a } of entries) {
      assert.equal(a.subjectCode, g.subject.code);
      assert.equal(a.regionCode, g.subject.regionCode);
      const county = countyOf(g.subject.regionCode)!;
      assert.equal(a.listingAuthority, `${county.full}市场监督管理局`);
      assert.match(a.listingDocument!, /^[\u4e00-\u9fff]{1,2}市监异列〔\d{4}〕第\d{4}号$/);
      assert.equal(/〔(\d{4})〕/.exec(a.listingDocument!)![1], a.listedOn.slice(0, 4));
      assert.ok(a.listedOn >= '2023-01-01' && a.listedOn <= '2026-06-30', a.listedOn);
      assert.ok(a.listedOn > g.subject.establishedOn!);
      assert.ok(chineseCalendar.isWorkingDay(new Date(`${a.listedOn}T00:00:00Z`)), a.listedOn);
      // Enterprises and cooperatives are listed; 个体工商户 are never (they would be marked).
      assert.equal(a.kind, 'LISTING');
      assert.notEqual(g.subject.kind, 'INDIVIDUAL_BUSINESS');
      if (a.curedOn === null || a.appliedOn === null) {
        assert.equal(a.appliedOn, null);
        assert.equal(a.removalDeadline, null);
        assert.equal(a.removedOn, null);
      } else {
        assert.ok(a.curedOn > a.listedOn);
        // The clock runs from the application, made on or after the cure, on a working day.
        assert.ok(a.appliedOn >= a.curedOn, `${a.curedOn} → ${a.appliedOn}`);
        assert.ok(chineseCalendar.isWorkingDay(new Date(`${a.appliedOn}T00:00:00Z`)), a.appliedOn);
        if (a.removedOn === null) assert.equal(a.removalDeadline, addWorkingDays(a.appliedOn, 5));
        else {
          assert.equal(a.removalDeadline, null, 'a decided application owes nothing');
          assert.ok(a.removedOn > a.appliedOn, `${a.appliedOn} → ${a.removedOn}`);
        }
      }
      assert.equal(a.status, a.removedOn === null ? 'LISTED' : 'REMOVED');
      assert.equal(a.removalReason === null, a.removedOn === null);
      assert.equal(a.removalAuthority, a.removedOn === null ? null : a.listingAuthority);
      if (a.removedOn !== null) assert.ok(a.removedOn <= '2026-06-30');
    }
    // Every report not filed by the listing day is covered by an entry listed in July after its year,
    // or by the subject's earlier entry for missing reports, still listed then. (A subject cancelled
    // between the due day and the listing day is not listed: only living subjects are checked.)
    for (const g of rows.filter((x) => x.subject.registrationStatus === 'ACTIVE')) {
      for (const r of g.annualReports.filter((x) => x.year <= 2024)) {
        const july = `${r.year + 1}-07`;
        const own = g.abnormalEntries.find(
          (a) => a.reason === 'ANNUAL_REPORT_NOT_FILED' && a.listedOn.startsWith(july),
        );
        if (r.filedOn === null) {
          const earlier = g.abnormalEntries.find(
            (a) =>
              a.reason === 'ANNUAL_REPORT_NOT_FILED' &&
              a.listedOn < july &&
              (a.removedOn === null || a.removedOn > july),
          );
          assert.ok(own || earlier, `${g.subject.code} ${r.year} missing without an entry`);
        }
        if (own && own.curedOn !== null) assert.equal(own.curedOn, r.filedOn, 'filing the report cures the entry');
        if (own) assert.ok(r.filedOn === null || r.filedOn > own.listedOn);
      }
    }
    // At most one entry per subject and reason is still listed (migration 0007's unique index).
    for (const g of rows) {
      const listed = g.abnormalEntries.filter((a) => a.status === 'LISTED').map((a) => a.reason);
      assert.equal(new Set(listed).size, listed.length, g.subject.code);
    }

    const all = entries.map((e) => e.a);
    const count = (f: (a: AbnormalOperationRow) => boolean) => all.filter(f).length;
    const cured = count((a) => a.curedOn !== null);
    near(share(cured, all.length), 50, 8, 'cured entries');
    const applied = count((a) => a.appliedOn !== null);
    const onTime = count((a) => a.removedOn !== null && a.removedOn <= addWorkingDays(a.appliedOn!, 5));
    assert.ok(onTime / applied > 0.85, `${onTime} of ${applied} removed by the deadline`);
    const overdue = count((a) => a.removalDeadline !== null && a.removalDeadline < '2026-06-30');
    assert.ok(overdue > 0 && overdue / applied < 0.08, `${overdue} of ${applied} overdue`);
    const subjects = rows.filter((g) => g.subject.kind === 'ENTERPRISE' || g.subject.kind === 'FARMERS_COOPERATIVE');
    const withReason = (reason: string) =>
      share(subjects.filter((g) => g.abnormalEntries.some((a) => a.reason === reason)).length, subjects.length);
    near(withReason('UNREACHABLE_AT_ADDRESS'), 1, 0.3, 'unreachable');
    assert.ok(withReason('INFORMATION_NOT_PUBLISHED') < withReason('UNREACHABLE_AT_ADDRESS'));
    assert.ok(withReason('FALSE_INFORMATION') > 0);
  });

  it('puts about 0.1 % of enterprises on the 严重违法失信名单', () => {
    const listed = rows.filter((g) => g.seriousListing !== null);
    const enterprises = rows.filter((g) => g.subject.kind === 'ENTERPRISE').length;
    near(share(listed.length, enterprises), 0.1, 0.06, 'seriously listed enterprises');
    for (const g of listed) {
      const l = g.seriousListing!;
      assert.equal(g.subject.kind, 'ENTERPRISE');
      assert.equal(l.subjectCode, g.subject.code);
      assert.equal(l.regionCode, g.subject.regionCode);
      assert.equal(l.listingAuthority, `${countyOf(g.subject.regionCode)!.city.name}市场监督管理局`);
      assert.match(l.basis, /^《市场监督管理严重违法失信名单管理办法》第二条、/);
      assert.match(l.facts, /^当事人于.+，属于性质恶劣、情节严重、社会危害较大的违法行为。$/);
      assert.match(l.decisionDocument, /^[\u4e00-\u9fff]市监严列〔\d{4}〕\d+号$/);
      assert.ok(l.listedOn >= '2023-01-01' && l.listedOn <= '2025-12-31' && l.listedOn > g.subject.establishedOn!);
      // On a 较重行政处罚 decided before the listing; three years, the 29 February case included.
      assert.equal(l.ground, 'HEAVY_PENALTY');
      assert.ok(l.penaltyKind === 'HEAVY_FINE' || l.penaltyKind === 'OTHER_HEAVY_PENALTY', l.penaltyKind ?? '');
      assert.match(l.penaltyDecision!, /市监罚〔\d{4}〕\d+号$/);
      assert.equal(l.expiresOn, periodEndIso(l.listedOn, 3));
      assert.equal(l.status, l.removedOn === null ? 'LISTED' : 'REMOVED');
      assert.equal(l.removalBasis === null, l.removedOn === null);
      if (l.removedOn) {
        // Early removal: applied for after a full year, with the three conditions, decided before the term ended.
        assert.equal(l.removalGround, 'EARLY_REMOVAL');
        assert.ok(l.repairAppliedOn! > periodEndIso(l.listedOn, 1), `${l.listedOn} → ${l.repairAppliedOn}`);
        assert.ok(l.removedOn > l.repairAppliedOn! && l.removedOn <= '2026-06-30' && l.removedOn <= l.expiresOn);
        assert.deepEqual([l.penaltyPerformed, l.harmRemoved, l.noNewHeavyPenalty], [true, true, true]);
      } else {
        assert.deepEqual([l.removalGround, l.repairAppliedOn, l.penaltyPerformed], [null, null, null]);
      }
    }
  });

  it('numbers cases uniquely as (2024)浙0106执1234号, at the subject’s courts', () => {
    assert.ok(cases.length > 500, `${cases.length} cases`);
    const numbers = cases.map(({ c }) => c.caseNumber);
    for (const n of numbers) assert.match(n, CASE_NUMBER);
    assert.equal(new Set(numbers).size, numbers.length);
    for (const { g, c } of cases) {
      const county = countyOf(g.subject.regionCode);
      const city = county?.city ?? cityOf(g.subject.regionCode)!;
      const code = c.caseNumber.slice(7, 11);
      if (county && code === county.code.slice(2)) assert.equal(c.courtName, `${county.full}人民法院`);
      else {
        assert.equal(code, city.code.slice(2), c.caseNumber);
        assert.equal(c.courtName, `${city.name}中级人民法院`);
      }
      const year = Number(c.caseNumber.slice(1, 5));
      assert.ok(year >= 2019 && year <= 2025);
      assert.equal(c.filedOn.slice(0, 4), String(year));
    }
    // Subjects registered with a city (some public bodies) have no basic court: all theirs are intermediate.
    const ofCounties = cases.filter(({ g }) => countyOf(g.subject.regionCode));
    const intermediate = ofCounties.filter(({ c }) => c.courtName.endsWith('中级人民法院')).length;
    near(share(intermediate, ofCounties.length), 10, 5, 'enforced by an intermediate court');
    near(share(numbers.filter((n) => n.includes('执恢')).length, numbers.length), 10, 3, '执恢');
  });

  it('keeps case numbers unique across loads and seeds by construction', () => {
    // Every subject index with a slot, over a stretch of the index space far beyond one load.
    const seen = new Set<number>();
    for (let index = 0; index < 400_000; index++) {
      const slot = caseSlot(index);
      if (slot === null) continue;
      assert.ok(slot >= 0 && slot < CASE_SLOTS && !seen.has(slot));
      seen.add(slot);
    }
    assert.ok(CASE_SLOTS < 1_000_000, 'serials stay within six digits');
    near(share(seen.size, 400_000), 4, 0.2, 'indexes with a case slot');
    // Another seed, appended after the sample: no case number of the sample comes back.
    const first = new Set(cases.map(({ c }) => c.caseNumber));
    for (const g of generate({ subjects: 20_000, seed: 99, personKeySecret: SECRET, startIndex: SAMPLE }))
      for (const c of g.courtCases) assert.ok(!first.has(c.caseNumber), c.caseNumber);
    assert.ok(FIRST_CASE_YEAR === 2019 && LAST_CASE_YEAR === 2025);
  });

  it('describes each debtor as the subject row does', () => {
    const persons = new Map(rows.filter((g) => g.person).map((g) => [g.subject.code, g.person!]));
    for (const { g, c } of cases) {
      assert.equal(c.subjectCode, g.subject.code);
      assert.equal(c.debtorName, g.subject.name);
      assert.equal(c.regionCode, g.subject.regionCode);
      if (g.subject.kind === 'NATURAL_PERSON') {
        assert.equal(c.debtorKind, 'NATURAL_PERSON');
        assert.equal(c.legalRepresentative, null);
        assert.equal(c.idNumber, persons.get(g.subject.code)!.idNumber);
        const id = validateIdNumber(c.idNumber!);
        assert.ok(id.valid, c.idNumber!);
        assert.equal(id.regionCode, g.subject.regionCode);
        assert.equal(c.sex, id.sex === 'MALE' ? '男' : '女');
        assert.equal(c.age, age(id.birthDate, c.publishedOn));
        // 法释〔2017〕7号 第四条: no minor is listed (age on the decision day).
        assert.ok(age(id.birthDate, c.decidedOn) >= 18, `${id.birthDate} ${c.decidedOn}`);
      } else {
        assert.equal(c.debtorKind, 'ORGANISATION');
        assert.equal(c.legalRepresentative, g.subject.legalRepresentative);
        assert.equal(c.sex, null);
        assert.equal(c.age, null);
        assert.equal(c.idNumber, null);
        assert.ok(c.filedOn > g.subject.establishedOn!);
      }
      // A cancelled subject is not sued after the year it ceased to exist (its registration's last change).
      if (g.subject.registrationStatus === 'CANCELLED' && g.registration)
        assert.ok(c.filedOn.slice(0, 4) <= g.registration.approvedOn!.slice(0, 4), `${c.filedOn} ${g.subject.code}`);
    }
  });

  it('lists about 0.8 % of market subjects, 1.5 % of persons and 3 % of public bodies as 失信被执行人', () => {
    const debtors = (kinds: string[]) => {
      const of = rows.filter((g) => kinds.includes(g.subject.kind));
      return share(of.filter((g) => g.courtCases.length > 0).length, of.length);
    };
    near(debtors(['ENTERPRISE', 'INDIVIDUAL_BUSINESS']), 0.8, 0.2, 'enterprises and individual businesses');
    near(debtors(['NATURAL_PERSON']), 1.5, 0.6, 'natural persons');
    near(debtors(['GOVERNMENT_BODY', 'PUBLIC_INSTITUTION']), 3, 1, 'government bodies and public institutions');
    for (const g of rows) assert.ok(g.courtCases.length <= 3);
  });

  it('fills the record items of 法释〔2017〕7号 plausibly', () => {
    const all = cases.map(({ c }) => c);
    const count = (f: (c: DishonestDebtorCaseRow) => boolean) => all.filter(f).length;
    for (const c of all) {
      assert.ok(c.basisDocumentNumber.length > 6 && c.basisIssuer.length > 3);
      assert.match(c.obligation, /人民币[\d,]+元/);
      if (c.performance === 'PARTLY_PERFORMED') {
        assert.match(c.performedPart!, /^已履行人民币[\d,]+元$/);
        assert.match(c.unperformedPart!, /^未履行人民币[\d,]+元/);
      } else {
        assert.equal(c.performedPart, null);
        assert.equal(c.unperformedPart, null);
      }
      const days = (Date.parse(c.publishedOn) - Date.parse(c.filedOn)) / 86_400_000;
      assert.ok(days >= 30 && days <= 130, `published 1–4 months after filing: ${c.filedOn} → ${c.publishedOn}`);
      assert.ok(
        c.filedOn <= c.decidedOn && c.decidedOn <= c.publishedOn,
        `${c.filedOn} ${c.decidedOn} ${c.publishedOn}`,
      );
      if (c.status === 'WITHDRAWN') {
        assert.ok(c.withdrawnOn! > c.publishedOn && c.withdrawnOn! <= '2026-06-30');
        assert.ok(c.withdrawalReason && c.withdrawalNote);
      } else {
        assert.equal(c.withdrawnOn, null);
        assert.equal(c.withdrawalReason, null);
      }
    }
    near(
      share(
        count((c) => c.status === 'WITHDRAWN'),
        all.length,
      ),
      50,
      8,
      'withdrawn',
    );
    near(
      share(
        count((c) => c.performance === 'NONE_PERFORMED'),
        all.length,
      ),
      75,
      6,
      'none performed',
    );
    const byBehaviour = new Map<string, number>();
    for (const c of all) for (const b of c.behaviours) byBehaviour.set(b, (byBehaviour.get(b) ?? 0) + 1);
    const ranked = [...byBehaviour.entries()].sort((a, b) => b[1] - a[1]).map(([b]) => b);
    assert.equal(ranked[0], 'REFUSING_DESPITE_ABILITY');
    assert.equal(ranked[1], 'VIOLATING_PROPERTY_REPORTING');
    assert.ok((byBehaviour.get('OBSTRUCTING_EXECUTION') ?? 0) < all.length * 0.04);
    assert.ok(count((c) => c.behaviours.length > 1) > all.length * 0.05, 'several behaviours in some cases');
  });

  it('follows the listing terms and deletion grounds of 法释〔2017〕7号, with every date inside the calendar', () => {
    const all = cases.map(({ c }) => c);
    // Checked against the court subgraph's own rules, not the generator's copy of them.
    const order: readonly string[] = BEHAVIOURS;
    const tenthArticle = [
      'PERFORMED',
      'SETTLEMENT_PERFORMED',
      'APPLICANT_REQUEST',
      'NO_ASSETS_FOUND',
      'EXECUTION_TERMINATED',
    ];
    const inCalendar = (iso: string) => {
      const day = new Date(`${iso}T00:00:00Z`);
      assert.ok(chineseCalendar.covers(day), `${iso} is outside the working-day calendar`);
      return day;
    };
    for (const c of all) {
      assert.deepEqual(
        [...c.behaviours].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        c.behaviours,
      );
      assert.equal(new Set(c.behaviours).size, c.behaviours.length);
      for (const d of [c.filedOn, c.decidedOn, c.publishedOn])
        assert.ok(chineseCalendar.isWorkingDay(inCalendar(d)), `${d} is a working day`);
      for (const d of [c.withdrawnOn, c.groundArisenOn, c.deletionDeadline]) if (d) inCalendar(d);
      const itemOneOnly = c.behaviours.every((b) => b === 'REFUSING_DESPITE_ABILITY');
      // Item (一) alone: no term, and it never ends by "period" (第二条); any other item: two years (+ 0–3).
      assert.equal(c.termYears, itemOneOnly ? null : 2);
      assert.ok(c.termExtensionYears >= 0 && c.termExtensionYears <= 3);
      assert.equal(c.termExtensionYears === 0, c.termExtensionGround === null);
      if (c.termExtensionGround === 'MULTIPLE_BEHAVIOURS') assert.ok(c.behaviours.length >= 2);
      if (c.termExtensionGround === 'SERIOUS_VIOLENT_OBSTRUCTION')
        assert.ok(c.behaviours.includes('OBSTRUCTING_EXECUTION'));
      assert.equal(c.termYears !== null, hasTerm(c.behaviours));
      const until = listedUntilOf(new Date(`${c.decidedOn}T00:00:00Z`), c.termYears, c.termExtensionYears);
      assert.equal(c.listedUntil, until ? until.toISOString().slice(0, 10) : null);
      const reason = c.withdrawalReason;
      if (itemOneOnly) assert.ok(reason !== 'PERIOD_ENDED' && reason !== 'EARLY_DELETION', `${c.caseNumber} ${reason}`);
      else assert.ok(!tenthArticle.includes(reason ?? ''), `${c.caseNumber}: 有纳入期限的，不适用前款 (${reason})`);
      if (reason === 'PERIOD_ENDED') {
        assert.equal(c.groundArisenOn, c.listedUntil);
        assert.ok(c.withdrawnOn! > c.listedUntil!);
      }
      if (reason === 'EARLY_DELETION') {
        assert.ok(c.withdrawnOn! <= c.listedUntil!);
        assert.equal(c.deletionDeadline, null);
      } else if (reason) assert.equal(c.deletionDeadline, addWorkingDays(c.groundArisenOn!, 3));
    }
    const ended = all.filter((c) => c.withdrawalReason === 'PERIOD_ENDED');
    assert.ok(ended.length > 20, `${ended.length} ended by their term`);
    const late = ended.filter((c) => c.withdrawnOn! > c.deletionDeadline!).length;
    assert.ok(late > 0 && late < ended.length * 0.2, `${late} of ${ended.length} deleted late`);
    // Some terms ended before AS_OF with the deletion still pending: the court's overdue list is not empty.
    assert.ok(all.some((c) => c.status === 'ACTIVE' && c.listedUntil !== null && c.listedUntil < '2026-06-30'));
  });

  it('issues 限制消费令 for almost every case, lifted when the debt was settled', () => {
    let withOrder = 0;
    for (const { g, c } of cases) {
      const order = g.restrictions.find((r) => r.caseNumber === c.caseNumber);
      if (!order) {
        assert.ok(!c.behaviours.includes('VIOLATING_CONSUMPTION_RESTRICTION'));
        continue;
      }
      withOrder++;
      assert.equal(order.courtName, c.courtName);
      assert.equal(order.regionCode, c.regionCode);
      assert.equal(order.restrictedPerson, g.subject.kind === 'NATURAL_PERSON' ? null : g.subject.legalRepresentative);
      assert.ok(order.issuedOn >= c.filedOn && Date.parse(order.issuedOn) - Date.parse(c.filedOn) < 50 * 86_400_000);
      if (['PERFORMED', 'SETTLEMENT_PERFORMED', 'EARLY_DELETION'].includes(c.withdrawalReason ?? '')) {
        assert.equal(order.status, 'WITHDRAWN');
        assert.ok(order.liftedOn! >= c.withdrawnOn! && order.liftReason);
      } else {
        assert.equal(order.status, 'ACTIVE');
        assert.equal(order.liftedOn, null);
      }
    }
    // 法释〔2015〕17号 第一条第二款: a listed debtor is restricted; the few without an order show the gap.
    near(share(withOrder, cases.length), 97, 2, 'cases with an order');
    // Some debtors are restricted without being listed.
    const unlisted = rows.filter((g) => g.restrictions.length > 0 && g.courtCases.length === 0);
    assert.ok(unlisted.length > 0);
    const all = rows.flatMap((g) => g.restrictions);
    for (const r of all) assert.match(r.caseNumber, CASE_NUMBER);
    const orderNumbers = unlisted.flatMap((g) => g.restrictions.map((r) => r.caseNumber));
    const caseNumbers = new Set(cases.map(({ c }) => c.caseNumber));
    assert.ok(orderNumbers.every((n) => !caseNumbers.has(n)));
    assert.equal(new Set(orderNumbers).size, orderNumbers.length);
  });
});
