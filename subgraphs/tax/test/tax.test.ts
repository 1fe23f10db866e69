import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, setClock, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  callers,
  createTestDatabase,
  expectForbidden,
  makeIdNumber,
  makeUscc,
  onDay,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startTaxSubgraph } from '../src/index.ts';
import { taxSeed } from './seed.ts';

// Tax subgraph in-process over real HTTP against a real Postgres clone; each test file owns its data.
let tdb: TestDatabase;
let service: RunningService;
// The file stands on one day; the boundary tests move the clock and put it back. On 2026-03-15 the ratings of
// evaluation year 2024 (determined in April 2025) are in force, those of 2023 are history.
const TODAY = '2026-03-15';
let restoreClock = () => {};
const good = makeUscc('91', '330106', 'MA2T0001');
const renewed = makeUscc('91', '330106', 'MA2T0005'); // 2024 A, then 2025 B determined 2026-04-22
const stale = makeUscc('91', '330106', 'MA2T0006'); // A for 2023 only: an old A
const evader = makeUscc('91', '330212', 'MA2T0002');
const repaired = makeUscc('91', '330108', 'MA2T0003');
const latest = makeUscc('91', '330106', 'MA2T0004');
const responsibleId = makeIdNumber('330106', '19750312', '031');

before(async () => {
  restoreClock = fixClock(TODAY);
  tdb = await createTestDatabase();
  const seed = taxSeed(tdb.db);
  await seed.rating.many([
    { subjectCode: good, regionCode: '330106', year: 2023, level: 'A', score: 95.5 },
    { subjectCode: good, regionCode: '330106', year: 2024, level: 'A', score: 93 },
    { subjectCode: renewed, regionCode: '330106', year: 2024, level: 'A', score: 91 },
    { subjectCode: renewed, regionCode: '330106', year: 2025, level: 'B', score: 85 },
    { subjectCode: stale, regionCode: '330106', year: 2023, level: 'A', score: 96 },
    { subjectCode: evader, regionCode: '330212', year: 2023, level: 'B', score: 78 },
    { subjectCode: evader, regionCode: '330212', year: 2024, level: 'D', score: null },
    { subjectCode: repaired, regionCode: '330108', year: 2024, level: 'C', score: 55 },
  ]);
  await seed.violation.many([
    { subjectCode: evader, regionCode: '330212', published: '2024-04-12', responsiblePersonIdNumber: responsibleId },
    {
      subjectCode: repaired,
      regionCode: '330108',
      published: '2023-06-14',
      status: 'REMOVED',
      removedOn: new Date('2024-08-01'),
      removalReason: '信用修复，提前停止公布',
    },
    { subjectCode: repaired, regionCode: '330108', published: '2020-05-10', publicityEndsOn: new Date('2023-05-10') },
    { subjectCode: latest, regionCode: '330106', published: '2025-01-15', decisionServedOn: new Date('2024-12-20') },
  ]);
  service = await startTaxSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

// Most tests read as a tax officer without a stated purpose; the access tests below vary the caller.
const taxOfficer = callers.officer('tax');
const query = (q: string, variables: Record<string, unknown> = {}, who: Identity = taxOfficer) =>
  postAs(service.url, who, q, variables);
const entities = (codes: string[], selection: string, who: Identity = taxOfficer) =>
  query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code ${selection} } } }`,
    { r: codes.map((code) => ({ __typename: 'CreditSubject', code })) },
    who,
  );

describe('CreditSubject extension', () => {
  it('gives ratings newest first, the one in force today, and A-level membership per year', async () => {
    const { body } = await entities(
      [good, evader],
      'taxCreditRatings { year level score validUntil inForce } latest: taxCreditRating { year level } y2023: isALevelTaxpayer(year: 2023) isALevelTaxpayer',
    );
    assert.equal(body.errors, undefined);
    const [g, e] = (body.data as any)._entities;
    assert.deepEqual(g.taxCreditRatings, [
      { year: 2024, level: 'A', score: 93, validUntil: '2026-04-30', inForce: true },
      { year: 2023, level: 'A', score: 95.5, validUntil: '2025-04-30', inForce: false },
    ]);
    assert.deepEqual(g.latest, { year: 2024, level: 'A' });
    assert.equal(g.y2023, true);
    assert.equal(e.isALevelTaxpayer, false);
    assert.equal(e.y2023, false);
  });

  it('tells the public the year of the A in force, and nothing of another level or an old A', async () => {
    const { body } = await entities([good, renewed, stale, evader], 'aLevelTaxpayerYear', callers.public);
    assert.equal(body.errors, undefined);
    assert.deepEqual(
      (body.data as any)._entities.map((e: any) => e.aLevelTaxpayerYear),
      [2024, 2024, null, null],
    );
  });

  it('grants nothing on an old A: a 2023 A is history in 2026', async () => {
    const { body } = await entities(
      [stale],
      'isALevelTaxpayer y2023: isALevelTaxpayer(year: 2023) taxCreditRating { year }',
    );
    assert.deepEqual((body.data as any)._entities[0], {
      code: stale,
      isALevelTaxpayer: false,
      y2023: true,
      taxCreditRating: null,
    });
  });

  it('tells current black-list status: repaired and expired entries do not count', async () => {
    const { body } = await entities(
      [evader, repaired, good],
      'isMajorTaxViolator majorTaxViolations { publishedOn status } all: majorTaxViolations(includeRemoved: true) { status }',
    );
    const [e, r, g] = (body.data as any)._entities;
    assert.equal(e.isMajorTaxViolator, true);
    assert.equal(r.isMajorTaxViolator, false);
    assert.equal(g.isMajorTaxViolator, false);
    assert.deepEqual(r.all.map((v: any) => v.status).sort(), ['EXPIRED', 'REMOVED']);
    assert.deepEqual(r.majorTaxViolations, []);
    assert.deepEqual(e.majorTaxViolations, [{ publishedOn: '2024-04-12', status: 'PUBLISHED' }]);
  });

  it('shows the public only entries still published, and refuses it the removed ones', async () => {
    const { body } = await entities([repaired], 'majorTaxViolations { status }', callers.public);
    assert.deepEqual((body.data as any)._entities[0].majorTaxViolations, []);
    const widened = await entities([repaired], 'majorTaxViolations(includeRemoved: true) { status }', callers.public);
    expectForbidden(widened);
    const removed = await query(`{ majorTaxViolations(status: REMOVED) { totalCount } }`, {}, callers.public);
    expectForbidden(removed);
    assert.equal(removed.body.data ?? null, null);
    const [expired] = await tdb.db.prisma.majorTaxViolation.findMany({
      where: { subjectCode: repaired, status: 'PUBLISHED' },
    });
    const byId = `query($id: ID!) { majorTaxViolation(id: $id) { status } }`;
    assert.equal(
      ((await query(byId, { id: expired!.id.toString() }, callers.public)).body.data as any).majorTaxViolation,
      null,
    );
    assert.deepEqual(((await query(byId, { id: expired!.id.toString() })).body.data as any).majorTaxViolation, {
      status: 'EXPIRED',
    });
  });

  it('masks the responsible person for the public', async () => {
    const { body } = await entities(
      [evader],
      'majorTaxViolations { responsiblePersonName responsiblePersonIdNumber situationLabel }',
    );
    const [v] = (body.data as any)._entities[0].majorTaxViolations;
    assert.equal(v.responsiblePersonName, '赵*强');
    // 54号令: the ID number is published with the birth year, month and day hidden.
    assert.equal(v.responsiblePersonIdNumber, `${responsibleId.slice(0, 6)}********${responsibleId.slice(14)}`);
    assert.equal(v.situationLabel, '虚开增值税专用发票');
    assert.ok(!JSON.stringify(body).includes(responsibleId));
  });

  it('loads ratings and entries of many subjects in one statement each', async () => {
    const codes = Array.from({ length: 40 }, (_, i) => makeUscc('91', '330106', `MA2Q${String(i).padStart(4, '0')}`));
    const selection = 'taxCreditRating { level } isMajorTaxViolator';
    tdb.db.resetStatements();
    const few = await entities([good, evader], selection, callers.officer('court'));
    const forTwo = tdb.db.statements();
    tdb.db.resetStatements();
    const many = await entities([...codes, good, evader], selection, callers.officer('court'));
    assert.equal(few.body.errors, undefined);
    assert.equal(many.body.errors, undefined);
    assert.equal(tdb.db.statements(), forTwo);
    // Public fields only: the two loaders and nothing else (no audit trail for public data).
    tdb.db.resetStatements();
    await entities([...codes, good, evader], 'isALevelTaxpayer isMajorTaxViolator', callers.public);
    assert.equal(tdb.db.statements(), 2);
  });
});

describe('lists', () => {
  it('lists today’s A-level taxpayers by the rating in force, without old A ratings', async () => {
    const { body } = await query(
      `{ aLevelTaxpayers(regionCode: "330100") { totalCount nodes { subject { code } year level } } }`,
    );
    assert.deepEqual((body.data as any).aLevelTaxpayers, {
      totalCount: 2,
      nodes: [
        { subject: { code: good }, year: 2024, level: 'A' },
        { subject: { code: renewed }, year: 2024, level: 'A' },
      ],
    });
    const paged = await query(
      `{ aLevelTaxpayers(first: 1) { nodes { subject { code } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page = (paged.body.data as any).aLevelTaxpayers;
    assert.deepEqual([page.nodes[0].subject.code, page.pageInfo.hasNextPage], [good, true]);
    const next = await query(
      `query($a: String) { aLevelTaxpayers(first: 5, after: $a) { nodes { subject { code } } } }`,
      {
        a: page.pageInfo.endCursor,
      },
    );
    assert.deepEqual((next.body.data as any).aLevelTaxpayers.nodes, [{ subject: { code: renewed } }]);
  });

  it('costs a fixed number of statements whatever the page holds', async () => {
    // Today's A list: one statement for the page; `inForce` reads every listed subject's ratings in one more.
    tdb.db.resetStatements();
    const today = await query(`{ aLevelTaxpayers(first: 100) { nodes { year inForce validUntil } } }`);
    assert.equal(today.body.errors, undefined);
    assert.equal(tdb.db.statements(), 2);
    // The black list with its further responsible persons: the page, and one statement for every entry's persons.
    tdb.db.resetStatements();
    const list = await query(`{ majorTaxViolations(first: 100) { nodes { otherResponsiblePersons { role } } } }`);
    assert.equal(list.body.errors, undefined);
    assert.equal(tdb.db.statements(), 2);
  });

  it('lists A-level taxpayers of a year within a region', async () => {
    const { body } = await query(
      `{ aLevelTaxpayers(year: 2024, regionCode: "330100") { totalCount nodes { subject { code } level } } }`,
    );
    assert.deepEqual((body.data as any).aLevelTaxpayers, {
      totalCount: 2,
      nodes: [
        { subject: { code: good }, level: 'A' },
        { subject: { code: renewed }, level: 'A' },
      ],
    });
    const ningbo = await query(`{ aLevelTaxpayers(year: 2024, regionCode: "330200") { totalCount } }`);
    assert.equal((ningbo.body.data as any).aLevelTaxpayers.totalCount, 0);
  });

  it('filters ratings by year and level', async () => {
    const { body } = await query(`{ taxCreditRatings(year: 2024, level: D) { nodes { subject { code } score } } }`);
    assert.deepEqual((body.data as any).taxCreditRatings.nodes, [{ subject: { code: evader }, score: null }]);
  });

  it('lists the black list newest first, by status, year and region, with paging', async () => {
    const published = await query(`{ majorTaxViolations { nodes { subject { code } publishedOn } } }`);
    assert.deepEqual((published.body.data as any).majorTaxViolations.nodes, [
      { subject: { code: latest }, publishedOn: '2025-01-15' },
      { subject: { code: evader }, publishedOn: '2024-04-12' },
    ]);
    const expired = await query(`{ majorTaxViolations(status: EXPIRED) { nodes { publishedOn status } } }`);
    assert.deepEqual((expired.body.data as any).majorTaxViolations.nodes, [
      { publishedOn: '2020-05-10', status: 'EXPIRED' },
    ]);
    const removed = await query(`{ majorTaxViolations(status: REMOVED) { nodes { removalReason } } }`);
    assert.deepEqual((removed.body.data as any).majorTaxViolations.nodes, [
      { removalReason: '信用修复，提前停止公布' },
    ]);
    const dated = `query($from: Date, $to: Date) { majorTaxViolations(publishedFrom: $from, publishedTo: $to) {
      totalCount nodes { publishedOn } } }`;
    const answer = async (v: Record<string, unknown>) =>
      ((await query(dated, v, callers.public)).body.data as any).majorTaxViolations;
    // Both ends inclusive; the public list still holds only entries in publicity.
    assert.deepEqual(await answer({ from: '2024-04-12', to: '2025-01-15' }), {
      totalCount: 2,
      nodes: [{ publishedOn: '2025-01-15' }, { publishedOn: '2024-04-12' }],
    });
    assert.deepEqual(await answer({ from: '2024-04-13' }), { totalCount: 1, nodes: [{ publishedOn: '2025-01-15' }] });
    assert.deepEqual(await answer({ to: '2025-01-14' }), { totalCount: 1, nodes: [{ publishedOn: '2024-04-12' }] });
    assertBadInput(
      await query(dated, { from: '2025-01-15', to: '2024-04-12' }, callers.public),
      'publishedTo',
      'ORDER',
    );
    const y2024 = await query(`{ majorTaxViolations(year: 2024, regionCode: "330212") { totalCount } }`);
    assert.equal((y2024.body.data as any).majorTaxViolations.totalCount, 1);
    const first = await query(
      `{ majorTaxViolations(first: 1) { nodes { publishedOn } pageInfo { endCursor hasNextPage } } }`,
    );
    const page = (first.body.data as any).majorTaxViolations;
    assert.equal(page.pageInfo.hasNextPage, true);
    const second = await query(
      `query($a: String) { majorTaxViolations(first: 1, after: $a) { nodes { publishedOn } pageInfo { hasNextPage } } }`,
      {
        a: page.pageInfo.endCursor,
      },
    );
    assert.deepEqual((second.body.data as any).majorTaxViolations, {
      nodes: [{ publishedOn: '2024-04-12' }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('looks up one entry by id and rejects a malformed id', async () => {
    const [row] = await tdb.db.prisma.majorTaxViolation.findMany({ where: { subjectCode: evader } });
    const { body } = await query(`query($id: ID!) { majorTaxViolation(id: $id) { taxpayerName publicityEndsOn } }`, {
      id: row!.id.toString(),
    });
    assert.equal((body.data as any).majorTaxViolation.taxpayerName, '宁波恒丰五金制品有限公司');
    const bad = await query(`{ majorTaxViolation(id: "x1") { id } }`);
    assert.equal(bad.body.errors?.[0]?.extensions?.rule, 'FORMAT');
  });

  for (const [label, q, field, rule] of [
    ['a year out of range', `{ taxCreditRatings(year: 1200) { totalCount } }`, 'year', 'RANGE'],
    ['first over the maximum', `{ aLevelTaxpayers(year: 2024, first: 101) { totalCount } }`, 'first', 'RANGE'],
    ['first of zero', `{ majorTaxViolations(first: 0) { totalCount } }`, 'first', 'RANGE'],
    [
      'a forged (date, id) cursor',
      `{ majorTaxViolations(after: "${Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')}") { totalCount } }`,
      'after',
      'CURSOR',
    ],
  ] as const) {
    it(`rejects ${label}`, async () => {
      const { body } = await query(q);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.field, field);
      assert.equal(body.errors?.[0]?.extensions?.rule, rule);
    });
  }

  it('rejects an unknown level as a validation error', async () => {
    const { status, body } = await query(`{ taxCreditRatings(year: 2024, level: E) { totalCount } }`);
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  });
});

describe('as the clock moves', () => {
  const current = async (code: string, who: Identity = callers.public) => {
    const { body } = await entities([code], 'isALevelTaxpayer', who);
    const listed = await query(`{ aLevelTaxpayers(first: 100) { nodes { subject { code } } } }`, {}, who);
    return {
      a: (body.data as any)._entities[0].isALevelTaxpayer,
      listed: (listed.body.data as any).aLevelTaxpayers.nodes.some((n: any) => n.subject.code === code),
    };
  };

  it('counts a rating from the day it was determined', async () => {
    // The 2024 ratings were determined on 2025-04-20; before that the 2023 rating was the current one.
    assert.deepEqual(await onDay('2025-04-19', () => current(renewed)), { a: false, listed: false });
    assert.deepEqual(await onDay('2025-04-20', () => current(renewed)), { a: true, listed: true });
  });

  it('replaces the old rating on the day the new one is determined', async () => {
    assert.deepEqual(await onDay('2026-04-21', () => current(renewed)), { a: true, listed: true });
    assert.deepEqual(await onDay('2026-04-22', () => current(renewed)), { a: false, listed: false });
  });

  it('ends an A with 30 April two years on when no newer rating came: no incentive from 1 May', async () => {
    assert.deepEqual(await onDay('2026-04-29', () => current(good)), { a: true, listed: true });
    assert.deepEqual(await onDay('2026-04-30', () => current(good)), { a: true, listed: true });
    assert.deepEqual(await onDay('2026-05-01', () => current(good)), { a: false, listed: false });
  });

  it('ends a D the same way: no punishment from an old D', async () => {
    for (const [day, level] of [
      ['2026-04-30', 'D'],
      ['2026-05-01', null],
    ] as const) {
      const { body } = await onDay(day, () =>
        entities([evader], 'taxCreditRating { level } d2024: taxCreditRating(year: 2024) { level }'),
      );
      const e = (body.data as any)._entities[0];
      assert.deepEqual([e.taxCreditRating?.level ?? null, e.d2024.level], [level, 'D'], day);
    }
  });

  it('publishes a black-list entry through the last day of its three years, and not after', async () => {
    // Published 2024-04-12: the last day is 2027-04-12.
    for (const [day, listed] of [
      ['2027-04-11', true],
      ['2027-04-12', true],
      ['2027-04-13', false],
    ] as const) {
      await onDay(day, async () => {
        const { body } = await entities([evader], 'isMajorTaxViolator majorTaxViolations { status }', callers.public);
        const e = (body.data as any)._entities[0];
        assert.equal(e.isMajorTaxViolator, listed, day);
        assert.deepEqual(e.majorTaxViolations, listed ? [{ status: 'PUBLISHED' }] : [], day);
        const list = await query(`{ majorTaxViolations(regionCode: "330212") { totalCount } }`, {}, callers.public);
        assert.equal((list.body.data as any).majorTaxViolations.totalCount, listed ? 1 : 0, day);
      });
    }
  });
});

describe('one today per request', () => {
  /**
   * A clock that stands on `first` for its first reading and on `then` for every later one: a request whose fields
   * each read the clock would answer some of them as of one day and some as of the next.
   */
  function turningClock(first: string, then: string) {
    let readings = 0;
    return setClock({ now: () => new Date(readings++ === 0 ? first : then) });
  }
  // The evader's entry was published 2024-04-12: 2027-04-12 is its last day, 2027-04-13 the first without it.
  const LAST_MOMENT = '2027-04-12T23:59:59.999+08:00';
  const NEXT_DAY = '2027-04-13T00:00:00.000+08:00';

  it('answers every field of a subject as of the day the request began, across midnight', async () => {
    const restore = turningClock(LAST_MOMENT, NEXT_DAY);
    try {
      const { body } = await entities(
        [evader],
        'isMajorTaxViolator majorTaxViolations { status } all: majorTaxViolations(includeRemoved: true) { status }',
      );
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.deepEqual((body.data as any)._entities[0], {
        code: evader,
        isMajorTaxViolator: true,
        majorTaxViolations: [{ status: 'PUBLISHED' }],
        all: [{ status: 'PUBLISHED' }],
      });
    } finally {
      restore();
    }
  });

  it('filters a list and states its entries’ status as of the same day', async () => {
    const restore = turningClock(LAST_MOMENT, NEXT_DAY);
    try {
      const { body } = await query(`{ majorTaxViolations(regionCode: "330212") { totalCount nodes { status } } }`);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.deepEqual((body.data as any).majorTaxViolations, { totalCount: 1, nodes: [{ status: 'PUBLISHED' }] });
    } finally {
      restore();
    }
  });
});

describe('audit of entries no longer published', () => {
  const supervisor = callers.supervisor('案件2026-031');
  const readsOf = async (actor: string) =>
    (
      await tdb.db.prisma.$queryRaw<{ subject_code: string | null; fields: string }[]>`
        SELECT subject_code, fields FROM audit.entry WHERE action = 'READ' AND actor = ${actor} ORDER BY seq`
    ).flatMap((r) =>
      (JSON.parse(r.fields) as string[]).filter((f) => f.includes('ajorTaxViolation')).map((f) => [r.subject_code, f]),
    );
  const entryOf = async (subjectCode: string, status: 'PUBLISHED' | 'REMOVED', publicityEndsBefore?: Date) =>
    (
      await tdb.db.prisma.majorTaxViolation.findFirstOrThrow({
        where: {
          subjectCode,
          status,
          ...(publicityEndsBefore ? { publicityEndsOn: { lt: publicityEndsBefore } } : {}),
        },
      })
    ).id.toString();

  it('records each subject whose removed or expired entries a government user is given, and nothing else', async () => {
    const widened = await entities(
      [repaired, evader],
      'all: majorTaxViolations(includeRemoved: true) { status }',
      supervisor,
    );
    assert.equal(widened.body.errors, undefined, JSON.stringify(widened.body.errors));
    const expired = await query(`{ majorTaxViolations(status: EXPIRED) { nodes { publishedOn } } }`, {}, supervisor);
    assert.deepEqual((expired.body.data as any).majorTaxViolations.nodes, [{ publishedOn: '2020-05-10' }]);
    const byId = `query($id: ID!) { majorTaxViolation(id: $id) { status } }`;
    const old = await query(byId, { id: await entryOf(repaired, 'PUBLISHED', new Date(TODAY)) }, supervisor);
    assert.deepEqual((old.body.data as any).majorTaxViolation, { status: 'EXPIRED' });
    // A published entry is public data: reading it leaves no trail.
    const current = await query(byId, { id: await entryOf(evader, 'PUBLISHED') }, supervisor);
    assert.deepEqual((current.body.data as any).majorTaxViolation, { status: 'PUBLISHED' });

    assert.deepEqual(await readsOf(supervisor.actor), [
      // The evader's only entry is published: its subject is not named.
      [repaired, 'CreditSubject.majorTaxViolations(includeRemoved: true)'],
      [repaired, 'Query.majorTaxViolations(status: EXPIRED)'],
      [repaired, 'Query.majorTaxViolation(not published)'],
    ]);
  });

  it('gives the public nothing of an entry no longer published, and records nothing', async () => {
    const before = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit.entry`;
    const { body } = await query(
      `query($id: ID!) { majorTaxViolation(id: $id) { status } }`,
      { id: await entryOf(repaired, 'REMOVED') },
      callers.public,
    );
    assert.equal(body.errors, undefined);
    assert.equal((body.data as any).majorTaxViolation, null);
    const after = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit.entry`;
    assert.equal(after[0]!.n, before[0]!.n);
  });
});
