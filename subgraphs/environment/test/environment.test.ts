import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, setClock, type Identity, type RunningService } from '@credit-hub/kit';
import {
  callers,
  createTestDatabase,
  expectForbidden,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  onDay,
} from '@credit-hub/kit/testing';
import { startEnvironmentSubgraph } from '../src/index.ts';
import { environmentSeed } from './seed.ts';

// The environment subgraph in-process over real HTTP against a real Postgres clone, started three times on the same
// data: for a four-grade province (the national default), a five-grade one, and one whose ratings count only to
// 31 August. The file stands on 2026-03-15: the 2024 ratings (published 2025) are in force, the 2022 ones history.
let tdb: TestDatabase;
let five: RunningService;
let four: RunningService;
let august: RunningService;
const TODAY = '2026-03-15';
let restoreClock = () => {};

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const lakeside = makeUscc('91', '330106', 'MA2H0001'); // 杭州西湖纸业: GREEN now, two permits
const dyeing = makeUscc('91', '330106', 'MA2H0002'); // 杭州西子印染: RED now, two penalties, a revoked permit
const chemical = makeUscc('91', '330212', 'MA2H0003'); // 宁波北仑化工: BLACK, one penalty
const untouched = makeUscc('91', '330108', 'MA2H0004'); // never rated, penalised or permitted
const warned = makeUscc('91', '330106', 'MA2H0005'); // YELLOW now: 重点关注
const stale = makeUscc('91', '330106', 'MA2H0006'); // RED for 2022 only: an old RED, history now

const HANGZHOU = '杭州市生态环境局';
const XIHU = '杭州市生态环境局西湖分局';
const NINGBO = '宁波市生态环境局';

type Grade = 'GREEN' | 'BLUE' | 'YELLOW' | 'RED' | 'BLACK';
type Seed = ReturnType<typeof environmentSeed>;
type RatingSeed = Parameters<Seed['rating']>[0];
type PenaltySeed = Parameters<Seed['penalty']>[0];

/** A rating as the seed takes it (test/seed.ts fills in the rest: published 20 April of the next year, 80 points). */
const rating = (subjectCode: string, year: number, grade: Grade, extra: Partial<RatingSeed> = {}): RatingSeed => ({
  subjectCode,
  year,
  grade,
  ...extra,
});

const penalty = (
  subjectCode: string,
  decisionNumber: string,
  decided: string,
  extra: Partial<PenaltySeed> = {},
): PenaltySeed => ({ subjectCode, decisionNumber, decided, ...extra });

const GRADES = ['GREEN', 'BLUE', 'YELLOW', 'RED'] as const;
/** 2023 ratings for the list tests: two districts, two industries, the four national grades. */
const bulkRatings = Array.from({ length: 23 }, (_, i) =>
  rating(makeUscc('91', i % 2 ? '330106' : '330108', `MA2R${String(i).padStart(4, '0')}`), 2023, GRADES[i % 4]!, {
    industryCode: i % 3 === 0 ? 'D' : 'C',
  }),
);
/** 2024 penalties for the paging tests, three per day so that the id breaks ties. */
const bulkPenalties = Array.from({ length: 13 }, (_, i) =>
  penalty(
    makeUscc('91', i % 2 ? '330106' : '330108', `MA2T${String(i).padStart(4, '0')}`),
    `杭环罚〔2024〕${100 + i}号`,
    `2024-05-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`,
    { fine: 10000 * (i + 1), authority: HANGZHOU },
  ),
);

before(async () => {
  restoreClock = fixClock(TODAY);
  tdb = await createTestDatabase();
  const seed = environmentSeed(tdb.db);
  await seed.rating.many([
    rating(lakeside, 2022, 'BLUE'),
    rating(lakeside, 2023, 'YELLOW'),
    rating(lakeside, 2024, 'GREEN', {
      pollutionPrevention: 92.5,
      ecologicalProtection: 88,
      environmentalManagement: 95.25,
      socialSupervision: 90,
      evaluatedOn: d('2025-05-12'),
    }),
    rating(dyeing, 2023, 'BLUE'),
    rating(dyeing, 2024, 'RED', { pollutionPrevention: 42, ecologicalProtection: 65.5 }),
    rating(chemical, 2024, 'BLACK', { authority: NINGBO, industryCode: null }),
    rating(warned, 2024, 'YELLOW'),
    rating(stale, 2022, 'RED'),
    ...bulkRatings,
  ]);
  await seed.penalty.many([
    penalty(dyeing, '杭西环罚〔2025〕12号', '2025-03-18'),
    penalty(dyeing, '杭西环罚〔2024〕35号', '2024-08-06', {
      violationType: '未按照规定对所排放的水污染物自行监测',
      facts: '当事人未按排污许可证规定的频次开展废水自行监测。',
      legalBasis: '《中华人民共和国水污染防治法》第八十二条第一项',
      fine: 30000.5,
    }),
    penalty(chemical, '甬环罚〔2025〕8号', '2025-09-01', {
      violationType: '超过大气污染物排放标准排放大气污染物',
      facts: '当事人RTO焚烧炉排气筒非甲烷总烃排放浓度超过排放限值。',
      legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
      fine: 1000000,
      authority: '宁波市生态环境局北仑分局',
    }),
    ...bulkPenalties,
  ]);
  await seed.permit.many([
    { subjectCode: lakeside, validFrom: d('2023-06-18'), validUntil: d('2028-06-17') },
    { subjectCode: lakeside, sequence: '002', validFrom: d('2019-01-01'), validUntil: d('2023-12-31') },
    {
      subjectCode: dyeing,
      industry: '纺织品制造',
      validFrom: d('2022-01-01'),
      validUntil: d('2026-12-31'),
      status: 'REVOKED',
    },
  ]);
  four = await startEnvironmentSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { grades: 4 },
  });
  five = await startEnvironmentSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { grades: 5 },
  });
  august = await startEnvironmentSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { grades: 4, validThrough: { month: 8, day: 31 } },
  });
});

after(async () => {
  await five.close();
  await four.close();
  await august.close();
  await tdb.drop();
  restoreClock();
});

const query = (
  q: string,
  variables: Record<string, unknown> = {},
  who: Identity = callers.public,
  service: RunningService = four,
) => postAs(service.url, who, q, variables);
const entities = (codes: string[], selection: string, who: Identity = callers.public, service = four) =>
  query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code ${selection} } } }`,
    { r: codes.map((code) => ({ __typename: 'CreditSubject', code })) },
    who,
    service,
  );
const data = (response: Awaited<ReturnType<typeof query>>) => {
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return response.body.data as any;
};
const auditReads = () =>
  tdb.db.prisma.$queryRaw<{ subject_code: string | null; fields: string; actor: string }[]>`
    SELECT subject_code, fields, actor FROM audit.entry WHERE action = 'READ' ORDER BY seq`;

describe('企业环境信用评价 on the subject', () => {
  const PUBLIC_FIELDS =
    'subject { code } year grade gradeLabel colourLabel authority evaluatedOn regionCode industryCode';

  it('publishes the grade in force and the history, newest year first', async () => {
    const [l] = data(
      await entities(
        [lakeside],
        `environmentalRating { ${PUBLIC_FIELDS} validUntil inForce } environmentalRatings { year grade colourLabel inForce }`,
      ),
    )._entities;
    assert.deepEqual(l.environmentalRating, {
      subject: { code: lakeside },
      year: 2024,
      grade: 'GREEN',
      gradeLabel: '环保诚信',
      colourLabel: '绿牌',
      authority: HANGZHOU,
      evaluatedOn: '2025-05-12',
      regionCode: '330106',
      industryCode: 'C',
      validUntil: '2026-12-31',
      inForce: true,
    });
    assert.deepEqual(l.environmentalRatings, [
      { year: 2024, grade: 'GREEN', colourLabel: '绿牌', inForce: true },
      { year: 2023, grade: 'YELLOW', colourLabel: '黄牌', inForce: false },
      { year: 2022, grade: 'BLUE', colourLabel: '蓝牌', inForce: false },
    ]);
  });

  it('labels every grade as the province names it', async () => {
    const selection = 'environmentalRating { grade gradeLabel colourLabel industryCode }';
    const [dy, ch] = data(await entities([dyeing, chemical], selection))._entities;
    assert.deepEqual(dy.environmentalRating, {
      grade: 'RED',
      gradeLabel: '环保不良',
      colourLabel: '红牌',
      industryCode: 'C',
    });
    // A black card kept from a five-grade past, in a four-grade hub: named by its colour.
    assert.deepEqual(ch.environmentalRating, {
      grade: 'BLACK',
      gradeLabel: '黑牌',
      colourLabel: '黑牌',
      industryCode: null,
    });
    const [dy5, ch5] = data(await entities([dyeing, chemical], selection, callers.public, five))._entities;
    assert.deepEqual([dy5.environmentalRating.gradeLabel, ch5.environmentalRating.gradeLabel], ['差', '很差']);
  });

  it('answers null and empty lists for a subject without records', async () => {
    const [u] = data(
      await entities(
        [untouched],
        `environmentalRating { year } environmentalRatings { year } environmentalPenalties { id } dischargePermits { id }
         isEnvironmentalIntegrityEnterprise isOnEnvironmentalBlacklist isOnEnvironmentalWatchList`,
      ),
    )._entities;
    assert.deepEqual(u, {
      code: untouched,
      environmentalRating: null,
      environmentalRatings: [],
      environmentalPenalties: [],
      dischargePermits: [],
      isEnvironmentalIntegrityEnterprise: false,
      isOnEnvironmentalBlacklist: false,
      isOnEnvironmentalWatchList: false,
    });
  });
});

describe('red, black and 重点关注 lists', () => {
  const FLAGS = 'isEnvironmentalIntegrityEnterprise isOnEnvironmentalBlacklist isOnEnvironmentalWatchList';
  const flags = async (service: RunningService) =>
    Object.fromEntries(
      data(
        await entities([lakeside, dyeing, chemical, warned, stale, untouched], FLAGS, callers.public, service),
      )._entities.map((s: any) => [
        s.code,
        [s.isEnvironmentalIntegrityEnterprise, s.isOnEnvironmentalBlacklist, s.isOnEnvironmentalWatchList],
      ]),
    );
  // [red list, black list, 重点关注] — the same in both scales: RED and BLACK are black, YELLOW is watched.
  const expected = {
    [lakeside]: [true, false, false],
    [dyeing]: [false, true, false],
    [chemical]: [false, true, false],
    [warned]: [false, false, true],
    [stale]: [false, false, false],
    [untouched]: [false, false, false],
  };

  it('with four grades: GREEN red list, RED black list, YELLOW 重点关注', async () => {
    assert.deepEqual(await flags(four), expected);
  });

  it('with five grades: the same, and BLACK on the black list too', async () => {
    assert.deepEqual(await flags(five), expected);
  });

  it('judges by the rating in force only: a past YELLOW does not count, an old RED punishes no more', async () => {
    const [l, st] = data(
      await entities([lakeside, stale], `environmentalRating { year } environmentalRatings { year grade } ${FLAGS}`),
    )._entities;
    assert.equal(l.environmentalRatings[1].grade, 'YELLOW');
    assert.deepEqual([l.isEnvironmentalIntegrityEnterprise, l.isOnEnvironmentalWatchList], [true, false]);
    // RED for 2022, published 2023, counted through 2024: in 2026 it is history.
    assert.deepEqual(st.environmentalRatings, [{ year: 2022, grade: 'RED' }]);
    assert.deepEqual([st.environmentalRating, st.isOnEnvironmentalBlacklist], [null, false]);
  });

  it('tells clients which grades the hub uses and what list each is on', async () => {
    const GRADES_QUERY = '{ environmentalGrades { grade label colourLabel blacklist watchList } }';
    assert.deepEqual(data(await query(GRADES_QUERY)).environmentalGrades, [
      { grade: 'GREEN', label: '环保诚信', colourLabel: '绿牌', blacklist: false, watchList: false },
      { grade: 'BLUE', label: '环保良好', colourLabel: '蓝牌', blacklist: false, watchList: false },
      { grade: 'YELLOW', label: '环保警示', colourLabel: '黄牌', blacklist: false, watchList: true },
      { grade: 'RED', label: '环保不良', colourLabel: '红牌', blacklist: true, watchList: false },
    ]);
    assert.deepEqual(data(await query(GRADES_QUERY, {}, callers.public, five)).environmentalGrades, [
      { grade: 'GREEN', label: '很好', colourLabel: '绿牌', blacklist: false, watchList: false },
      { grade: 'BLUE', label: '好', colourLabel: '蓝牌', blacklist: false, watchList: false },
      { grade: 'YELLOW', label: '一般', colourLabel: '黄牌', blacklist: false, watchList: true },
      { grade: 'RED', label: '差', colourLabel: '红牌', blacklist: true, watchList: false },
      { grade: 'BLACK', label: '很差', colourLabel: '黑牌', blacklist: true, watchList: false },
    ]);
  });
});

describe('as the clock moves', () => {
  const FLAGS =
    'environmentalRating { year } isEnvironmentalIntegrityEnterprise isOnEnvironmentalBlacklist isOnEnvironmentalWatchList';
  const state = async (code: string, service: RunningService = four) => {
    const [s] = data(await entities([code], FLAGS, callers.public, service))._entities;
    return [
      s.environmentalRating?.year ?? null,
      s.isEnvironmentalIntegrityEnterprise,
      s.isOnEnvironmentalBlacklist,
      s.isOnEnvironmentalWatchList,
    ];
  };

  it('counts a new rating from the day it is published, the old one until then', async () => {
    // lakeside: 2023 YELLOW (published 2024-04-20), 2024 GREEN published 2025-05-12.
    assert.deepEqual(await onDay('2025-05-11', () => state(lakeside)), [2023, false, false, true]);
    assert.deepEqual(await onDay('2025-05-12', () => state(lakeside)), [2024, true, false, false]);
  });

  it('ends the rating of year Y with 31 December of Y+2 by default', async () => {
    assert.deepEqual(await onDay('2026-12-30', () => state(dyeing)), [2024, false, true, false]);
    assert.deepEqual(await onDay('2026-12-31', () => state(dyeing)), [2024, false, true, false]);
    assert.deepEqual(await onDay('2027-01-01', () => state(dyeing)), [null, false, false, false]);
  });

  it('ends it with the province’s configured day instead', async () => {
    assert.deepEqual(await onDay('2026-08-30', () => state(warned, august)), [2024, false, false, true]);
    assert.deepEqual(await onDay('2026-08-31', () => state(warned, august)), [2024, false, false, true]);
    assert.deepEqual(await onDay('2026-09-01', () => state(warned, august)), [null, false, false, false]);
  });

  /**
   * A clock read once just before midnight in China and just after it from then on: a request that starts on one
   * day and resolves its fields on the next. The subgraph reads "today" once per request (loaders.ts), so every field
   * answers as of the day the request began; reading it per field, the first would say one day and the rest another.
   */
  const acrossMidnight = (day: string, next: string) => {
    let reads = 0;
    return setClock({
      now: () => new Date(reads++ === 0 ? `${day}T23:59:59.900+08:00` : `${next}T00:00:00.100+08:00`),
    });
  };

  it('answers every field of one request as of one day, even when the request runs across midnight', async () => {
    // warned: 2024 YELLOW, counting through 31 August 2026 on the august hub.
    const restore = acrossMidnight('2026-08-31', '2026-09-01');
    let answer;
    try {
      answer = await entities([warned], `${FLAGS} environmentalRatings { year inForce }`, callers.public, august);
    } finally {
      restore();
    }
    const [s] = data(answer)._entities;
    assert.deepEqual(
      [s.environmentalRating?.year, s.isEnvironmentalIntegrityEnterprise, s.isOnEnvironmentalBlacklist],
      [2024, false, false],
    );
    assert.equal(s.isOnEnvironmentalWatchList, true);
    assert.deepEqual(s.environmentalRatings, [{ year: 2024, inForce: true }]);
  });

  it("shows a permit's status of the day the request began, in every field that reads it", async () => {
    // lakeside's permit 001P is valid through 2028-06-17.
    const restore = acrossMidnight('2028-06-17', '2028-06-18');
    let answer;
    try {
      answer = await entities([lakeside], 'a: dischargePermits { status } b: dischargePermits { statusLabel }');
    } finally {
      restore();
    }
    const [l] = data(answer)._entities;
    assert.deepEqual(
      l.a.map((p: { status: string }) => p.status),
      ['VALID', 'EXPIRED'],
    );
    assert.deepEqual(
      l.b.map((p: { statusLabel: string }) => p.statusLabel),
      ['有效', '已过期'],
    );
  });
});

describe('indicator-area scores (DEPARTMENT)', () => {
  const SCORES =
    'environmentalRating { grade pollutionPrevention ecologicalProtection environmentalManagement socialSupervision }';

  for (const [label, who] of [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax')],
    ['a market system with the read scope', callers.system('market', ['read'])],
    ['an environment system without the read scope', callers.system('environment', ['write'])],
    ['an administrator', callers.admin()],
  ] as const) {
    it(`hides the scores from ${label} (FORBIDDEN), not the grade`, async () => {
      const before = (await auditReads()).length;
      const refused = await entities([lakeside], SCORES, who);
      const errors = refused.body.errors ?? [];
      assert.deepEqual(
        errors.map((e) => [e.extensions?.code, e.extensions?.field]).sort(),
        ['ecologicalProtection', 'environmentalManagement', 'pollutionPrevention', 'socialSupervision'].map((f) => [
          'FORBIDDEN',
          `EnvironmentalRating.${f}`,
        ]),
      );
      assert.deepEqual((refused.body.data as any)._entities[0].environmentalRating, {
        grade: 'GREEN',
        pollutionPrevention: null,
        ecologicalProtection: null,
        environmentalManagement: null,
        socialSupervision: null,
      });
      assert.equal((await auditReads()).length, before);
    });
  }

  for (const [label, who] of [
    ['an environment officer', callers.officer('environment')],
    ['a supervisor', callers.supervisor()],
    ['an environment system with the read scope', callers.system('environment', ['read'])],
  ] as const) {
    it(`shows the scores to ${label}, and audits the read`, async () => {
      const before = (await auditReads()).length;
      const [l] = data(await entities([lakeside], SCORES, who))._entities;
      assert.deepEqual(l.environmentalRating, {
        grade: 'GREEN',
        pollutionPrevention: 92.5,
        ecologicalProtection: 88,
        environmentalManagement: 95.25,
        socialSupervision: 90,
      });
      // One READ row per subject and request, naming every non-public field released.
      const reads = (await auditReads()).slice(before);
      assert.deepEqual(
        reads.map((r) => [r.subject_code, (JSON.parse(r.fields) as string[]).sort(), r.actor]),
        [
          [
            lakeside,
            [
              'EnvironmentalRating.ecologicalProtection',
              'EnvironmentalRating.environmentalManagement',
              'EnvironmentalRating.pollutionPrevention',
              'EnvironmentalRating.socialSupervision',
            ],
            who.actor,
          ],
        ],
      );
    });
  }

  it('leaves no audit trail for public fields', async () => {
    const before = (await auditReads()).length;
    data(await entities([lakeside, dyeing], 'environmentalRating { grade } environmentalPenalties { fine }'));
    assert.equal((await auditReads()).length, before);
  });
});

describe('penalties and permits on the subject', () => {
  it('lists 环境行政处罚 newest decision first, with fines in 元', async () => {
    const [dy] = data(
      await entities(
        [dyeing],
        `environmentalPenalties { id subject { code } regionCode decisionNumber violationType facts legalBasis fine
          decidedOn authority }`,
      ),
    )._entities;
    assert.equal(dy.environmentalPenalties.length, 2);
    assert.match(dy.environmentalPenalties[0].id, /^\d+$/);
    assert.deepEqual(
      { ...dy.environmentalPenalties[0], id: undefined },
      {
        id: undefined,
        subject: { code: dyeing },
        regionCode: '330106',
        decisionNumber: '杭西环罚〔2025〕12号',
        violationType: '超标排放水污染物',
        facts: '当事人废水总排口化学需氧量浓度为186mg/L，超过《纺织染整工业水污染物排放标准》规定的排放限值。',
        legalBasis: '《中华人民共和国水污染防治法》第八十三条第二项',
        fine: 200000,
        decidedOn: '2025-03-18',
        authority: XIHU,
      },
    );
    assert.deepEqual(
      [dy.environmentalPenalties[1].decisionNumber, dy.environmentalPenalties[1].fine],
      ['杭西环罚〔2024〕35号', 30000.5],
    );
  });

  it('lists 排污许可证 latest validity first; a valid permit past its last day shows EXPIRED', async () => {
    const [l, dy] = data(
      await entities(
        [lakeside, dyeing],
        'dischargePermits { subject { code } regionCode permitNumber industry validFrom validUntil status statusLabel authority }',
      ),
    )._entities;
    assert.deepEqual(l.dischargePermits, [
      {
        subject: { code: lakeside },
        regionCode: '330106',
        permitNumber: `${lakeside}001P`,
        industry: '机制纸及纸板制造',
        validFrom: '2023-06-18',
        validUntil: '2028-06-17',
        status: 'VALID',
        statusLabel: '有效',
        authority: HANGZHOU,
      },
      {
        subject: { code: lakeside },
        regionCode: '330106',
        permitNumber: `${lakeside}002P`,
        industry: '机制纸及纸板制造',
        validFrom: '2019-01-01',
        validUntil: '2023-12-31',
        status: 'EXPIRED',
        statusLabel: '已过期',
        authority: HANGZHOU,
      },
    ]);
    assert.deepEqual(
      dy.dischargePermits.map((p: any) => [p.status, p.statusLabel]),
      [['REVOKED', '已撤销']],
    );
  });
});

describe('publicity of penalties', () => {
  const SUBJECT = `environmentalPenalties { decisionNumber decidedOn publicityEndsOn publicityBasis isPublished }`;
  const ALL = `environmentalPenalties(includeExpired: true) { decisionNumber isPublished }`;
  const LIST = `query($all: Boolean) { environmentalPenalties(includeExpired: $all, first: 100) {
    totalCount nodes { decisionNumber isPublished } } }`;
  const numbers = (list: any[]) => list.map((p) => p.decisionNumber);

  it('shows each penalty with its publicity end and rule: 58号令 decisions until 2026-03-31, later ones one year', async () => {
    const [dy, ch] = data(await entities([dyeing, chemical], SUBJECT))._entities;
    assert.deepEqual(
      dy.environmentalPenalties.map((p: any) => [p.decidedOn, p.publicityEndsOn, p.isPublished]),
      [
        ['2025-03-18', '2026-03-31', true],
        ['2024-08-06', '2026-03-31', true],
      ],
    );
    assert.match(dy.environmentalPenalties[0].publicityBasis, /令第58号.*令第36号/);
    assert.deepEqual(
      ch.environmentalPenalties.map((p: any) => [p.decidedOn, p.publicityEndsOn]),
      [['2025-09-01', '2026-09-01']],
    );
  });

  it('publishes a penalty through its last day and hides it from the public the day after', async () => {
    const onSubject = (day: string) =>
      onDay(day, async () => numbers(data(await entities([dyeing], SUBJECT))._entities[0].environmentalPenalties));
    const listed = (day: string) => onDay(day, async () => data(await query(LIST, {})).environmentalPenalties);
    assert.deepEqual(await onSubject('2026-03-31'), ['杭西环罚〔2025〕12号', '杭西环罚〔2024〕35号']);
    assert.deepEqual(await onSubject('2026-04-01'), []);
    assert.equal((await listed('2026-03-31')).totalCount, 3 + bulkPenalties.length);
    assert.deepEqual(await listed('2026-04-01'), {
      totalCount: 1,
      nodes: [{ decisionNumber: '甬环罚〔2025〕8号', isPublished: true }],
    });
    assert.deepEqual(numbers((await listed('2026-09-01')).nodes), ['甬环罚〔2025〕8号']);
    assert.deepEqual((await listed('2026-09-02')).nodes, []);
  });

  it('lists expired penalties for government users only, marked unpublished', async () => {
    const officer = callers.officer('tax');
    await onDay('2026-04-01', async () => {
      expectForbidden(await entities([dyeing], ALL));
      expectForbidden(await query(LIST, { all: true }));
      const [dy] = data(await entities([dyeing], ALL, officer))._entities;
      assert.deepEqual(
        dy.environmentalPenalties.map((p: any) => p.isPublished),
        [false, false],
      );
      assert.equal(
        data(await query(LIST, { all: true }, officer)).environmentalPenalties.totalCount,
        3 + bulkPenalties.length,
      );
    });
  });
});

describe('batching', () => {
  const SELECTION = `environmentalRating { year grade gradeLabel } environmentalRatings { year colourLabel }
    environmentalPenalties { decisionNumber fine } dischargePermits { permitNumber status }
    isEnvironmentalIntegrityEnterprise isOnEnvironmentalBlacklist`;

  it('loads every environment field of many subjects in one statement per loader', async () => {
    const others = Array.from({ length: 46 }, (_, i) => makeUscc('91', '330106', `MA2Q${String(i).padStart(4, '0')}`));
    tdb.db.resetStatements();
    const few = await entities([lakeside, dyeing], SELECTION);
    const forTwo = tdb.db.statements();
    tdb.db.resetStatements();
    const many = await entities([...others, lakeside, dyeing, chemical, untouched], SELECTION);
    const forFifty = tdb.db.statements();
    data(few);
    assert.equal(data(many)._entities.length, 50);
    // Ratings, penalties, permits: three loaders and nothing else (public fields leave no audit trail).
    assert.equal(forTwo, 3);
    assert.equal(forFifty, 3);
  });

  it('resolves references without SQL', async () => {
    tdb.db.resetStatements();
    data(await entities([lakeside, dyeing, chemical], ''));
    assert.equal(tdb.db.statements(), 0);
  });
});

describe('rating list', () => {
  const RATINGS = `query($year: Int!, $grade: EnvironmentalGrade, $region: String, $industry: String, $first: Int,
      $after: String) {
    environmentalRatings(year: $year, grade: $grade, regionCode: $region, industryCode: $industry, first: $first,
        after: $after) {
      totalCount
      edges { cursor node { subject { code } grade regionCode industryCode } }
      nodes { subject { code } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const list = async (variables: Record<string, unknown>, service = five) =>
    data(await query(RATINGS, variables, callers.public, service)).environmentalRatings;
  const ratings2023 = [...bulkRatings, rating(lakeside, 2023, 'YELLOW'), rating(dyeing, 2023, 'BLUE')];

  it('lists a year ordered by subject code', async () => {
    const page = await list({ year: 2024 });
    assert.deepEqual(
      page.nodes.map((n: any) => n.subject.code),
      [lakeside, dyeing, chemical, warned].sort(),
    );
    assert.equal(page.totalCount, 4);
    assert.deepEqual(page.pageInfo.hasNextPage, false);
  });

  it('gives the red list with grade GREEN and the black list with BLACK (five grades)', async () => {
    assert.deepEqual(
      (await list({ year: 2024, grade: 'GREEN' })).nodes.map((n: any) => n.subject.code),
      [lakeside],
    );
    assert.deepEqual(
      (await list({ year: 2024, grade: 'BLACK' })).nodes.map((n: any) => n.subject.code),
      [chemical],
    );
  });

  it('refuses grade BLACK where four grades are used', async () => {
    const { body } = await query(RATINGS, { year: 2024, grade: 'BLACK' }, callers.public, four);
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(body.errors?.[0]?.extensions?.field, 'grade');
    assert.equal(body.errors?.[0]?.extensions?.rule, 'GRADE_NOT_USED');
    assert.equal((await list({ year: 2024, grade: 'RED' }, four)).totalCount, 1);
  });

  it('filters by grade, region prefix and industry', async () => {
    const count = (filter: (r: (typeof ratings2023)[number]) => boolean) => ratings2023.filter(filter).length;
    assert.equal((await list({ year: 2023 })).totalCount, ratings2023.length);
    assert.equal(
      (await list({ year: 2023, grade: 'GREEN' })).totalCount,
      count((r) => r.grade === 'GREEN'),
    );
    assert.equal(
      (await list({ year: 2023, region: '330108' })).totalCount,
      count((r) => r.subjectCode.slice(2, 8) === '330108'), // the seed's region: positions 3–8 of the USCC
    );
    assert.equal((await list({ year: 2023, region: '330100' })).totalCount, ratings2023.length);
    assert.equal((await list({ year: 2023, region: '330200' })).totalCount, 0);
    assert.equal((await list({ year: 2024, region: '330000' })).totalCount, 4);
    assert.equal(
      (await list({ year: 2023, industry: 'd' })).totalCount,
      count((r) => r.industryCode === 'D'),
    );
    const combined = await list({ year: 2023, grade: 'RED', region: '330106', industry: 'C', first: 100 });
    const expected = ratings2023.filter(
      (r) => r.grade === 'RED' && r.subjectCode.slice(2, 8) === '330106' && r.industryCode === 'C',
    );
    assert.ok(expected.length > 0);
    assert.deepEqual(
      combined.nodes.map((n: any) => n.subject.code),
      expected.map((r) => r.subjectCode).sort(),
    );
    for (const e of combined.edges)
      assert.deepEqual([e.node.grade, e.node.regionCode, e.node.industryCode], ['RED', '330106', 'C']);
  });

  it('pages through a year without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await list({ year: 2023, first: 7, after });
      pages += 1;
      assert.equal(page.pageInfo.hasPreviousPage, after !== null);
      seen.push(...page.nodes.map((n: any) => n.subject.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(pages, Math.ceil(ratings2023.length / 7));
    assert.deepEqual(seen, ratings2023.map((r) => r.subjectCode).sort());
  });

  for (const [label, variables, field, rule] of [
    ['a year out of range', { year: 1989 }, 'year', 'RANGE'],
    ['a malformed region', { year: 2023, region: '3301' }, 'regionCode', 'FORMAT'],
    ['an unknown industry section', { year: 2023, industry: 'C26' }, 'industryCode', 'FORMAT'],
    ['first of zero', { year: 2023, first: 0 }, 'first', 'RANGE'],
    ['first over the maximum', { year: 2023, first: 101 }, 'first', 'RANGE'],
    ['a foreign cursor', { year: 2023, after: 'bm90LWEtY3Vyc29y' }, 'after', 'CURSOR'],
  ] as const) {
    it(`rejects ${label}`, async () => {
      const { body } = await query(RATINGS, variables);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.field, field);
      assert.equal(body.errors?.[0]?.extensions?.rule, rule);
    });
  }
});

describe('penalty list', () => {
  const PENALTIES = `query($region: String, $from: Date, $to: Date, $first: Int, $after: String) {
    environmentalPenalties(regionCode: $region, decidedFrom: $from, decidedTo: $to, first: $first, after: $after) {
      totalCount
      edges { cursor node { id subject { code } decisionNumber decidedOn fine } }
      nodes { id }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;
  const list = async (variables: Record<string, unknown>) =>
    data(await query(PENALTIES, variables)).environmentalPenalties;
  const total = 3 + bulkPenalties.length;

  it('lists penalties newest decision first', async () => {
    const page = await list({ from: '2024-06-01' });
    assert.deepEqual(
      page.edges.map((e: any) => [e.node.subject.code, e.node.decisionNumber, e.node.decidedOn, e.node.fine]),
      [
        [chemical, '甬环罚〔2025〕8号', '2025-09-01', 1000000],
        [dyeing, '杭西环罚〔2025〕12号', '2025-03-18', 200000],
        [dyeing, '杭西环罚〔2024〕35号', '2024-08-06', 30000.5],
      ],
    );
    assert.equal(page.totalCount, 3);
  });

  it('filters by region prefix and decision date (both ends inclusive)', async () => {
    const count = async (variables: Record<string, unknown>) => (await list(variables)).totalCount;
    assert.equal(await count({}), total);
    assert.equal(await count({ region: '330200' }), 1); // 宁波市
    assert.equal(await count({ region: '330000' }), total);
    assert.equal(
      await count({ region: '330108' }),
      bulkPenalties.filter((p) => p.subjectCode.slice(2, 8) === '330108').length,
    );
    assert.equal(await count({ from: '2024-05-01', to: '2024-05-31' }), bulkPenalties.length);
    assert.equal(await count({ from: '2024-05-02', to: '2024-05-02' }), 3);
    assert.equal(await count({ from: '2025-03-18', to: '2025-09-01' }), 2);
    assert.equal(await count({ to: '2024-04-30' }), 0);
  });

  it('pages without gaps or repeats, ties broken by id', async () => {
    const all = await list({ first: 100 });
    assert.equal(all.nodes.length, total);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await list({ first: 4, after });
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(
      seen,
      all.nodes.map((n: any) => n.id),
    );
    const keys = all.edges.map((e: any) => [e.node.decidedOn, BigInt(e.node.id)] as [string, bigint]);
    for (let i = 1; i < keys.length; i++) {
      const [pd, pid] = keys[i - 1]!;
      const [cd, cid] = keys[i]!;
      assert.ok(pd > cd || (pd === cd && pid > cid), `order broken at ${i}`);
    }
  });

  for (const [label, variables, field, rule] of [
    ['a malformed region', { region: '33010' }, 'regionCode', 'FORMAT'],
    ['a date range ending before it starts', { from: '2025-08-01', to: '2025-07-01' }, 'decidedTo', 'ORDER'],
    [
      'a cursor of another list',
      { after: Buffer.from(JSON.stringify(lakeside)).toString('base64url') },
      'after',
      'CURSOR',
    ],
    ['first over the maximum', { first: 1000 }, 'first', 'RANGE'],
  ] as const) {
    it(`rejects ${label}`, async () => {
      const { body } = await query(PENALTIES, variables);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.field, field);
      assert.equal(body.errors?.[0]?.extensions?.rule, rule);
    });
  }

  it('rejects a malformed date without an internal error', async () => {
    const response = await query(PENALTIES, { from: '2025-02-30' });
    assert.ok(response.body.errors?.length);
    assert.notEqual(response.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
  });
});
