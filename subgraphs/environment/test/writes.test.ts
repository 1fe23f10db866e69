import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, fixClock, verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertConflict,
  assertOk,
  callers,
  createTestDatabase,
  expectForbidden,
  makeUscc,
  postAs,
  snapshot,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  writeRows,
} from '@credit-hub/kit/testing';
import { startEnvironmentSubgraph } from '../src/index.ts';

// The environment subgraph's mutations over real HTTP against a real Postgres clone. The file starts empty and
// every write goes through the API, so the audit trail can be compared write by write at the end. The writes go
// to a five-grade province's service; a second service on the same database has the national four grades.
let tdb: TestDatabase;
/** The tables a write of this subgraph could change (the write-nothing snapshot). */
const TABLES = [
  'environment.credit_rating',
  'environment.penalty',
  'environment.discharge_permit',
  'environment.outbox',
];
let five: RunningService;
let four: RunningService;

const officer = callers.officer('environment');
const system = callers.system('environment', ['write']);

// The file stands on one day (the subgraph runs in this process, on the same clock).
const restoreClock = fixClock('2026-03-15');
const chinaDay = (offsetDays: number) => {
  const today = chinaToday();
  today.setUTCDate(today.getUTCDate() + offsetDays);
  return today.toISOString().slice(0, 10);
};
const TODAY = chinaDay(0);
const THIS_YEAR = Number(TODAY.slice(0, 4));
/** The last character of a code replaced by another valid one: the check character no longer fits. */
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

const HANGZHOU = '杭州市生态环境局';
const XIHU = '杭州市生态环境局西湖分局';

/** Every successful write, in order: the audit trail must hold exactly these WRITE rows. */
const expectedWrites: { actor: string; role: string; mutation: string; subject: string }[] = [];

type Response = Awaited<ReturnType<typeof postAs>>;

const RATING_FIELDS = `subject { code } year grade gradeLabel colourLabel pollutionPrevention ecologicalProtection
  environmentalManagement socialSupervision authority evaluatedOn regionCode industryCode`;
const PUBLISH = `mutation($input: EnvironmentalRatingInput!) { publishEnvironmentalRating(input: $input) { ${RATING_FIELDS} } }`;
const PENALTY_FIELDS = `id subject { code } regionCode decisionNumber violationType facts legalBasis fine decidedOn authority`;
const RECORD = `mutation($input: EnvironmentalPenaltyInput!) { recordEnvironmentalPenalty(input: $input) { ${PENALTY_FIELDS} } }`;
const PERMIT_FIELDS = `id subject { code } regionCode permitNumber industry validFrom validUntil status statusLabel authority`;
const ISSUE = `mutation($input: DischargePermitInput!) { issueDischargePermit(input: $input) { ${PERMIT_FIELDS} } }`;

/** Runs a mutation and remembers it as a write when the mutation field came back with data. */
async function write(
  mutation: string,
  q: string,
  input: Record<string, unknown>,
  who: Identity,
  service: RunningService,
): Promise<Response> {
  const result = await postAs(service.url, who, q, { input });
  if ((result.body.data as any)?.[mutation])
    expectedWrites.push({
      actor: who.actor,
      role: who.role,
      mutation: `Mutation.${mutation}`,
      subject: String(input.subjectCode).trim().toUpperCase(),
    });
  return result;
}

const publish = (input: Record<string, unknown>, who: Identity = officer, service = five) =>
  write('publishEnvironmentalRating', PUBLISH, input, who, service);
const record = (input: Record<string, unknown>, who: Identity = officer) =>
  write('recordEnvironmentalPenalty', RECORD, input, who, five);
const issue = (input: Record<string, unknown>, who: Identity = officer) =>
  write('issueDischargePermit', ISSUE, input, who, five);

const ratingInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  year: 2024,
  grade: 'BLUE',
  pollutionPrevention: 86.5,
  ecologicalProtection: 90,
  environmentalManagement: 82.25,
  socialSupervision: 95,
  authority: HANGZHOU,
  evaluatedOn: '2025-05-12',
  industryCode: 'C',
  ...extra,
});
const penaltyInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  decisionNumber: '杭西环罚〔2025〕12号',
  violationType: '超标排放水污染物',
  facts: '2025年1月9日执法人员现场检查，当事人废水总排口氨氮浓度为48.6mg/L，超过排放限值。',
  legalBasis: '《中华人民共和国水污染防治法》第八十三条',
  fine: 200000,
  decidedOn: '2025-03-18',
  authority: XIHU,
  ...extra,
});
const permitInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  permitNumber: `${subjectCode}001P`,
  industry: '纺织品制造',
  validFrom: '2023-06-18',
  validUntil: '2028-06-17',
  authority: HANGZHOU,
  ...extra,
});

const flags = async (code: string, service = five) =>
  (
    (
      await postAs(
        service.url,
        callers.public,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
          environmentalRating { year grade } isEnvironmentalIntegrityEnterprise isOnEnvironmentalBlacklist
          isOnEnvironmentalWatchList } } }`,
        { r: [{ __typename: 'CreditSubject', code }] },
      )
    ).body.data as any
  )._entities[0];

before(async () => {
  tdb = await createTestDatabase();
  five = await startEnvironmentSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { grades: 5 },
  });
  four = await startEnvironmentSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { grades: 4 },
  });
});

after(async () => {
  await five.close();
  await four.close();
  await tdb.drop();
  restoreClock();
});

describe('publishEnvironmentalRating', () => {
  const paper = makeUscc('91', '330106', 'MA2H0101');

  it('publishes a rating with the region from the USCC, scores visible to the officer', async () => {
    const created = assertOk(await publish(ratingInput(` ${paper.toLowerCase()} `)), 'publishEnvironmentalRating');
    assert.deepEqual(created, {
      subject: { code: paper },
      year: 2024,
      grade: 'BLUE',
      gradeLabel: '好',
      colourLabel: '蓝牌',
      pollutionPrevention: 86.5,
      ecologicalProtection: 90,
      environmentalManagement: 82.25,
      socialSupervision: 95,
      authority: HANGZHOU,
      evaluatedOn: '2025-05-12',
      regionCode: '330106',
      industryCode: 'C',
    });
  });

  it('replaces the rating of the same year (one row per subject and year)', async () => {
    const updated = assertOk(
      await publish(
        ratingInput(paper, { grade: 'GREEN', pollutionPrevention: 96, regionCode: '330110', industryCode: ' d ' }),
      ),
      'publishEnvironmentalRating',
    );
    assert.deepEqual(
      [updated.grade, updated.pollutionPrevention, updated.regionCode, updated.industryCode],
      ['GREEN', 96, '330110', 'D'],
    );
    assert.equal(await tdb.db.prisma.environmentalRating.count({ where: { subjectCode: paper } }), 1);
    // Each grade change is an event in the same transaction (docs/events.md): BLUE (new), then BLUE → GREEN.
    const events = await tdb.db.pool.query<{ payload: { level: string; previousLevel: string | null; year: number } }>(
      `SELECT payload FROM environment.outbox WHERE type = 'rating.changed' AND subject_code = $1 ORDER BY position`,
      [paper],
    );
    assert.deepEqual(
      events.rows.map((e) => [e.payload.year, e.payload.previousLevel, e.payload.level]),
      [
        [2024, null, 'BLUE'],
        [2024, 'BLUE', 'GREEN'],
      ],
    );
    assert.deepEqual(await flags(paper), {
      environmentalRating: { year: 2024, grade: 'GREEN' },
      isEnvironmentalIntegrityEnterprise: true,
      isOnEnvironmentalBlacklist: false,
      isOnEnvironmentalWatchList: false,
    });
  });

  it('publishes the current year, evaluated today, without an industry', async () => {
    const current = assertOk(
      await publish(ratingInput(paper, { year: THIS_YEAR, evaluatedOn: TODAY, grade: 'YELLOW', industryCode: null })),
      'publishEnvironmentalRating',
    );
    assert.deepEqual([current.year, current.evaluatedOn, current.industryCode], [THIS_YEAR, TODAY, null]);
    const now = await flags(paper);
    assert.deepEqual([now.environmentalRating.grade, now.isOnEnvironmentalWatchList], ['YELLOW', true]);
  });

  it('answers the public the grade but not the scores of what it would publish', async () => {
    // Only the environment department may publish; its answer shows the scores. A supervisor reading the same
    // rating sees them too; the public gets FORBIDDEN on the scores (see environment.test.ts).
    const response = await postAs(
      five.url,
      callers.public,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { environmentalRating { socialSupervision } } } }`,
      { r: [{ __typename: 'CreditSubject', code: paper }] },
    );
    expectForbidden(response, ['_entities', 0, 'environmentalRating', 'socialSupervision']);
  });

  const subject = makeUscc('91', '330106', 'MA2H0102');
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(subject) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a USCC of the wrong length', { subjectCode: subject.slice(0, 17) }, 'input.subjectCode', 'LENGTH'],
    ['next year', { year: THIS_YEAR + 1, evaluatedOn: TODAY }, 'input.year', 'RANGE'],
    ['a year before 环发〔2013〕150号', { year: 2013, evaluatedOn: '2014-04-01' }, 'input.year', 'RANGE'],
    ['a score over 100', { socialSupervision: 100.01 }, 'input.socialSupervision', 'RANGE'],
    ['a negative score', { pollutionPrevention: -5 }, 'input.pollutionPrevention', 'RANGE'],
    ['a score with three decimals', { ecologicalProtection: 88.125 }, 'input.ecologicalProtection', 'PRECISION'],
    ['a score of 1000', { environmentalManagement: 1000 }, 'input.environmentalManagement', 'RANGE'],
    [
      'an evaluation tomorrow (China time)',
      { year: THIS_YEAR, evaluatedOn: chinaDay(1) },
      'input.evaluatedOn',
      'NOT_IN_FUTURE',
    ],
    ['an evaluation before the rating year', { evaluatedOn: '2023-12-31' }, 'input.evaluatedOn', 'ORDER'],
    ['an empty authority', { authority: '  ' }, 'input.authority', 'REQUIRED'],
    ['a malformed region', { regionCode: '3301' }, 'input.regionCode', 'FORMAT'],
    ['an unknown industry section', { industryCode: '2614' }, 'input.industryCode', 'FORMAT'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(await publish(ratingInput(subject, extra)), field, rule);
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('refuses an unknown grade as a validation error and writes nothing', async () => {
    const before = await snapshot(tdb.db, TABLES);
    const response = await publish(ratingInput(subject, { grade: 'PURPLE' }));
    assert.equal(response.status, 400);
    assert.notEqual(response.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });
});

describe('grades configured per province', () => {
  const chemical = makeUscc('91', '330212', 'MA2H0201');
  const dyeing = makeUscc('91', '330106', 'MA2H0202');

  it('accepts BLACK with five grades: the subject is on the black list', async () => {
    const created = assertOk(
      await publish(ratingInput(chemical, { grade: 'BLACK', pollutionPrevention: 12 })),
      'publishEnvironmentalRating',
    );
    assert.deepEqual([created.grade, created.gradeLabel, created.colourLabel], ['BLACK', '很差', '黑牌']);
    assert.equal((await flags(chemical)).isOnEnvironmentalBlacklist, true);
  });

  it('refuses BLACK with four grades (GRADE_NOT_USED) and writes nothing', async () => {
    const before = await snapshot(tdb.db, TABLES);
    const response = await publish(ratingInput(dyeing, { grade: 'BLACK' }), officer, four);
    assertBadInput(response, 'input.grade', 'GRADE_NOT_USED');
    assert.deepEqual(response.body.errors?.[0]?.extensions?.grades, ['GREEN', 'BLUE', 'YELLOW', 'RED']);
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('accepts RED with four grades; RED (环保不良) is the black list in both scales', async () => {
    assertOk(await publish(ratingInput(dyeing, { grade: 'RED' }), officer, four), 'publishEnvironmentalRating');
    assert.equal((await flags(dyeing, four)).isOnEnvironmentalBlacklist, true);
    assert.equal((await flags(dyeing, five)).isOnEnvironmentalBlacklist, true);
  });
});

describe('recordEnvironmentalPenalty', () => {
  const dyeing = makeUscc('91', '330106', 'MA2H0301');

  it('records a penalty with the region from the USCC', async () => {
    const created = assertOk(await record(penaltyInput(dyeing)), 'recordEnvironmentalPenalty');
    assert.match(created.id, /^\d+$/);
    assert.deepEqual(
      { ...created, id: undefined },
      {
        id: undefined,
        subject: { code: dyeing },
        regionCode: '330106',
        decisionNumber: '杭西环罚〔2025〕12号',
        violationType: '超标排放水污染物',
        facts: '2025年1月9日执法人员现场检查，当事人废水总排口氨氮浓度为48.6mg/L，超过排放限值。',
        legalBasis: '《中华人民共和国水污染防治法》第八十三条',
        fine: 200000,
        decidedOn: '2025-03-18',
        authority: XIHU,
      },
    );
  });

  it('records a penalty without a fine, decided today, in another region', async () => {
    const created = assertOk(
      await record(
        penaltyInput(dyeing, {
          decisionNumber: ' 杭西环罚〔2025〕88号 ',
          violationType: '未按规定公开环境信息',
          legalBasis: '《企业环境信息依法披露管理办法》第二十八条',
          fine: 0,
          decidedOn: TODAY,
          regionCode: '330110',
        }),
      ),
      'recordEnvironmentalPenalty',
    );
    assert.deepEqual(
      [created.decisionNumber, created.fine, created.decidedOn, created.regionCode],
      ['杭西环罚〔2025〕88号', 0, TODAY, '330110'],
    );
  });

  it('records a decision number once, also when five clerks submit it at the same moment', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertConflict(await record(penaltyInput(dyeing)), 'input.decisionNumber', 'ALREADY_RECORDED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
    const racer = makeUscc('91', '330106', 'MA2H0302');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => record(penaltyInput(racer, { decisionNumber: '杭西环罚〔2025〕99号' }))),
    );
    const ok = responses.filter((r) => (r.body.data as any)?.recordEnvironmentalPenalty);
    assert.equal(ok.length, 1);
    for (const r of responses.filter((x) => !(x.body.data as any)?.recordEnvironmentalPenalty))
      assertConflict(r, 'input.decisionNumber', 'ALREADY_RECORDED');
    assert.equal(await tdb.db.prisma.environmentalPenalty.count({ where: { subjectCode: racer } }), 1);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(dyeing) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a negative fine', { fine: -1 }, 'input.fine', 'RANGE'],
    ['a fine in fractions of 分', { fine: 200000.005 }, 'input.fine', 'PRECISION'],
    ['a decision tomorrow (China time)', { decidedOn: chinaDay(1) }, 'input.decidedOn', 'NOT_IN_FUTURE'],
    ['an empty decision number', { decisionNumber: ' ' }, 'input.decisionNumber', 'REQUIRED'],
    ['an empty violation type', { violationType: '' }, 'input.violationType', 'REQUIRED'],
    ['empty facts', { facts: '  ' }, 'input.facts', 'REQUIRED'],
    ['an empty legal basis', { legalBasis: '' }, 'input.legalBasis', 'REQUIRED'],
    ['an empty authority', { authority: '' }, 'input.authority', 'REQUIRED'],
    ['a malformed region', { regionCode: 'ABCDEF' }, 'input.regionCode', 'FORMAT'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(
        await record(penaltyInput(dyeing, { decisionNumber: '杭西环罚〔2025〕13号', ...extra })),
        field,
        rule,
      );
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }
});

describe('issueDischargePermit', () => {
  const holder = makeUscc('91', '330106', 'MA2H0401');

  it('issues a valid permit', async () => {
    const created = assertOk(await issue(permitInput(holder)), 'issueDischargePermit');
    assert.match(created.id, /^\d+$/);
    assert.deepEqual(
      { ...created, id: undefined },
      {
        id: undefined,
        subject: { code: holder },
        regionCode: '330106',
        permitNumber: `${holder}001P`,
        industry: '纺织品制造',
        validFrom: '2023-06-18',
        validUntil: '2028-06-17',
        status: 'VALID',
        statusLabel: '有效',
        authority: HANGZHOU,
      },
    );
  });

  it('records an earlier permit whose validity has ended as EXPIRED', async () => {
    const created = assertOk(
      await issue(
        permitInput(holder, {
          permitNumber: ` ${holder.toLowerCase()}002p `,
          validFrom: '2018-06-18',
          validUntil: '2023-06-17',
        }),
      ),
      'issueDischargePermit',
    );
    assert.deepEqual(
      [created.permitNumber, created.status, created.statusLabel],
      [`${holder}002P`, 'EXPIRED', '已过期'],
    );
    const stored = await tdb.db.prisma.dischargePermit.findUnique({ where: { permitNumber: `${holder}002P` } });
    assert.equal(stored?.status, 'VALID');
  });

  it('issues a permit number once, also when five clerks submit it at the same moment', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertConflict(await issue(permitInput(holder)), 'input.permitNumber', 'ALREADY_ISSUED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
    const racer = makeUscc('91', '330106', 'MA2H0402');
    const responses = await Promise.all(Array.from({ length: 5 }, () => issue(permitInput(racer))));
    const ok = responses.filter((r) => (r.body.data as any)?.issueDischargePermit);
    assert.equal(ok.length, 1);
    for (const r of responses.filter((x) => !(x.body.data as any)?.issueDischargePermit))
      assertConflict(r, 'input.permitNumber', 'ALREADY_ISSUED');
  });

  const other = makeUscc('91', '330106', 'MA2H0403');
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(holder) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a permit number of another holder', { permitNumber: `${other}001P` }, 'input.permitNumber', 'PERMIT_HOLDER'],
    ['a permit number without the mark', { permitNumber: `${holder}003` }, 'input.permitNumber', 'FORMAT'],
    ['a 排污登记 number', { permitNumber: `${holder}003W` }, 'input.permitNumber', 'FORMAT'],
    ['a sequence of 000', { permitNumber: `${holder}000P` }, 'input.permitNumber', 'FORMAT'],
    ['validity ending when it starts', { validUntil: '2023-06-18' }, 'input.validUntil', 'ORDER'],
    ['validity ending before it starts', { validUntil: '2022-06-18' }, 'input.validUntil', 'ORDER'],
    ['validity over five years', { validUntil: '2028-06-19' }, 'input.validUntil', 'VALIDITY_PERIOD'],
    ['an empty industry', { industry: ' ' }, 'input.industry', 'REQUIRED'],
    ['an empty authority', { authority: '' }, 'input.authority', 'REQUIRED'],
    ['a malformed region', { regionCode: '33010' }, 'input.regionCode', 'FORMAT'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(await issue(permitInput(holder, { permitNumber: `${holder}003P`, ...extra })), field, rule);
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }
});

describe('who may write', () => {
  const target = makeUscc('91', '330106', 'MA2H0501');

  const every = (who: Identity) =>
    Promise.all([
      publish(ratingInput(target), who),
      record(penaltyInput(target, { decisionNumber: '杭西环罚〔2025〕201号' }), who),
      issue(permitInput(target), who),
    ]);

  for (const [label, who] of [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax')],
    ['a supervisor', callers.supervisor('督查2026-021')],
    ['an administrator', callers.admin()],
    ['an environment system without the write scope', callers.system('environment', ['read', 'personal'])],
    ['a tax system with the write scope', callers.system('tax', ['write'])],
  ] as const) {
    it(`refuses ${label} every mutation (FORBIDDEN), writing nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      for (const response of await every(who)) {
        expectForbidden(response);
        assert.equal(response.body.data ?? null, null);
      }
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('answers a caller who may not write FORBIDDEN before any input rule', async () => {
    const response = await publish(ratingInput(target, { grade: 'BLACK' }), callers.officer('tax'), four);
    expectForbidden(response, ['publishEnvironmentalRating']);
    assert.equal(response.body.errors?.length, 1, 'no input rule is reported to a caller who may not write');
  });

  it('lets an environment system with the write scope make every write', async () => {
    const [rating, penalty, permit] = await every(system);
    // Writing is not reading: without the read scope the system's answer carries the rating without its scores
    // (FORBIDDEN on each), but the rating is published.
    const published = (rating!.body.data as any).publishEnvironmentalRating;
    assert.deepEqual(
      [published.grade, published.pollutionPrevention, published.socialSupervision, published.subject.code],
      ['BLUE', null, null, target],
    );
    assert.ok(rating!.body.errors?.every((e) => e.extensions?.code === 'FORBIDDEN'));
    assert.equal(rating!.body.errors?.length, 4);
    assert.equal((await flags(target)).environmentalRating.grade, 'BLUE');
    assert.equal(assertOk(penalty!, 'recordEnvironmentalPenalty').fine, 200000);
    assert.equal(assertOk(permit!, 'issueDischargePermit').status, 'VALID');
  });

  it('lets an environment officer make every write', async () => {
    assertOk(await publish(ratingInput(target, { grade: 'YELLOW' }), officer), 'publishEnvironmentalRating');
    assertOk(
      await record(penaltyInput(target, { decisionNumber: '杭西环罚〔2025〕202号' }), officer),
      'recordEnvironmentalPenalty',
    );
    assertOk(await issue(permitInput(target, { permitNumber: `${target}002P` }), officer), 'issueDischargePermit');
  });
});

describe('audit trail of writes', () => {
  it('holds one WRITE row per successful write, naming who wrote what about whom, and the chain verifies', async () => {
    const rows = await writeRows(tdb.db);
    assert.ok(expectedWrites.length >= 15, `only ${expectedWrites.length} writes were made`);
    // Concurrent writes may commit in either order: compare as multisets.
    const key = (w: { actor: string; role: string; mutation: string; subject: string | null }) =>
      `${w.actor}|${w.role}|${w.mutation}|${w.subject}`;
    assert.deepEqual(
      rows
        .map((r) => key({ ...r, mutation: (JSON.parse(r.fields) as string[]).join(), subject: r.subject_code }))
        .sort(),
      expectedWrites.map(key).sort(),
    );
    for (const row of rows) assert.equal(row.department, 'environment');
    assert.ok(rows.some((r) => r.actor === 'officer-environment' && r.role === 'OFFICER'));
    assert.ok(rows.some((r) => r.actor === 'apikey:environment' && r.role === 'SYSTEM'));
    assert.ok(rows.some((r) => r.fields.includes('publishEnvironmentalRating') && r.detail === '2024 BLACK'));
    assert.ok(rows.some((r) => r.detail?.startsWith('杭西环罚〔2025〕12号 超标排放水污染物 200000元')));
    assert.ok(rows.some((r) => /001P 2023-06-18–2028-06-17$/.test(r.detail ?? '')));

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
