import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, setClock, type Identity, type RunningService } from '@credit-hub/kit';
import {
  createTestDatabase,
  expectForbidden,
  makeUscc,
  postAs,
  callers,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  onDay,
} from '@credit-hub/kit/testing';
import { startMarketSubgraph } from '../src/index.ts';
import { removalDeadline } from '../src/abnormal/rules.ts';
import { marketSeed, type AbnormalSeed, type RegistrationSeed, type SeriousSeed } from './seed.ts';

// Market subgraph in-process over real HTTP against a real Postgres clone; each test file owns its data.
let tdb: TestDatabase;
let service: RunningService;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
// The file stands on one day; the boundary tests move the clock and put it back.
const TODAY = '2026-05-20';
const today = d(TODAY);
const thisYear = today.getUTCFullYear();
let restoreClock = () => {};

const yunqi = makeUscc('91', '330106', 'MA2M0001'); // an enterprise in good standing
const noodles = makeUscc('92', '330106', 'MA2M0002'); // 个体工商户: marked 经营异常状态, and one mark restored
const coop = makeUscc('93', '330108', 'MA2M0003'); // 农民专业合作社: applied for removal, decision overdue
const recent = makeUscc('91', '330106', 'MA2M0004'); // applied today, decision not yet due
const ningbo = makeUscc('91', '330212', 'MA2M0005'); // serious illegal, removal long overdue
const repaired = makeUscc('91', '330106', 'MA2M0006'); // serious illegal entry removed early
const lapsed = makeUscc('91', '330106', 'MA2M0007'); // serious illegal 2023-05-19: term ends 2026-05-19
const aged = makeUscc('91', '330106', 'MA2M0008'); // 经营异常名录 since 2023-05-19: transfer due from 2026-05-20
const bureau = makeUscc('11', '330106', '00260001'); // a government body: not in the market register

const XIHU = '杭州市西湖区市场监督管理局';
const SCOPE = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务';

// The rows the tests stand on, made by the market's seed builders (test/seed.ts): the helpers below only name
// what each row is about (the subject, its listing day) and what sets it apart.
const registration = (subjectCode: string, extra: Partial<RegistrationSeed> = {}): RegistrationSeed => ({
  subjectCode,
  ...extra,
});
const abnormal = (subjectCode: string, listed: string, extra: Partial<AbnormalSeed> = {}): AbnormalSeed => ({
  subjectCode,
  listed,
  ...extra,
});
const serious = (subjectCode: string, listed: string, extra: Partial<SeriousSeed> = {}): SeriousSeed => ({
  subjectCode,
  listed,
  ...extra,
});

/** Bulk entries for the paging tests, all listed in 2021, three per day so that the id breaks ties. */
const bulk = Array.from({ length: 23 }, (_, i) => {
  const code = makeUscc('91', i % 2 ? '330106' : '330108', `MA2P${String(i).padStart(4, '0')}`);
  const day = `2021-03-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`;
  return abnormal(code, day, { reason: i % 4 === 0 ? 'UNREACHABLE_AT_ADDRESS' : 'ANNUAL_REPORT_NOT_FILED' });
});

before(async () => {
  restoreClock = fixClock(TODAY);
  tdb = await createTestDatabase();
  const seed = marketSeed(tdb.db);
  await seed.registration.many([
    registration(yunqi),
    registration(noodles, {
      name: '杭州市西湖区老周面馆',
      entityType: '个体工商户',
      legalRepresentative: '周国平',
      registeredCapital: null,
      businessScope: '餐饮服务；食品小作坊经营',
      address: '浙江省杭州市西湖区西溪路525号',
      approvedOn: null,
    }),
    registration(coop, {
      name: '杭州滨江绿源果蔬专业合作社',
      entityType: '农民专业合作社',
      legalRepresentative: '沈金根',
      registeredCapital: 120.5,
      businessScope: '组织收购、销售成员种植的蔬菜、水果；提供农业技术服务',
      address: '浙江省杭州市滨江区浦沿街道东信大道66号',
      registrationAuthority: '杭州市滨江区市场监督管理局',
    }),
    registration(ningbo, {
      name: '宁波恒丰食品有限公司',
      registrationAuthority: '宁波市鄞州区市场监督管理局',
      status: 'REVOKED',
    }),
  ]);
  await seed.annualReport.many([
    { subjectCode: yunqi, year: 2022, filedOn: d('2023-04-18') },
    { subjectCode: yunqi, year: 2023, filedOn: d('2024-06-30') },
    { subjectCode: yunqi, year: 2024, filedOn: d('2025-07-01') },
    { subjectCode: yunqi, year: thisYear, filedOn: null },
    { subjectCode: noodles, year: 2024, filedOn: null },
  ]);
  await seed.abnormal.many([
    abnormal(noodles, '2025-07-10'),
    abnormal(noodles, '2023-07-05', {
      reason: 'UNREACHABLE_AT_ADDRESS',
      curedOn: d('2023-09-01'),
      removalDeadline: d('2023-09-08'),
      removedOn: d('2023-09-06'),
      removalReason: '依法办理住所变更登记，可以通过登记的住所联系',
      removalAuthority: XIHU,
      status: 'REMOVED',
    }),
    abnormal(coop, '2025-08-01', {
      reason: 'INFORMATION_NOT_PUBLISHED',
      listingAuthority: '杭州市滨江区市场监督管理局',
      curedOn: d('2025-09-20'),
      appliedOn: d('2025-09-26'),
      removalDeadline: d('2025-10-10'),
    }),
    abnormal(recent, '2026-04-15', {
      reason: 'FALSE_INFORMATION',
      curedOn: d('2026-05-18'),
      appliedOn: today,
      removalDeadline: removalDeadline(today),
    }),
    abnormal(ningbo, '2024-03-01', {
      reason: 'UNREACHABLE_AT_ADDRESS',
      listingAuthority: '宁波市鄞州区市场监督管理局',
      curedOn: d('2024-03-28'),
      appliedOn: d('2024-04-01'),
      removalDeadline: removalDeadline(d('2024-04-01')),
    }),
    abnormal(aged, '2023-05-19'),
    ...bulk,
  ]);
  await seed.serious.many([
    serious(ningbo, '2024-05-20'),
    serious(repaired, '2023-03-01', {
      status: 'REMOVED',
      removedOn: d('2025-03-05'),
      removalGround: 'EARLY_REMOVAL',
      removalBasis: '列入满一年，已履行行政处罚义务，经申请提前移出（信用修复）',
      repairAppliedOn: d('2025-02-20'),
      penaltyPerformed: true,
      harmRemoved: true,
      noNewHeavyPenalty: true,
    }),
    serious(lapsed, '2023-05-19'),
  ]);
  service = await startMarketSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

// Most tests read as the public; the access tests vary the caller.
const query = (q: string, variables: Record<string, unknown> = {}, who: Identity = callers.public) =>
  postAs(service.url, who, q, variables);
const entities = (codes: string[], selection: string, who: Identity = callers.public) =>
  query(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { code ${selection} } } }`,
    { r: codes.map((code) => ({ __typename: 'CreditSubject', code })) },
    who,
  );
const data = (response: Awaited<ReturnType<typeof query>>) => {
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return response.body.data as any;
};
const auditReads = () =>
  tdb.db.prisma.$queryRaw<{ subject_code: string | null; fields: string; actor: string }[]>`
    SELECT subject_code, fields, actor FROM audit.entry WHERE action = 'READ' ORDER BY seq`;

describe('registration', () => {
  const selection = `registration {
    subject { code } name entityType legalRepresentative establishedOn registeredCapital currency businessScope
    address registrationAuthority regionCode status statusLabel approvedOn
  }`;

  it('publishes the registration with the legal representative masked for the public', async () => {
    const [r] = data(await entities([yunqi], selection))._entities;
    assert.deepEqual(r.registration, {
      subject: { code: yunqi },
      name: '杭州云栖数智科技有限公司',
      entityType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '陈*华',
      establishedOn: '2019-03-12',
      registeredCapital: 500,
      currency: '人民币',
      businessScope: SCOPE,
      address: '浙江省杭州市西湖区文三路478号华星时代广场A座1203室',
      registrationAuthority: XIHU,
      regionCode: '330106',
      status: 'EXISTING',
      statusLabel: '存续（在业）',
      approvedOn: '2023-08-15',
    });
  });

  it('shows the name to a market officer with a stated purpose, and audits it', async () => {
    const officer = callers.officer('market', '西市监异列〔2026〕核查');
    const [r] = data(await entities([yunqi], 'registration { legalRepresentative }', officer))._entities;
    assert.equal(r.registration.legalRepresentative, '陈建华');
    const other = data(await entities([yunqi], 'registration { legalRepresentative }', callers.officer('tax')));
    assert.equal(other._entities[0].registration.legalRepresentative, '陈*华');
    const personal = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM audit.entry WHERE action = 'READ_PERSONAL' AND subject_code = ${yunqi}`;
    assert.equal(Number(personal[0]!.n), 1);
  });

  it('gives labels, capital with decimals, and null for subjects outside the market register', async () => {
    const [n, c, b] = data(
      await entities(
        [noodles, coop, bureau],
        'registration { entityType registeredCapital status statusLabel approvedOn } annualReports { year } isInAbnormalOperationList isSeriousIllegal',
      ),
    )._entities;
    assert.deepEqual(n.registration, {
      entityType: '个体工商户',
      registeredCapital: null,
      status: 'EXISTING',
      statusLabel: '存续（在业）',
      approvedOn: null,
    });
    assert.equal(c.registration.registeredCapital, 120.5);
    assert.deepEqual(b, {
      code: bureau,
      registration: null,
      annualReports: [],
      isInAbnormalOperationList: false,
      isSeriousIllegal: false,
    });
    const [revoked] = data(await entities([ningbo], 'registration { status statusLabel }'))._entities;
    assert.deepEqual(revoked.registration, { status: 'REVOKED', statusLabel: '吊销' });
  });
});

describe('数据更新时间 (updatedAt)', () => {
  const READ = `registration { address updatedAt } annualReports { year updatedAt }`;
  const read = async () => data(await entities([yunqi], READ))._entities[0];

  it('moves with a change of the record, whoever writes it, and stays on a write that changes nothing', async () => {
    const before = await read();
    assert.match(before.registration.updatedAt, /^\d{4}-\d{2}-\d{2}T/);
    const where = { subjectCode: yunqi };
    const row = await tdb.db.prisma.registration.findUniqueOrThrow({ where });
    // A write of the same values (a department's full refresh) is no change of the data.
    await tdb.db.prisma.registration.update({ where, data: { address: row.address } });
    assert.equal((await read()).registration.updatedAt, before.registration.updatedAt);
    await tdb.db.prisma.registration.update({ where, data: { address: `${row.address}（变更）` } });
    const after = await read();
    assert.ok(Date.parse(after.registration.updatedAt) > Date.parse(before.registration.updatedAt));
    assert.deepEqual(after.annualReports, before.annualReports, 'only the changed record moves');
    await tdb.db.prisma.registration.update({ where, data: { address: row.address } });
  });
});

describe('annual reports', () => {
  it('lists years newest first with on-time, late, missing and due status', async () => {
    const [y, n] = data(
      await entities([yunqi, noodles], 'annualReports { year filedOn dueBy status statusLabel }'),
    )._entities;
    assert.deepEqual(y.annualReports, [
      { year: thisYear, filedOn: null, dueBy: `${thisYear + 1}-06-30`, status: 'DUE', statusLabel: '待报送' },
      { year: 2024, filedOn: '2025-07-01', dueBy: '2025-06-30', status: 'LATE', statusLabel: '逾期报送' },
      { year: 2023, filedOn: '2024-06-30', dueBy: '2024-06-30', status: 'ON_TIME', statusLabel: '按时报送' },
      { year: 2022, filedOn: '2023-04-18', dueBy: '2023-06-30', status: 'ON_TIME', statusLabel: '按时报送' },
    ]);
    assert.deepEqual(n.annualReports, [
      { year: 2024, filedOn: null, dueBy: '2025-06-30', status: 'MISSING', statusLabel: '未报送' },
    ]);
  });
});

describe('经营异常名录 on the subject', () => {
  const fields = `id kind kindLabel reason reasonLabel listingAuthority listingDocument listedOn curedOn appliedOn
    removalDeadline refusedOn refusalReason removedOn removalReason removalAuthority objectionFiledOn status statusLabel
    removalOverdue transferDueFrom subject { code }`;

  it('shows the public the entries in force only; a 个体工商户 is marked, not listed', async () => {
    const [n, y] = data(
      await entities([noodles, yunqi], `isInAbnormalOperationList isMarkedAbnormal abnormalOperations { ${fields} }`),
    )._entities;
    assert.equal(n.isInAbnormalOperationList, false);
    assert.equal(n.isMarkedAbnormal, true);
    assert.equal(n.abnormalOperations.length, 1);
    assert.deepEqual(
      { ...n.abnormalOperations[0], id: undefined },
      {
        id: undefined,
        kind: 'MARK',
        kindLabel: '标记为经营异常状态',
        reason: 'ANNUAL_REPORT_NOT_FILED',
        reasonLabel: '未按规定期限公示年度报告',
        listingAuthority: XIHU,
        listingDocument: '西市监异列字〔2025〕第0710号',
        listedOn: '2025-07-10',
        curedOn: null,
        appliedOn: null,
        removalDeadline: null,
        refusedOn: null,
        refusalReason: null,
        removedOn: null,
        removalReason: null,
        removalAuthority: null,
        objectionFiledOn: null,
        status: 'LISTED',
        statusLabel: '标记',
        removalOverdue: false,
        transferDueFrom: null,
        subject: { code: noodles },
      },
    );
    assert.equal(y.isInAbnormalOperationList, false);
    assert.equal(y.isMarkedAbnormal, false);
    const [a] = data(
      await entities(
        [aged],
        'isInAbnormalOperationList isMarkedAbnormal abnormalOperations { kind kindLabel statusLabel transferDueFrom }',
      ),
    )._entities;
    assert.deepEqual(a, {
      code: aged,
      isInAbnormalOperationList: true,
      isMarkedAbnormal: false,
      abnormalOperations: [
        { kind: 'LISTING', kindLabel: '列入经营异常名录', statusLabel: '列入', transferDueFrom: '2026-05-20' },
      ],
    });
    assert.deepEqual(y.abnormalOperations, []);
  });

  it('refuses the public removed entries, gives them to government users and audits the release', async () => {
    const refused = await entities([noodles], 'abnormalOperations(includeRemoved: true) { status }');
    expectForbidden(refused);
    assert.equal((refused.body.data as any)._entities[0].abnormalOperations, null);

    const before = (await auditReads()).length;
    const [n] = data(
      await entities(
        [noodles],
        'abnormalOperations(includeRemoved: true) { listedOn status statusLabel removedOn removalReason }',
        callers.officer('tax'),
      ),
    )._entities;
    assert.deepEqual(n.abnormalOperations, [
      { listedOn: '2025-07-10', status: 'LISTED', statusLabel: '标记', removedOn: null, removalReason: null },
      {
        listedOn: '2023-07-05',
        status: 'REMOVED',
        statusLabel: '恢复正常记载状态',
        removedOn: '2023-09-06',
        removalReason: '依法办理住所变更登记，可以通过登记的住所联系',
      },
    ]);
    const reads = (await auditReads()).slice(before);
    assert.deepEqual(
      reads.map((r) => [r.subject_code, JSON.parse(r.fields), r.actor]),
      [[noodles, ['CreditSubject.abnormalOperations(includeRemoved: true)'], 'officer-tax']],
    );
  });

  it('tracks the removal deadline: 5 working days after the application (not the cure), overdue once passed', async () => {
    const [c, r] = data(
      await entities([coop, recent], 'abnormalOperations { curedOn appliedOn removalDeadline removalOverdue status }'),
    )._entities;
    // Applied on Friday 26 September 2025: 28 September (a Sunday worked), 29, 30, then 9 and 10 October.
    assert.deepEqual(c.abnormalOperations, [
      {
        curedOn: '2025-09-20',
        appliedOn: '2025-09-26',
        removalDeadline: '2025-10-10',
        removalOverdue: true,
        status: 'LISTED',
      },
    ]);
    // Applied on Wednesday 20 May 2026: 21, 22, 25, 26, 27 May.
    assert.deepEqual(r.abnormalOperations, [
      {
        curedOn: '2026-05-18',
        appliedOn: TODAY,
        removalDeadline: '2026-05-27',
        removalOverdue: false,
        status: 'LISTED',
      },
    ]);
    assert.equal(iso(removalDeadline(today)), '2026-05-27');
  });
});

describe('严重违法失信名单 on the subject', () => {
  it('tells who is listed; removed and expired entries need government access', async () => {
    const [n, r, l] = data(
      await entities(
        [ningbo, repaired, lapsed],
        `isSeriousIllegal seriousIllegalListings { ground groundLabel basis facts penaltyKind penaltyKindLabel
          penaltyDecision abnormalOperationId measuresEndOn decisionDocument listingAuthority listedOn expiresOn
          earlyRemovalFrom removalGround status statusLabel }`,
      ),
    )._entities;
    assert.equal(n.isSeriousIllegal, true);
    assert.deepEqual(n.seriousIllegalListings, [
      {
        ground: 'HEAVY_PENALTY',
        groundLabel: '受到较重行政处罚',
        basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十条',
        facts: '当事人在食品中添加非食用物质，被处以较重行政处罚。',
        penaltyKind: 'HEAVY_FINE',
        penaltyKindLabel: '依照行政处罚裁量基准按照从重处罚原则处以罚款',
        penaltyDecision: '甬鄞市监罚〔2024〕05号',
        abnormalOperationId: null,
        measuresEndOn: null,
        decisionDocument: '甬鄞市监处罚〔2024〕05号',
        listingAuthority: '宁波市鄞州区市场监督管理局',
        listedOn: '2024-05-20',
        expiresOn: '2027-05-20',
        earlyRemovalFrom: '2025-05-21',
        removalGround: null,
        status: 'LISTED',
        statusLabel: '列入',
      },
    ]);
    assert.equal(r.isSeriousIllegal, false);
    assert.deepEqual(r.seriousIllegalListings, []);
    // Listed on 2023-05-19: three years ended with 2026-05-19, so today it is off the list without any write.
    assert.equal(l.isSeriousIllegal, false);
    assert.deepEqual(l.seriousIllegalListings, []);
    const [expired] = data(
      await entities(
        [lapsed],
        'seriousIllegalListings(includeRemoved: true) { status statusLabel expiresOn removedOn }',
        callers.officer('tax'),
      ),
    )._entities;
    assert.deepEqual(expired.seriousIllegalListings, [
      { status: 'EXPIRED', statusLabel: '期满移出', expiresOn: '2026-05-19', removedOn: null },
    ]);

    const refused = await entities([repaired], 'seriousIllegalListings(includeRemoved: true) { status }');
    expectForbidden(refused);
    const [shared] = data(
      await entities(
        [repaired],
        `seriousIllegalListings(includeRemoved: true) { status statusLabel removedOn removalGround removalBasis
          repairAppliedOn penaltyPerformed harmRemoved noNewHeavyPenalty }`,
        callers.supervisor(),
      ),
    )._entities;
    assert.deepEqual(shared.seriousIllegalListings, [
      {
        status: 'REMOVED',
        statusLabel: '提前移出',
        removedOn: '2025-03-05',
        removalGround: 'EARLY_REMOVAL',
        removalBasis: '列入满一年，已履行行政处罚义务，经申请提前移出（信用修复）',
        repairAppliedOn: '2025-02-20',
        penaltyPerformed: true,
        harmRemoved: true,
        noNewHeavyPenalty: true,
      },
    ]);
  });
});

describe('batching', () => {
  it('loads every market field of many subjects in one statement per loader', async () => {
    const others = Array.from({ length: 48 }, (_, i) =>
      makeUscc(i % 3 === 0 ? '92' : '91', '330106', `MA2Q${String(i).padStart(4, '0')}`),
    );
    const selection = `registration { name legalRepresentative statusLabel } annualReports { year status }
      isInAbnormalOperationList abnormalOperations { reasonLabel removalOverdue }
      isSeriousIllegal seriousIllegalListings { basis }`;
    tdb.db.resetStatements();
    const few = await entities([yunqi, noodles], selection);
    const forTwo = tdb.db.statements();
    tdb.db.resetStatements();
    const many = await entities([...others, yunqi, noodles], selection);
    const forFifty = tdb.db.statements();
    data(few);
    assert.equal(data(many)._entities.length, 50);
    // Public fields only: the four loaders and nothing else (no audit trail for public data).
    assert.equal(forTwo, 4);
    assert.equal(forFifty, 4);
  });

  it('resolves references without SQL', async () => {
    tdb.db.resetStatements();
    data(await entities([yunqi, noodles, coop], ''));
    assert.equal(tdb.db.statements(), 0);
  });
});

describe('lists', () => {
  const ABNORMAL = `query($kind: AbnormalOperationKind, $region: String, $reason: AbnormalOperationReason,
      $status: MarketListingStatus, $from: Date, $to: Date, $first: Int, $after: String) {
    abnormalOperations(kind: $kind, regionCode: $region, reason: $reason, status: $status, listedFrom: $from,
        listedTo: $to, first: $first, after: $after) {
      totalCount
      edges { cursor node { id subject { code } listedOn reason status } }
      nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const listAbnormal = async (variables: Record<string, unknown>, who: Identity = callers.public) =>
    data(await query(ABNORMAL, variables, who)).abnormalOperations;

  it('lists the 经营异常名录 newest first, entries in force by default, 个体工商户 marks apart', async () => {
    const page = await listAbnormal({ from: '2022-01-01' });
    assert.deepEqual(
      page.edges.map((e: any) => [e.node.subject.code, e.node.listedOn, e.node.status]),
      [
        [recent, '2026-04-15', 'LISTED'],
        [coop, '2025-08-01', 'LISTED'],
        [ningbo, '2024-03-01', 'LISTED'],
        [aged, '2023-05-19', 'LISTED'],
      ],
    );
    assert.equal(page.totalCount, 4);
    assert.equal(page.pageInfo.hasNextPage, false);
    assert.equal(page.pageInfo.hasPreviousPage, false);
    const marks = await listAbnormal({ kind: 'MARK' });
    assert.deepEqual(
      marks.edges.map((e: any) => [e.node.subject.code, e.node.listedOn, e.node.status]),
      [[noodles, '2025-07-10', 'LISTED']],
    );
  });

  it('filters by region prefix, reason and listing date (both ends inclusive)', async () => {
    const count = async (variables: Record<string, unknown>) => (await listAbnormal(variables)).totalCount;
    assert.equal(await count({ region: '330200' }), 1); // 宁波市
    assert.equal(await count({ region: '330212' }), 1);
    assert.equal(await count({ region: '330000' }), 4 + bulk.length);
    assert.equal(await count({ region: '330100', from: '2022-01-01' }), 3); // 杭州市
    assert.equal(await count({ region: '330108', from: '2022-01-01' }), 1); // 滨江区
    assert.equal(await count({ reason: 'UNREACHABLE_AT_ADDRESS', from: '2022-01-01' }), 1);
    assert.equal(await count({ reason: 'UNREACHABLE_AT_ADDRESS', to: '2021-12-31' }), 6);
    assert.equal(await count({ from: '2025-07-10', to: '2025-08-01' }), 1);
    assert.equal(await count({ from: '2025-07-10', to: '2025-08-01', kind: 'MARK' }), 1);
    assert.equal(await count({ from: '2025-07-11', to: '2025-07-31' }), 0);
  });

  it('pages through a year without gaps or repeats, ties broken by id', async () => {
    const all = await listAbnormal({ from: '2021-01-01', to: '2021-12-31', first: 100 });
    assert.equal(all.totalCount, bulk.length);
    assert.equal(all.nodes.length, bulk.length);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = await listAbnormal({ from: '2021-01-01', to: '2021-12-31', first: 5, after });
      pages += 1;
      assert.equal(page.pageInfo.hasPreviousPage, after !== null);
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(pages, Math.ceil(bulk.length / 5));
    assert.deepEqual(
      seen,
      all.nodes.map((n: any) => n.id),
    );
    assert.equal(new Set(seen).size, bulk.length);
    // Newest first, and within a day by descending id.
    const keys = all.edges.map((e: any) => [e.node.listedOn, BigInt(e.node.id)] as [string, bigint]);
    for (let i = 1; i < keys.length; i++) {
      const [pd, pid] = keys[i - 1]!;
      const [cd, cid] = keys[i]!;
      assert.ok(pd > cd || (pd === cd && pid > cid), `order broken at ${i}`);
    }
  });

  it('keeps removed entries from the public and gives them to government users, audited', async () => {
    const refused = await query(ABNORMAL, { status: 'REMOVED' });
    expectForbidden(refused);
    assert.equal(refused.body.data ?? null, null);
    const before = (await auditReads()).length;
    const removed = await listAbnormal({ kind: 'MARK', status: 'REMOVED' }, callers.system('tax', ['read']));
    assert.deepEqual(
      removed.edges.map((e: any) => [e.node.subject.code, e.node.status]),
      [[noodles, 'REMOVED']],
    );
    const reads = (await auditReads()).slice(before);
    assert.deepEqual(
      reads.map((r) => [r.subject_code, JSON.parse(r.fields)]),
      [[noodles, ['Query.abnormalOperations(status: REMOVED)']]],
    );
  });

  it('lists the 严重违法失信名单 in force; expired and removed entries for government users only', async () => {
    const SERIOUS = `query($status: MarketListingStatus, $region: String) {
      seriousIllegalListings(status: $status, regionCode: $region) { totalCount nodes { subject { code } status } }
    }`;
    assert.deepEqual(data(await query(SERIOUS)).seriousIllegalListings, {
      totalCount: 1,
      nodes: [{ subject: { code: ningbo }, status: 'LISTED' }],
    });
    assert.equal(data(await query(SERIOUS, { region: '330100' })).seriousIllegalListings.totalCount, 0);
    for (const status of ['REMOVED', 'EXPIRED', 'REVOKED']) {
      const refused = await query(SERIOUS, { status });
      expectForbidden(refused);
      assert.equal(refused.body.data ?? null, null);
    }
    assert.deepEqual(data(await query(SERIOUS, { status: 'EXPIRED' }, callers.supervisor())).seriousIllegalListings, {
      totalCount: 1,
      nodes: [{ subject: { code: lapsed }, status: 'EXPIRED' }],
    });
    assert.deepEqual(
      data(await query(SERIOUS, { status: 'REMOVED' }, callers.officer('court'))).seriousIllegalListings,
      {
        totalCount: 1,
        nodes: [{ subject: { code: repaired }, status: 'REMOVED' }],
      },
    );
  });

  const OVERDUE = `query($region: String, $first: Int, $after: String) {
    overdueAbnormalRemovals(regionCode: $region, first: $first, after: $after) {
      totalCount nodes { subject { code } appliedOn removalDeadline removalOverdue } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('lists removals past their deadline for the market department, most overdue first', async () => {
    const marketOfficer = callers.officer('market');
    const list = data(await query(OVERDUE, {}, marketOfficer)).overdueAbnormalRemovals;
    assert.deepEqual(list.nodes, [
      { subject: { code: ningbo }, appliedOn: '2024-04-01', removalDeadline: '2024-04-09', removalOverdue: true },
      { subject: { code: coop }, appliedOn: '2025-09-26', removalDeadline: '2025-10-10', removalOverdue: true },
    ]);
    assert.equal(list.totalCount, 2);
    const hangzhou = data(await query(OVERDUE, { region: '330100' }, marketOfficer)).overdueAbnormalRemovals;
    assert.deepEqual(
      hangzhou.nodes.map((n: any) => n.subject.code),
      [coop],
    );
    const first = data(await query(OVERDUE, { first: 1 }, callers.supervisor())).overdueAbnormalRemovals;
    assert.equal(first.pageInfo.hasNextPage, true);
    const second = data(
      await query(OVERDUE, { first: 1, after: first.pageInfo.endCursor }, callers.system('market', ['read'])),
    ).overdueAbnormalRemovals;
    assert.deepEqual(
      second.nodes.map((n: any) => n.subject.code),
      [coop],
    );
    assert.equal(second.pageInfo.hasNextPage, false);
  });

  for (const [label, who] of [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax')],
    ['a market system without the read scope', callers.system('market', ['write'])],
  ] as const) {
    it(`refuses ${label} the overdue removals`, async () => {
      const refused = await query(OVERDUE, {}, who);
      expectForbidden(refused);
      assert.equal(refused.body.data ?? null, null);
    });
  }

  for (const [label, variables, field, rule] of [
    ['a malformed region', { region: '3301' }, 'regionCode', 'FORMAT'],
    ['first of zero', { first: 0 }, 'first', 'RANGE'],
    ['first over the maximum', { first: 101 }, 'first', 'RANGE'],
    ['a foreign cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after', 'CURSOR'],
    ['a date range ending before it starts', { from: '2025-08-01', to: '2025-07-01' }, 'listedTo', 'ORDER'],
    ['EXPIRED, which no 经营异常名录 entry can be', { status: 'EXPIRED' }, 'status', 'STATUS'],
  ] as const) {
    it(`rejects ${label}`, async () => {
      const { body } = await query(ABNORMAL, variables);
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(body.errors?.[0]?.extensions?.field, field);
      assert.equal(body.errors?.[0]?.extensions?.rule, rule);
    });
  }

  it('rejects an unknown reason or a malformed date as a validation error', async () => {
    const literal = await query(`{ abnormalOperations(reason: BANKRUPT) { totalCount } }`);
    assert.equal(literal.status, 400);
    assert.equal(literal.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const variable = await query(ABNORMAL, { reason: 'BANKRUPT' });
    assert.equal(variable.status, 400);
    assert.notEqual(variable.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    const date = await query(ABNORMAL, { from: '2025-02-30' });
    assert.ok(date.body.errors?.length);
    assert.notEqual(date.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
  });
});

describe('as the clock moves', () => {
  const SUBJECT = `isSeriousIllegal seriousIllegalListings { status }`;
  const SERIOUS = `{ seriousIllegalListings { nodes { subject { code } } } }`;
  const OVERDUE = `{ overdueAbnormalRemovals { nodes { subject { code } } } }`;
  const TRANSFERS = `query($first: Int) { abnormalTransfersDue(first: $first) {
    totalCount nodes { subject { code } listedOn transferDueFrom } pageInfo { hasNextPage endCursor } } }`;
  const codes = (nodes: any[]) => nodes.map((n) => n.subject.code);

  it('keeps a 严重违法失信名单 entry public through the last day of its three years, and not a day longer', async () => {
    for (const [day, inForce] of [
      ['2026-05-18', true],
      ['2026-05-19', true],
      ['2026-05-20', false],
    ] as const) {
      await onDay(day, async () => {
        const [l] = data(await entities([lapsed], SUBJECT))._entities;
        assert.equal(l.isSeriousIllegal, inForce, day);
        assert.deepEqual(l.seriousIllegalListings, inForce ? [{ status: 'LISTED' }] : [], day);
        assert.equal(codes(data(await query(SERIOUS)).seriousIllegalListings.nodes).includes(lapsed), inForce, day);
      });
    }
  });

  it('makes a removal overdue the day after its deadline, not on it', async () => {
    for (const [day, overdue] of [
      ['2025-10-09', false],
      ['2025-10-10', false],
      ['2025-10-11', true],
    ] as const) {
      await onDay(day, async () => {
        const [c] = data(await entities([coop], 'abnormalOperations { removalOverdue }'))._entities;
        assert.equal(c.abnormalOperations[0].removalOverdue, overdue, day);
        const list = data(await query(OVERDUE, {}, callers.officer('market'))).overdueAbnormalRemovals.nodes;
        assert.equal(codes(list).includes(coop), overdue, day);
      });
    }
  });

  it('owes the transfer of a listing to the 严重违法失信名单 from the day after its three years', async () => {
    const officer = callers.officer('market');
    for (const [day, due] of [
      ['2026-05-18', false],
      ['2026-05-19', false],
      ['2026-05-20', true],
    ] as const) {
      await onDay(day, async () => {
        const list = data(await query(TRANSFERS, { first: 100 }, officer)).abnormalTransfersDue;
        assert.equal(codes(list.nodes).includes(aged), due, day);
      });
    }
    // Today: the 2021 bulk listings and the 2023 one, oldest first; marks and removed entries never.
    const list = data(await query(TRANSFERS, { first: 100 }, officer)).abnormalTransfersDue;
    assert.equal(list.totalCount, bulk.length + 1);
    assert.deepEqual(list.nodes.at(-1), {
      subject: { code: aged },
      listedOn: '2023-05-19',
      transferDueFrom: '2026-05-20',
    });
    assert.ok(!codes(list.nodes).includes(noodles));
    const first = data(await query(TRANSFERS, { first: 10 }, officer)).abnormalTransfersDue;
    assert.equal(first.pageInfo.hasNextPage, true);
    const refused = await query(TRANSFERS, {}, callers.public);
    expectForbidden(refused);
    assert.equal(refused.body.data ?? null, null);
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
  // The lapsed entry was listed 2023-05-19: 2026-05-19 is its last day in force, 2026-05-20 the first without it.
  const LAST_MOMENT = '2026-05-19T23:59:59.999+08:00';
  const NEXT_DAY = '2026-05-20T00:00:00.000+08:00';
  const officer = callers.officer('market');

  it('answers every field of a subject as of the day the request began, across midnight', async () => {
    const restore = turningClock(LAST_MOMENT, NEXT_DAY);
    try {
      const [l] = data(
        await entities(
          [lapsed],
          'isSeriousIllegal seriousIllegalListings { status statusLabel } all: seriousIllegalListings(includeRemoved: true) { status }',
          officer,
        ),
      )._entities;
      assert.deepEqual(l, {
        code: lapsed,
        isSeriousIllegal: true,
        seriousIllegalListings: [{ status: 'LISTED', statusLabel: '列入' }],
        all: [{ status: 'LISTED' }],
      });
    } finally {
      restore();
    }
  });

  it('filters a list and states its entries’ status as of the same day', async () => {
    const restore = turningClock(LAST_MOMENT, NEXT_DAY);
    try {
      const list = data(
        await query(
          `{ seriousIllegalListings(listedFrom: "2023-05-19", listedTo: "2023-05-19") {
            totalCount nodes { subject { code } status } } }`,
        ),
      ).seriousIllegalListings;
      assert.deepEqual(list, { totalCount: 1, nodes: [{ subject: { code: lapsed }, status: 'LISTED' }] });
    } finally {
      restore();
    }
  });
});
