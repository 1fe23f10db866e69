import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import {
  callers,
  createTestDatabase,
  initSeed,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { Prisma } from '@credit-hub/kit/db';
import { startSubjectSubgraph } from '../src/index.ts';

// The name search walks subject.name_posting (migration 0074, ADR 0121). What it returns must be exactly what the
// plain meaning of a name search returns: every non-person subject whose lower-cased name holds the fragment, in code
// order, paged by keyset. The oracle below says that with strpos, independent of the LIKE escaping and of any index.
let tdb: TestDatabase;
let service: RunningService;

const CITIES = ['杭州', '宁波', '温州'];
const TRADES = ['华创', '滨江', '宇品', '越立', '方锦', '鑫达', '恒通', 'ABC', 'Abc电子', '100%', 'a_b'];
const TRADES_RARE = ['检索', '馄饨'];
const INDUSTRIES = ['信息科技', '智能科技', '贸易', '五金', '餐饮', '建筑', '科技服务'];
const SUFFIXES = ['有限公司', '有限责任公司', '店', ''];
const REGIONS = ['330106', '330108', '330212', '330302'];
const KINDS = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE', 'SOCIAL_ORGANISATION'] as const;

before(async () => {
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  // One INSERT of many rows (the statement trigger sees them all at once), then a few single-row ones.
  const rows = [];
  for (let i = 0; i < 420; i += 1) {
    const kind = KINDS[i % KINDS.length]!;
    const regionCode = REGIONS[(i >> 2) % REGIONS.length]!;
    const trade = i % 29 === 0 ? TRADES_RARE[(i / 29) % 2]! : TRADES[i % TRADES.length]!;
    rows.push({
      code: seed.uscc(kind, regionCode),
      name: `${CITIES[i % 3]}${trade}${INDUSTRIES[i % 7]}${SUFFIXES[i % 4]}`,
      kind,
      regionCode,
    });
  }
  await tdb.db.prisma.creditSubject.createMany({ data: rows });
  await seed.subject({ name: '杭州华创信息科技有限公司' });
  // Persons are never found by name, however common the words their names hold.
  for (const name of ['杭州科技', '华创有限公司', '陈小明']) await seed.person({ name });
  service = await startSubjectSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

const SEARCH = `query($q: String, $kind: SubjectKind, $region: String, $first: Int, $after: String) {
  searchSubjects(query: $q, kind: $kind, regionCode: $region, first: $first, after: $after) {
    totalCount nodes { code } pageInfo { hasNextPage endCursor }
  }
}`;

interface Filters {
  kind?: string;
  region?: string;
}

/** Every page of a search, `first` at a time: the codes in the order given and the count of the first page. */
async function searchAll(q: string, first: number, filters: Filters = {}) {
  const codes: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 500; pages += 1) {
    const { body }: { body: { data?: unknown; errors?: unknown } } = await postAs(service.url, callers.public, SEARCH, {
      q,
      first,
      after,
      ...filters,
    });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const connection = (body.data as any).searchSubjects;
    if (totalCount === -1) totalCount = connection.totalCount;
    codes.push(...connection.nodes.map((n: { code: string }) => n.code));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { codes, totalCount };
}

/** The plain meaning of a name search (ADR 0004): the fragment anywhere in the lower-cased name, by code. */
async function oracle(fragment: string, filters: Filters = {}) {
  const conditions = [
    Prisma.sql`strpos(lower(name), ${fragment.toLowerCase()}) > 0`,
    Prisma.sql`kind <> 'NATURAL_PERSON'`,
  ];
  if (filters.kind) conditions.push(Prisma.sql`kind = ${filters.kind}::subject."SubjectKind"`);
  if (filters.region) conditions.push(Prisma.sql`region_code LIKE ${filters.region.replace(/(00)+$/, '') + '%'}`);
  const rows = await tdb.db.prisma.$queryRaw<{ code: string }[]>(
    Prisma.sql`SELECT code FROM subject.credit_subject WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY code COLLATE "C"`,
  );
  return rows.map((r) => r.code);
}

/** Postings that should exist and do not, plus postings that exist and should not. */
async function postingsDiffer() {
  const [row] = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      (SELECT g AS gram, code FROM subject.credit_subject, unnest(subject.name_bigrams(name)) AS g
        WHERE kind <> 'NATURAL_PERSON'
       EXCEPT SELECT gram, subject_code FROM subject.name_posting)
      UNION ALL
      (SELECT gram, subject_code FROM subject.name_posting
       EXCEPT SELECT g, code FROM subject.credit_subject, unnest(subject.name_bigrams(name)) AS g
        WHERE kind <> 'NATURAL_PERSON')) AS d`;
  return Number(row!.n);
}

async function assertSameAsOracle(fragment: string, first: number, filters: Filters = {}) {
  const expected = await oracle(fragment, filters);
  const { codes, totalCount } = await searchAll(fragment, first, filters);
  assert.deepEqual(codes, expected, `${fragment} ${JSON.stringify(filters)} by ${first}`);
  assert.equal(totalCount, expected.length, `count of ${fragment}`);
  return expected.length;
}

describe('name search over the postings', () => {
  it('returns what the plain fragment match returns, for rare, common, mixed and absent fragments', async () => {
    const sizes: Record<string, number> = {};
    for (const fragment of [
      '宇品', // a trade name's pair
      '方锦智能', // rare pair + common pair
      '检索', // rare
      '馄饨贸易',
      '科技', // common
      '有限公司', // common, three pairs
      '杭州', // common, first two characters
      '智能科技', // two common words together
      '州华创', // across the city and the trade name
      '技科', // pairs that never meet in this order
      '限公司店', // every pair common, never together
    ])
      sizes[fragment] = await assertSameAsOracle(fragment, 20);
    assert.ok(sizes['科技']! > 150 && sizes['有限公司']! > 80, JSON.stringify(sizes));
    assert.ok(sizes['宇品']! > 0 && sizes['宇品']! < 60, JSON.stringify(sizes));
    assert.equal(sizes['技科'], 0);
    assert.equal(sizes['限公司店'], 0);
  });

  it('matches Latin letters in either case and LIKE metacharacters literally', async () => {
    // ('abc' alone is a code prefix: USCC characters only.)
    for (const fragment of ['abc电', 'ABC电子', 'Abc电', 'c电子', '100%', '0%智', 'a_b', '_b'])
      assert.ok((await assertSameAsOracle(fragment, 20)) > 0, fragment);
    // `_` is no wildcard: 'a_b' does not match 'abc'.
    assert.equal(await assertSameAsOracle('a_c', 20), 0);
  });

  it('pages without gaps or repeats, small pages through common words and large ones through rare', async () => {
    for (const [fragment, first] of [
      ['有限公司', 7],
      ['科技', 1],
      ['宇品', 3],
      ['鑫达五金', 2],
    ] as const)
      await assertSameAsOracle(fragment, first);
  });

  it('applies the kind and region filters with the postings', async () => {
    await assertSameAsOracle('科技', 15, { kind: 'INDIVIDUAL_BUSINESS' });
    await assertSameAsOracle('有限公司', 15, { region: '330100' });
    await assertSameAsOracle('华创', 4, { kind: 'ENTERPRISE', region: '330200' });
  });

  it('answers one character from the name_grams index, with the same meaning', async () => {
    for (const fragment of ['鑫', '科', '创']) await assertSameAsOracle(fragment, 50);
  });

  it('never finds a natural person by name, though persons hold common words', async () => {
    const { codes } = await searchAll('华创有限', 50);
    assert.deepEqual(codes, await oracle('华创有限'));
    const persons = await tdb.db.prisma.creditSubject.findMany({ where: { kind: 'NATURAL_PERSON' } });
    assert.equal(persons.length, 3);
    assert.ok(!codes.some((c) => persons.some((p) => p.code === c)));
    const [row] = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM subject.name_posting p JOIN subject.credit_subject s ON s.code = p.subject_code
      WHERE s.kind = 'NATURAL_PERSON'`;
    assert.equal(Number(row!.n), 0);
  });
});

describe('name postings kept by the triggers', () => {
  it('holds exactly the pairs of every searchable name after the bulk insert', async () => {
    assert.equal(await postingsDiffer(), 0);
  });

  it('adds the pairs of an inserted subject and drops those of a deleted one', async () => {
    const seed = initSeed(tdb.db);
    const added = await seed.subject({ name: '台州澄观检索科技有限公司', regionCode: '331002' });
    assert.equal(await postingsDiffer(), 0);
    assert.deepEqual((await searchAll('澄观', 20)).codes, [added.code]);
    await tdb.db.prisma.creditSubject.delete({ where: { code: added.code } });
    assert.equal(await postingsDiffer(), 0);
    assert.deepEqual((await searchAll('澄观', 20)).codes, []);
  });

  it('follows renames, one row or many in a statement, and ignores updates that keep the name', async () => {
    const seed = initSeed(tdb.db);
    const renamed = await seed.subject({ name: '杭州旧名字贸易有限公司' });
    await tdb.db.prisma.creditSubject.update({
      where: { code: renamed.code },
      data: { name: '杭州新名称贸易有限公司' },
    });
    assert.equal(await postingsDiffer(), 0);
    assert.deepEqual((await searchAll('旧名', 20)).codes, []);
    assert.deepEqual((await searchAll('新名称', 20)).codes, [renamed.code]);
    // A status change is no rename: the postings stay as they are.
    await tdb.db.prisma.creditSubject.update({
      where: { code: renamed.code },
      data: { registrationStatus: 'REVOKED' },
    });
    assert.equal(await postingsDiffer(), 0);
    // Many renames in one statement, some of them to a name with pairs in common with the old one.
    const count = await tdb.db.prisma.$executeRaw`
      UPDATE subject.credit_subject SET name = replace(name, '信息科技', '信息技术') WHERE name LIKE '%信息科技%'`;
    assert.ok(count > 20);
    assert.equal(await postingsDiffer(), 0);
    await assertSameAsOracle('信息科技', 20);
    await assertSameAsOracle('信息技术', 20);
    await assertSameAsOracle('科技', 20);
  });

  it('drops the pairs of a subject whose kind becomes a natural person and restores them on the way back', async () => {
    const seed = initSeed(tdb.db);
    const subject = await seed.subject({ name: '杭州变更类型测试商店' });
    await tdb.db.prisma.creditSubject.update({ where: { code: subject.code }, data: { kind: 'NATURAL_PERSON' } });
    assert.equal(await postingsDiffer(), 0);
    assert.deepEqual((await searchAll('变更类型', 20)).codes, []);
    await tdb.db.prisma.creditSubject.update({ where: { code: subject.code }, data: { kind: 'INDIVIDUAL_BUSINESS' } });
    assert.equal(await postingsDiffer(), 0);
    assert.deepEqual((await searchAll('变更类型', 20)).codes, [subject.code]);
  });

  // Last: it empties the register of this file's database.
  it('empties the postings with the register on TRUNCATE', async () => {
    const [before] = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM subject.name_posting`;
    assert.ok(Number(before!.n) > 1000);
    await tdb.db.prisma.$executeRawUnsafe('TRUNCATE subject.credit_subject CASCADE');
    const [row] = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM subject.name_posting`;
    assert.equal(Number(row!.n), 0);
  });
});
