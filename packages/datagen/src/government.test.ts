import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { validateUscc } from '@credit-hub/kit/codes';
import { AS_OF, addYears, dayOf, isoDate } from './dates.ts';
import { GRADE_BANDS, KEY_INDUSTRIES, gradeOfScore } from './environment.ts';
import { generate, generateSubject } from './generate.ts';
import { cityOf, countyOf } from './places.ts';
import type { GeneratedSubject } from './types.ts';

const SECRET = 'test-person-key-secret';
const SAMPLE = 40_000;
const DECISION = /^[\u4e00-\u9fa5]{1,2}环罚〔(\d{4})〕[1-9]\d{0,6}号$/;
const AS_OF_ISO = isoDate(AS_OF);
const share = (n: number, of: number) => (100 * n) / of;
const fen = (s: string) => {
  assert.match(s, /^\d+\.\d{2}$/);
  return Number(s.replace('.', ''));
};
const cityCode = (region: string) => countyOf(region)?.city.code ?? cityOf(region)!.code;

function near(actual: number, expected: number, tolerance: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual.toFixed(2)} % not within ${tolerance} of ${expected} %`,
  );
}

describe('environment and 政务诚信 records', () => {
  let rows: GeneratedSubject[];
  let byCode: Map<string, GeneratedSubject>;
  before(() => {
    rows = [...generate({ subjects: SAMPLE, seed: 77, personKeySecret: SECRET })];
    byCode = new Map(rows.map((g) => [g.subject.code, g]));
  });

  it('is deterministic', () => {
    for (const g of rows
      .filter((r) => r.environmentalRatings.length || r.arrears.length || r.complaints.length)
      .slice(0, 200))
      assert.deepEqual(generateSubject(77, g.index, SECRET), g);
  });

  it('rates about 6 % of enterprises, mostly in key industries, with stable grade shares', () => {
    const enterprises = rows.filter((g) => g.subject.kind === 'ENTERPRISE');
    const rated = enterprises.filter((g) => g.environmentalRatings.length > 0);
    near(share(rated.length, enterprises.length), 6, 1, 'rated enterprises');
    assert.ok(share(rated.filter((g) => KEY_INDUSTRIES.has(g.subject.industryCode ?? '')).length, rated.length) > 60);
    const all = rated.flatMap((g) => g.environmentalRatings);
    // The national four grades (环发〔2013〕150号), no black card.
    const expected = { GREEN: 14, BLUE: 73, YELLOW: 10, RED: 3, BLACK: 0 } as const;
    for (const [grade, pct] of Object.entries(expected)) {
      near(share(all.filter((r) => r.grade === grade).length, all.length), pct, pct > 20 ? 3 : 1.5, grade);
      for (const year of [2023, 2025]) {
        const ofYear = all.filter((r) => r.year === year);
        near(
          share(ofYear.filter((r) => r.grade === grade).length, ofYear.length),
          pct,
          pct > 20 ? 4 : 2.5,
          `${grade} ${year}`,
        );
      }
    }
    for (const g of rated) {
      const established = g.subject.establishedOn!;
      for (const r of g.environmentalRatings) {
        assert.equal(r.subjectCode, g.subject.code);
        assert.equal(r.regionCode, g.subject.regionCode);
        assert.equal(r.industryCode, g.subject.industryCode);
        assert.ok(r.year >= 2023 && r.year <= 2025 && established < `${r.year}-07-01`);
        assert.ok(r.evaluatedOn.startsWith(`${r.year + 1}-05-`));
        assert.match(r.authority, /^.+市生态环境局.+分局$/);
        const scores = [r.pollutionPrevention, r.ecologicalProtection, r.environmentalManagement, r.socialSupervision];
        for (const s of scores) assert.ok(/^\d{1,3}\.\d{2}$/.test(s) && Number(s) >= 0 && Number(s) <= 100, s);
        const mean = scores.reduce((t, s) => t + Number(s), 0) / 4;
        assert.equal(gradeOfScore(mean), r.grade, `${scores.join(' ')} for ${r.grade}`);
        assert.ok(mean >= GRADE_BANDS[r.grade][0]);
      }
    }
  });

  it('penalises about a fifth of the badly rated firms, with unique well-formed decision numbers', () => {
    const rated = rows.filter((g) => g.environmentalRatings.length > 0);
    const bad = rated.filter((g) => g.environmentalRatings.some((r) => ['YELLOW', 'RED', 'BLACK'].includes(r.grade)));
    near(
      share(bad.filter((g) => g.environmentalPenalties.length > 0).length, bad.length),
      20,
      6,
      'penalised bad firms',
    );
    const penalties = rows.flatMap((g) => g.environmentalPenalties.map((p) => ({ g, p })));
    assert.ok(penalties.length > 50);
    const numbers = new Set<string>();
    for (const { g, p } of penalties) {
      const m = DECISION.exec(p.decisionNumber);
      assert.ok(m, p.decisionNumber);
      assert.equal(m[1], p.decidedOn.slice(0, 4));
      assert.ok(!numbers.has(p.decisionNumber), p.decisionNumber);
      numbers.add(p.decisionNumber);
      assert.equal(p.regionCode, g.subject.regionCode);
      assert.ok(p.decidedOn >= '2023-01-01' && p.decidedOn <= AS_OF_ISO && p.decidedOn > g.subject.establishedOn!);
      const fine = fen(p.fine) / 100;
      assert.ok(fine >= 20_000 && fine <= 1_000_000, p.fine);
      assert.match(p.legalBasis, /^《中华人民共和国.+法》第/);
      assert.ok(p.facts.includes('罚款人民币'));
    }
  });

  it('numbers permits USCC + serial + P, uniquely, with consistent status', () => {
    const rated = rows.filter((g) => g.environmentalRatings.length > 0);
    assert.ok(share(rated.filter((g) => g.dischargePermits.length > 0).length, rated.length) > 75);
    const numbers = new Set<string>();
    for (const g of rows) {
      for (const p of g.dischargePermits) {
        assert.match(p.permitNumber, /^[0-9A-Z]{18}\d{3}P$/);
        assert.equal(p.permitNumber.slice(0, 18), g.subject.code);
        assert.ok(validateUscc(p.permitNumber.slice(0, 18)).valid);
        assert.ok(!numbers.has(p.permitNumber));
        numbers.add(p.permitNumber);
        const [y, m, d] = p.validFrom.split('-').map(Number) as [number, number, number];
        assert.equal(p.validUntil, isoDate(addYears(dayOf(y, m, d), 5) - 1), 'five years');
        if (p.status === 'VALID') assert.ok(p.validUntil >= AS_OF_ISO);
        if (p.status === 'EXPIRED') assert.ok(p.validUntil < AS_OF_ISO);
      }
    }
    const statuses = rows.flatMap((g) => g.dischargePermits.map((p) => p.status));
    assert.ok(share(statuses.filter((s) => s === 'REVOKED').length, statuses.length) < 3);
  });

  it('has bodies owe SMEs of their city, with payments that add up', () => {
    for (const [kind, pct, tol] of [
      ['GOVERNMENT_BODY', 15, 4],
      ['PUBLIC_INSTITUTION', 5, 2],
    ] as const) {
      const bodies = rows.filter((g) => g.subject.kind === kind);
      near(share(bodies.filter((g) => g.arrears.length > 0).length, bodies.length), pct, tol, `${kind} in arrears`);
    }
    const arrears = rows.flatMap((g) => g.arrears);
    assert.ok(arrears.length > 50);
    near(share(arrears.filter((a) => a.status === 'CLEARED').length, arrears.length), 40, 10, 'CLEARED');
    near(share(arrears.filter((a) => a.status === 'PARTLY_PAID').length, arrears.length), 25, 10, 'PARTLY_PAID');
    for (const a of arrears) {
      assert.match(a.debtorCode, /^1[12]/);
      assert.match(a.creditorCode, /^9[12]/);
      const debtor = byCode.get(a.debtorCode)!;
      assert.equal(a.regionCode, debtor.subject.regionCode);
      const creditor = byCode.get(a.creditorCode);
      assert.ok(creditor && creditor.index < debtor.index, 'the creditor is an earlier subject of the load');
      assert.equal(cityCode(creditor.subject.regionCode), cityCode(a.regionCode));
      const amount = fen(a.amount);
      assert.ok(amount >= 5_000_000 && amount <= 300_000_000, a.amount);
      assert.ok(
        a.dueOn >= '2022-01-01' && a.dueOn <= '2025-12-31' && a.recordedOn > a.dueOn && a.recordedOn <= AS_OF_ISO,
      );
      assert.match(a.description, /(工程款|货款|服务费)/);
      const paid = a.payments.reduce((t, p) => t + fen(p.amount), 0);
      assert.equal(fen(a.paidAmount), paid);
      assert.equal(a.status === 'CLEARED', paid === amount);
      assert.equal(a.status === 'OUTSTANDING', paid === 0);
      assert.ok(
        paid <= amount &&
          a.payments.every((p) => fen(p.amount) > 0 && p.paidOn > a.recordedOn && p.paidOn <= AS_OF_ISO),
      );
      assert.equal(
        a.clearedOn,
        a.status === 'CLEARED'
          ? a.payments
              .map((p) => p.paidOn)
              .sort()
              .at(-1)
          : null,
      );
    }
  });

  it('records commitments and complaints of government bodies', () => {
    const bodies = rows.filter((g) => g.subject.kind === 'GOVERNMENT_BODY');
    near(share(bodies.filter((g) => g.commitments.length > 0).length, bodies.length), 10, 4, 'bodies with commitments');
    near(share(bodies.filter((g) => g.complaints.length > 0).length, bodies.length), 5, 3, 'bodies with complaints');
    const commitments = rows.flatMap((g) => g.commitments);
    near(share(commitments.filter((c) => c.status === 'FULFILLED').length, commitments.length), 70, 12, 'FULFILLED');
    for (const c of commitments) {
      assert.match(c.bodyCode, /^11/);
      assert.ok(c.madeOn >= '2021-01-01' && c.madeOn <= '2024-12-31' && c.dueOn > c.madeOn);
      assert.equal(c.fulfilledOn !== null, c.status === 'FULFILLED');
      if (c.fulfilledOn) assert.ok(c.fulfilledOn > c.madeOn && c.fulfilledOn <= AS_OF_ISO && c.evidence);
      if (c.status === 'BROKEN') assert.ok(c.dueOn <= AS_OF_ISO);
    }
    for (const c of rows.flatMap((g) => g.complaints)) {
      assert.match(c.bodyCode, /^11/);
      const complainant = byCode.get(c.complainantCode!)!;
      assert.equal(complainant.subject.kind, 'ENTERPRISE');
      assert.equal(cityCode(complainant.subject.regionCode), cityCode(c.regionCode));
      assert.ok(c.receivedOn >= '2023-01-01' && c.receivedOn <= '2025-12-31');
      assert.equal(c.outcome === 'PENDING', c.handledOn === null);
      assert.equal(c.handledOn === null, c.handlingNote === null);
      if (c.handledOn) assert.ok(c.handledOn > c.receivedOn && c.handledOn <= AS_OF_ISO);
    }
  });
});
