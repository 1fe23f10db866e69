import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { isPersonKey, kindFromUscc, personKey, validateIdNumber, validateUscc } from '@credit-hub/kit/codes';
import { REGIONS } from '@credit-hub/kit/reference';
import { addMonths, addYears, dayOf } from './dates.ts';
import { generate, generateSubject } from './generate.ts';
import { Permutation } from './random.ts';
import type { GeneratedSubject } from './types.ts';

const SECRET = 'test-person-key-secret';
const SAMPLE = 20_000;
const REGION_CODES = new Set(REGIONS.map((r) => r.code));
const CITY_OF = new Map(REGIONS.filter((r) => r.level === 3).map((r) => [r.code, r.parentCode]));
const CHINESE = /^[\u4e00-\u9fff（）]+$/;

const share = (n: number, of: number) => (100 * n) / of;
/** An ISO date as the generator's day number. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
/** The day number of the last day of a period of `months` from an ISO date. */
const addMonthsIso = (iso: string, months: number) => addMonths(day(iso), months);

function near(actual: number, expected: number, tolerance: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual.toFixed(2)} % is not within ${tolerance} of ${expected} %`,
  );
}

describe('generate', () => {
  let rows: GeneratedSubject[];
  before(() => {
    rows = [...generate({ subjects: SAMPLE, seed: 2024, personKeySecret: SECRET })];
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const a = [...generate({ subjects: 1500, seed: 7, personKeySecret: SECRET })];
    const b = [...generate({ subjects: 1500, seed: 7, personKeySecret: SECRET })];
    const c = [...generate({ subjects: 1500, seed: 8, personKeySecret: SECRET })];
    assert.deepEqual(a, b);
    assert.notDeepEqual(
      a.map((g) => g.subject.name),
      c.map((g) => g.subject.name),
    );
  });

  it('keeps the subjects and tax rows of a seed unchanged as other domains are added', () => {
    // Hashes of the first 2,000 subjects' rows, person identities, ratings and tax black-list entries: the
    // market and court records draw from streams of their own and must not move them. Re-taken once when the
    // tax rows themselves changed by rule (a new enterprise's M without a score, decisions from 2023, early
    // stops on the grounds of 54号令).
    const expected: Record<number, string> = {
      42: '8f8a0a4f1c6dee6e0555595ca7dcd9ffc4891c61be01fb4b4100439f15b65ae1',
      2024: 'ecbfac9845a2a9afbc4aee947f302c6e3159952984def9eee84680b7137fb056',
    };
    for (const seed of [42, 2024]) {
      const hash = createHash('sha256');
      for (const g of generate({ subjects: 2000, seed, personKeySecret: SECRET }))
        hash.update(JSON.stringify([g.index, g.subject, g.person, g.ratings, g.violation]) + '\n');
      assert.equal(hash.digest('hex'), expected[seed], `seed ${seed}`);
    }
  });

  it('continues the same sequence from a start index (append runs)', () => {
    const whole = [...generate({ subjects: 400, seed: 3, personKeySecret: SECRET })];
    const tail = [...generate({ subjects: 150, seed: 3, personKeySecret: SECRET, startIndex: 250 })];
    assert.deepEqual(tail, whole.slice(250));
    assert.deepEqual(generateSubject(3, 10, SECRET), whole[10]);
  });

  it('rejects impossible options', () => {
    assert.throws(() => [...generate({ subjects: -1, personKeySecret: SECRET })], RangeError);
    assert.throws(() => [...generate({ subjects: 1, personKeySecret: '' })], /personKeySecret/);
    assert.throws(() => [...generate({ subjects: 10, personKeySecret: SECRET, startIndex: 1e12 })], /at most/);
  });

  it('builds valid USCCs whose category, division and kind agree with the row', () => {
    for (const { subject } of rows) {
      if (subject.kind === 'NATURAL_PERSON') continue;
      const checked = validateUscc(subject.code);
      assert.ok(checked.valid, `${subject.code}: ${checked.valid ? '' : checked.message}`);
      assert.equal(kindFromUscc(subject.code), subject.kind, subject.code);
      assert.equal(subject.code.slice(2, 8), subject.regionCode, subject.code);
      assert.ok(REGION_CODES.has(subject.regionCode), subject.regionCode);
    }
  });

  it('uses MA bodies for most enterprises registered since 2016 and numeric ones before', () => {
    const recent = rows.filter((g) => g.subject.kind === 'ENTERPRISE' && g.subject.establishedOn! >= '2016');
    const old = rows.filter((g) => g.subject.kind === 'ENTERPRISE' && g.subject.establishedOn! < '2015');
    assert.ok(recent.every((g) => g.subject.code.slice(8, 10) === 'MA'));
    assert.ok(old.every((g) => /^\d{8}$/.test(g.subject.code.slice(8, 16))));
    assert.ok(recent.length > old.length, 'most enterprises are recent');
  });

  it('gives natural persons a valid, unique ID number and the HMAC person key', () => {
    const persons = rows.filter((g) => g.subject.kind === 'NATURAL_PERSON');
    assert.ok(persons.length > 0);
    for (const { subject, person } of persons) {
      assert.ok(person, subject.code);
      assert.equal(person.code, subject.code);
      assert.ok(isPersonKey(subject.code), subject.code);
      const id = validateIdNumber(person.idNumber);
      assert.ok(id.valid, person.idNumber);
      assert.equal(id.regionCode, subject.regionCode);
      assert.ok(id.birthDate >= '1950-01-01' && id.birthDate <= '2005-12-31', id.birthDate);
      assert.equal(personKey(person.idNumber, SECRET), subject.code);
      assert.match(subject.name, /^[\u4e00-\u9fff]{2,4}$/);
      assert.equal(subject.legalRepresentative, null);
    }
    assert.equal(new Set(persons.map((p) => p.person!.idNumber)).size, persons.length);
    assert.ok(rows.filter((g) => g.subject.kind !== 'NATURAL_PERSON').every((g) => g.person === null));
  });

  it('never repeats a code', () => {
    assert.equal(new Set(rows.map((g) => g.subject.code)).size, rows.length);
  });

  it('matches the intended mix of kinds and statuses', () => {
    const count = (kind: string) => rows.filter((g) => g.subject.kind === kind).length;
    near(share(count('ENTERPRISE'), SAMPLE), 60, 1.5, 'enterprises');
    near(share(count('INDIVIDUAL_BUSINESS'), SAMPLE), 22, 1.2, 'individual businesses');
    near(share(count('FARMERS_COOPERATIVE'), SAMPLE), 3, 0.5, 'cooperatives');
    near(share(count('GOVERNMENT_BODY'), SAMPLE), 1.5, 0.4, 'government bodies');
    near(share(count('PUBLIC_INSTITUTION'), SAMPLE), 3, 0.5, 'public institutions');
    near(share(count('SOCIAL_ORGANISATION'), SAMPLE), 2.5, 0.5, 'social organisations');
    near(share(count('NATURAL_PERSON'), SAMPLE), 8, 0.8, 'natural persons');

    const market = rows.filter((g) =>
      ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE'].includes(g.subject.kind),
    );
    const status = (s: string) => share(market.filter((g) => g.subject.registrationStatus === s).length, market.length);
    near(status('REVOKED'), 4, 0.8, 'revoked');
    near(status('CANCELLED'), 5, 0.8, 'cancelled');
    near(status('MOVED_OUT'), 1, 0.4, 'moved out');
    assert.ok(rows.every((g) => g.subject.registrationStatus !== 'MOVED_OUT' || market.includes(g)));
  });

  it('writes Chinese names with industries that fit them', () => {
    for (const { subject } of rows) {
      assert.match(subject.name, CHINESE, subject.name);
      if (subject.kind === 'NATURAL_PERSON') {
        assert.equal(subject.industryCode, null);
        continue;
      }
      assert.match(subject.industryCode ?? '', /^[A-T]$/, subject.name);
      assert.match(subject.legalRepresentative ?? '', /^[\u4e00-\u9fff]{2,4}$/);
    }
    const industryOf = (pattern: RegExp) =>
      new Set(rows.filter((g) => pattern.test(g.subject.name)).map((g) => g.subject.industryCode));
    assert.deepEqual(industryOf(/专业合作社$/), new Set(['A']));
    assert.deepEqual(industryOf(/(信息科技|网络科技|软件)有限/), new Set(['I']));
    assert.deepEqual(industryOf(/(人民医院|卫生院|社区卫生服务中心)$/), new Set(['Q']));
    assert.deepEqual(industryOf(/(小学|中学)$/), new Set(['P']));
    assert.deepEqual(industryOf(/(建设|建筑工程)(集团)?有限/), new Set(['E']));
    for (const g of rows.filter((r) => r.subject.kind === 'ENTERPRISE')) {
      assert.match(g.subject.name, /(有限公司|有限责任公司|股份有限公司|厂|合伙企业（有限合伙）)$/, g.subject.name);
    }
    assert.ok(rows.filter((g) => g.subject.kind === 'GOVERNMENT_BODY').every((g) => g.subject.industryCode === 'S'));
  });

  it('dates establishment plausibly for each kind', () => {
    for (const { subject } of rows) {
      if (subject.kind === 'NATURAL_PERSON') {
        assert.equal(subject.establishedOn, null);
        continue;
      }
      const on = subject.establishedOn!;
      assert.ok(on <= '2025-12-31', on);
      if (subject.kind === 'ENTERPRISE') assert.ok(on >= '1985-01-01', on);
      if (subject.kind === 'FARMERS_COOPERATIVE') assert.ok(on >= '2007-01-01', on);
      if (subject.kind === 'GOVERNMENT_BODY') assert.ok(on >= '1950-01-01', on);
      if (subject.regionCode === '330113' || subject.regionCode === '330114')
        assert.ok(on >= '2021-01-01', `${subject.name} ${on}`);
    }
  });

  it('rates enterprises every year from 2022 (or founding) and about half of the other market subjects', () => {
    const rated = (kind: string) => {
      const of = rows.filter(
        (g) =>
          g.subject.kind === kind && g.subject.registrationStatus === 'ACTIVE' && g.subject.establishedOn! < '2025',
      );
      return share(of.filter((g) => g.ratings.length > 0).length, of.length);
    };
    assert.equal(rated('ENTERPRISE'), 100);
    near(rated('INDIVIDUAL_BUSINESS'), 50, 4, 'individual businesses rated');
    near(rated('FARMERS_COOPERATIVE'), 50, 10, 'cooperatives rated');
    for (const g of rows) {
      if (!['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE'].includes(g.subject.kind))
        assert.equal(g.ratings.length, 0);
      const firstYear = Math.max(2022, Number(g.subject.establishedOn?.slice(0, 4)));
      const years = g.ratings.map((r) => r.year);
      for (const r of g.ratings) {
        assert.equal(r.subjectCode, g.subject.code);
        assert.equal(r.regionCode, g.subject.regionCode);
        assert.ok(r.year >= firstYear && r.year <= 2025, `${g.subject.code} ${r.year}`);
        assert.match(r.evaluatedOn, new RegExp(`^${r.year + 1}-04-\\d\\d$`));
        assert.match(r.authority, /^国家税务总局.+税务局$/);
      }
      assert.deepEqual(years, [...years].sort(), 'one rating a year, in order');
      assert.equal(new Set(years).size, years.length);
      if (g.subject.registrationStatus === 'ACTIVE' && g.ratings.length > 0) assert.equal(years.at(-1), 2025);
    }
  });

  it('keeps levels and scores consistent (A ≥ 90, B 70–90, M ≥ 70, C 40–70, D < 40 or none)', () => {
    for (const g of rows) {
      for (const r of g.ratings) {
        const s = r.score;
        if (r.level === 'D') {
          assert.ok(s === null || s < 40, `D with ${s}`);
          continue;
        }
        // A new enterprise's M has no score: it is not rated in its first evaluation year.
        if (r.level === 'M' && s === null) continue;
        assert.ok(s !== null, `${r.level} without a score`);
        if (r.level === 'A') assert.ok(s >= 90 && s <= 100, `A with ${s}`);
        if (r.level === 'B') assert.ok(s >= 70 && s < 90, `B with ${s}`);
        if (r.level === 'M') assert.ok(s >= 70 && s <= 100, `M with ${s}`);
        if (r.level === 'C') assert.ok(s >= 40 && s < 70, `C with ${s}`);
      }
    }
  });

  it('hits the yearly level shares (A 15, B 62, M 10, C 9, D 4 %) and keeps levels fairly stable', () => {
    const all = rows.flatMap((g) => g.ratings);
    for (const year of [2022, 2023, 2024, 2025]) {
      const ofYear = all.filter((r) => r.year === year);
      const pct = (level: string) => share(ofYear.filter((r) => r.level === level).length, ofYear.length);
      near(pct('A'), 15, 2.5, `${year} A`);
      near(pct('B'), 62, 3, `${year} B`);
      near(pct('M'), 10, 2.5, `${year} M`);
      near(pct('C'), 9, 2, `${year} C`);
      near(pct('D'), 4, 1.5, `${year} D`);
    }
    let pairs = 0;
    let same = 0;
    for (const g of rows) {
      for (let i = 1; i < g.ratings.length; i++) {
        pairs++;
        if (g.ratings[i]!.level === g.ratings[i - 1]!.level) same++;
      }
    }
    assert.ok(same / pairs > 0.7, `only ${((100 * same) / pairs).toFixed(1)} % of consecutive years keep their level`);
    // New taxpayers are M far more often than established ones.
    const founded = new Map(rows.map((g) => [g.subject.code, g.subject.establishedOn?.slice(0, 4)]));
    const newcomers = all.filter((r) => founded.get(r.subjectCode) === String(r.year));
    assert.ok(share(newcomers.filter((r) => r.level === 'M').length, newcomers.length) > 60);
  });

  it('lists about 0.4 % of enterprises as 重大税收违法失信主体, each graded D that year', () => {
    const listed = rows.filter((g) => g.violation !== null);
    const enterprises = rows.filter((g) => g.subject.kind === 'ENTERPRISE').length;
    const listedEnterprises = listed.filter((g) => g.subject.kind === 'ENTERPRISE').length;
    near(share(listedEnterprises, enterprises), 0.4, 0.2, 'black-listed enterprises');
    assert.ok(listed.every((g) => g.subject.kind === 'ENTERPRISE' || g.subject.kind === 'INDIVIDUAL_BUSINESS'));

    let removed = 0;
    for (const g of listed) {
      const v = g.violation!;
      const year = Number(v.decisionServedOn.slice(0, 4));
      const rating = g.ratings.find((r) => r.year === year);
      assert.ok(rating, `${g.subject.code} has no rating for ${year}`);
      assert.equal(rating.level, 'D');
      assert.equal(v.subjectCode, g.subject.code);
      assert.equal(v.taxpayerName, g.subject.name);
      assert.equal(v.regionCode, g.subject.regionCode);
      assert.equal(v.responsiblePersonName, g.subject.legalRepresentative);
      const id = validateIdNumber(v.responsiblePersonIdNumber);
      assert.ok(id.valid, v.responsiblePersonIdNumber);
      assert.equal(v.responsiblePersonSex, id.sex === 'MALE' ? '男' : '女');
      assert.ok(v.registeredAddress.startsWith('浙江省'), v.registeredAddress);

      const authority = validateUscc(v.authorityCode);
      assert.ok(authority.valid, v.authorityCode);
      assert.equal(kindFromUscc(v.authorityCode), 'GOVERNMENT_BODY');
      assert.equal(v.authorityCode.slice(2, 8), CITY_OF.get(g.subject.regionCode));
      assert.match(v.inspectingAuthority, /^国家税务总局.+稽查局$/);
      assert.ok(v.mainFacts.startsWith(`经${v.inspectingAuthority}检查`), v.mainFacts);
      assert.match(v.legalBasis, /^依照《/);

      assert.ok(v.decisionServedOn >= '2023-01-03' && v.decisionServedOn <= '2025-12-31', v.decisionServedOn);
      const [y, m] = v.decisionServedOn.split('-').map(Number) as [number, number];
      const deadline = m === 12 ? `${y + 1}-01-15` : `${y}-${String(m + 1).padStart(2, '0')}-15`;
      assert.ok(
        v.publishedOn > v.decisionServedOn && v.publishedOn <= deadline,
        `${v.decisionServedOn} → ${v.publishedOn}`,
      );
      const [py, pm, pd] = v.publishedOn.split('-').map(Number) as [number, number, number];
      const ends = addYears(dayOf(py, pm, pd), 3);
      assert.equal(v.publicityEndsOn, new Date(ends * 86_400_000).toISOString().slice(0, 10));

      if (v.situation === 'TAX_EVASION') assert.ok(Number(v.amountInvolved) >= 1_000_000);
      if (v.status === 'REMOVED') {
        removed++;
        assert.ok(
          v.removedOn! > v.publishedOn && v.removedOn! < v.publicityEndsOn,
          `${v.publishedOn} → ${v.removedOn}`,
        );
        // Early stop only on a ground of 54号令, decided within 15 days of the application.
        const applied = day(v.stopAppliedOn!);
        assert.ok(
          day(v.removedOn!) > applied && day(v.removedOn!) - applied <= 15,
          `${v.stopAppliedOn} → ${v.removedOn}`,
        );
        if (v.removalGround === 'PAID_IN_FULL') {
          assert.ok(applied > addMonthsIso(v.publishedOn, 6), `${v.publishedOn} → ${v.stopAppliedOn}`);
          assert.ok(v.paidOn! > v.decisionServedOn && v.paidOn! <= v.stopAppliedOn!, `${v.paidOn}`);
        } else {
          assert.equal(v.removalGround, 'BANKRUPTCY_REORGANISATION');
          assert.equal(v.paidOn, null);
        }
        assert.ok(v.removalReason!.length > 10, v.removalReason!);
      } else {
        assert.deepEqual(
          [v.removedOn, v.removalReason, v.removalGround, v.stopAppliedOn, v.paidOn],
          [null, null, null, null, null],
        );
      }
    }
    assert.ok(removed > 0 && removed < listed.length * 0.25, `${removed} of ${listed.length} removed`);
    const situations = new Map<string, number>();
    for (const g of listed) situations.set(g.violation!.situation, (situations.get(g.violation!.situation) ?? 0) + 1);
    const top = [...situations.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([s]) => s)
      .sort();
    assert.deepEqual(top, ['FALSE_SPECIAL_INVOICES', 'TAX_EVASION']);
  });
});

describe('Permutation', () => {
  it('is a bijection on its domain, including sizes that are not squares', () => {
    for (const size of [1, 2, 31, 1000, 961 * 31]) {
      const p = new Permutation(size, 99);
      const seen = new Set<number>();
      for (let i = 0; i < size; i++) seen.add(p.apply(i));
      assert.equal(seen.size, size);
      assert.ok([...seen].every((x) => x >= 0 && x < size));
    }
  });
});
