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
  onDay,
  postAs,
  snapshot,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  writeRows,
} from '@credit-hub/kit/testing';
import { startMarketSubgraph } from '../src/index.ts';

// The market subgraph's mutations over real HTTP against a real Postgres clone; the file starts empty and
// every write below goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
/** The tables a write of this subgraph could change (the write-nothing snapshot). */
const TABLES = [
  'market.registration',
  'market.outbox',
  'market.annual_report',
  'market.abnormal_operation',
  'market.serious_illegal_listing',
];
let service: RunningService;

const marketOfficer = callers.officer('market');
const marketSystem = callers.system('market', ['write']);

// The file stands on one day (the clock is per process, and the subgraph runs in this one); a few tests move it.
const restoreClock = fixClock('2026-05-20');

const chinaDay = (offsetDays: number) => {
  const today = chinaToday();
  today.setUTCDate(today.getUTCDate() + offsetDays);
  return today.toISOString().slice(0, 10);
};
const TODAY = chinaDay(0);
/** The last character of a code replaced by another valid one: the check character no longer fits. */
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

const XIHU = '杭州市西湖区市场监督管理局';
const SCOPE = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务';

/** Every successful write, in order: the audit trail must hold exactly these WRITE rows. */
const expectedWrites: { actor: string; role: string; mutation: string; subject: string }[] = [];

const call = (q: string, variables: Record<string, unknown> = {}, who: Identity = marketOfficer) =>
  postAs(service.url, who, q, variables);
type Response = Awaited<ReturnType<typeof call>>;

const REGISTER = `mutation($input: MarketRegistrationInput!) {
  registerMarketSubject(input: $input) {
    subject { code } name entityType legalRepresentative establishedOn registeredCapital currency businessScope
    address registrationAuthority regionCode status statusLabel approvedOn
  }
}`;
const ENTRY = `id subject { code } kind kindLabel regionCode reason reasonLabel listingAuthority listingDocument listedOn
  curedOn appliedOn removalDeadline refusedOn refusalReason removedOn removalReason removalAuthority objectionFiledOn
  status statusLabel removalOverdue transferDueFrom`;
const LIST_ABNORMAL = `mutation($input: AbnormalOperationInput!) { listAbnormalOperation(input: $input) { ${ENTRY} } }`;
const MARK = `mutation($input: AbnormalOperationInput!) { markAbnormalStatus(input: $input) { ${ENTRY} } }`;
const APPLY = `mutation($id: ID!, $appliedOn: Date!, $curedOn: Date!) {
  applyForAbnormalRemoval(id: $id, appliedOn: $appliedOn, curedOn: $curedOn) { ${ENTRY} }
}`;
const REFUSE = `mutation($id: ID!, $reason: String!) { refuseAbnormalRemoval(id: $id, reason: $reason) { ${ENTRY} } }`;
const REMOVE_ABNORMAL = `mutation($id: ID!, $reason: String!, $authority: String!) {
  removeAbnormalOperation(id: $id, reason: $reason, removalAuthority: $authority) { ${ENTRY} }
}`;
const RESTORE = `mutation($id: ID!, $reason: String!, $authority: String!) {
  restoreNormalStatus(id: $id, reason: $reason, removalAuthority: $authority) { ${ENTRY} }
}`;
const REVOKE = `mutation($id: ID!, $reason: String!, $authority: String!, $objectionFiledOn: Date) {
  revokeAbnormalOperation(id: $id, reason: $reason, removalAuthority: $authority, objectionFiledOn: $objectionFiledOn) {
    ${ENTRY}
  }
}`;
const SERIOUS = `id subject { code } regionCode ground groundLabel basis facts penaltyKind penaltyKindLabel penaltyDecision
  abnormalOperationId measuresEndOn decisionDocument listingAuthority listedOn expiresOn earlyRemovalFrom removedOn
  removalGround removalBasis repairAppliedOn penaltyPerformed harmRemoved noNewHeavyPenalty status statusLabel`;
const LIST_SERIOUS = `mutation($input: SeriousIllegalListingInput!) { listSeriousIllegal(input: $input) { ${SERIOUS} } }`;
const REMOVE_SERIOUS = `mutation($id: ID!, $input: SeriousIllegalRemovalInput!) {
  removeSeriousIllegal(id: $id, input: $input) { ${SERIOUS} }
}`;

/** Runs a mutation and remembers it as a write when the mutation field came back with data. */
async function write(
  mutation: string,
  q: string,
  variables: Record<string, unknown>,
  subject: string,
  who: Identity,
): Promise<Response> {
  const result = await call(q, variables, who);
  if ((result.body.data as any)?.[mutation])
    expectedWrites.push({ actor: who.actor, role: who.role, mutation: `Mutation.${mutation}`, subject });
  return result;
}

// The entry's subject is not passed to cure and removal: it is looked up to check the audit row.
const subjectOfEntry = new Map<string, string>();
const remember = (response: Response, mutation: string) => {
  const entry = (response.body.data as any)?.[mutation];
  if (entry?.id) subjectOfEntry.set(entry.id, entry.subject.code);
  return response;
};

const register = (input: Record<string, unknown>, who = marketOfficer) =>
  write('registerMarketSubject', REGISTER, { input }, String(input.subjectCode).trim().toUpperCase(), who);
const listAbnormal = async (input: Record<string, unknown>, who = marketOfficer) =>
  remember(
    await write('listAbnormalOperation', LIST_ABNORMAL, { input }, String(input.subjectCode), who),
    'listAbnormalOperation',
  );
const mark = async (input: Record<string, unknown>, who = marketOfficer) =>
  remember(await write('markAbnormalStatus', MARK, { input }, String(input.subjectCode), who), 'markAbnormalStatus');
const apply = (id: string, appliedOn: string, curedOn: string, who = marketOfficer) =>
  write('applyForAbnormalRemoval', APPLY, { id, appliedOn, curedOn }, subjectOfEntry.get(id) ?? '?', who);
const refuse = (id: string, reason: string, who = marketOfficer) =>
  write('refuseAbnormalRemoval', REFUSE, { id, reason }, subjectOfEntry.get(id) ?? '?', who);
const removeAbnormal = (id: string, reason: string, authority: string, who = marketOfficer) =>
  write('removeAbnormalOperation', REMOVE_ABNORMAL, { id, reason, authority }, subjectOfEntry.get(id) ?? '?', who);
const restore = (id: string, reason: string, authority: string, who = marketOfficer) =>
  write('restoreNormalStatus', RESTORE, { id, reason, authority }, subjectOfEntry.get(id) ?? '?', who);
const revoke = (id: string, reason: string, authority: string, objectionFiledOn: string | null, who = marketOfficer) =>
  write(
    'revokeAbnormalOperation',
    REVOKE,
    { id, reason, authority, objectionFiledOn },
    subjectOfEntry.get(id) ?? '?',
    who,
  );
const listSerious = async (input: Record<string, unknown>, who = marketOfficer) =>
  remember(
    await write('listSeriousIllegal', LIST_SERIOUS, { input }, String(input.subjectCode), who),
    'listSeriousIllegal',
  );
const removeSerious = (id: string, input: Record<string, unknown>, who = marketOfficer) =>
  write('removeSeriousIllegal', REMOVE_SERIOUS, { id, input }, subjectOfEntry.get(id) ?? '?', who);
const EARLY = {
  ground: 'EARLY_REMOVAL',
  basis: '列入满一年，已履行行政处罚义务、消除不良影响，经申请提前移出（信用修复）',
  penaltyPerformed: true,
  harmRemoved: true,
  noNewHeavyPenalty: true,
};

const registration = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  name: '杭州云栖数智科技有限公司',
  entityType: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '陈建华',
  establishedOn: '2019-03-12',
  registeredCapital: 500,
  businessScope: SCOPE,
  address: '浙江省杭州市西湖区文三路478号华星时代广场A座1203室',
  registrationAuthority: XIHU,
  approvedOn: '2023-08-15',
  ...extra,
});
const abnormalInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  reason: 'ANNUAL_REPORT_NOT_FILED',
  listingAuthority: XIHU,
  listingDocument: '西市监异列字〔2025〕第0710号',
  listedOn: '2025-07-10',
  ...extra,
});
const seriousInput = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  ground: 'HEAVY_PENALTY',
  penaltyKind: 'LICENCE_REVOKED',
  penaltyDecision: '杭西市监罚〔2025〕88号',
  basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十二条',
  facts: '当事人因提交虚假材料取得公司登记，被依法撤销登记并处以罚款。',
  decisionDocument: '杭西市监处罚〔2025〕118号',
  listingAuthority: XIHU,
  listedOn: '2025-09-15',
  ...extra,
});

const subjectView = async (code: string, who: Identity = callers.public) =>
  (
    (
      await call(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
          isInAbnormalOperationList isSeriousIllegal abnormalOperations { id removalOverdue } } } }`,
        { r: [{ __typename: 'CreditSubject', code }] },
        who,
      )
    ).body.data as any
  )._entities[0];

before(async () => {
  tdb = await createTestDatabase();
  service = await startMarketSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

describe('registerMarketSubject', () => {
  const firm = makeUscc('91', '330106', 'MA2W0001');

  it('creates a registration with the region from the USCC, then updates it in place', async () => {
    const created = assertOk(await register(registration(` ${firm.toLowerCase()} `)), 'registerMarketSubject');
    assert.deepEqual(created, {
      subject: { code: firm },
      name: '杭州云栖数智科技有限公司',
      entityType: '有限责任公司（自然人投资或控股）',
      // The mutation's answer is public data like any other: the officer gave no purpose.
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
    const stored = await tdb.db.prisma.registration.findUnique({ where: { subjectCode: firm } });
    assert.equal(stored?.legalRepresentative, '陈建华');

    const revoked = assertOk(
      await register(registration(firm, { status: 'REVOKED', approvedOn: '2025-11-03', registeredCapital: 1000.25 })),
      'registerMarketSubject',
    );
    assert.deepEqual([revoked.status, revoked.statusLabel, revoked.registeredCapital], ['REVOKED', '吊销', 1000.25]);
    // A later change that does not mention the status keeps it.
    const moved = assertOk(
      await register(registration(firm, { address: '浙江省杭州市西湖区古墩路702号', approvedOn: '2025-11-10' })),
      'registerMarketSubject',
    );
    assert.equal(moved.status, 'REVOKED');
    assert.equal(moved.address, '浙江省杭州市西湖区古墩路702号');
    assert.equal(await tdb.db.prisma.registration.count({ where: { subjectCode: firm } }), 1);
  });

  it('registers 个体工商户 and 农民专业合作社 without capital, in a region other than the USCC’s', async () => {
    const shop = makeUscc('92', '330106', 'MA2W0002');
    const created = assertOk(
      await register(
        registration(shop, {
          name: '杭州市西湖区老周面馆',
          entityType: '个体工商户',
          registeredCapital: null,
          regionCode: '330110',
          approvedOn: null,
        }),
      ),
      'registerMarketSubject',
    );
    assert.deepEqual([created.registeredCapital, created.regionCode], [null, '330110']);
    const coop = makeUscc('93', '330108', 'MA2W0003');
    assertOk(
      await register(registration(coop, { name: '杭州滨江绿源果蔬专业合作社', entityType: '农民专业合作社' })),
      'registerMarketSubject',
    );
  });

  const subject = makeUscc('91', '330106', 'MA2W0004');
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(subject) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a government body', { subjectCode: makeUscc('11', '330106', '00260001') }, 'input.subjectCode', 'MARKET_SUBJECT'],
    [
      'a social organisation',
      { subjectCode: makeUscc('51', '330106', '00260002') },
      'input.subjectCode',
      'MARKET_SUBJECT',
    ],
    ['a negative capital', { registeredCapital: -0.01 }, 'input.registeredCapital', 'RANGE'],
    [
      'an establishment date in the future',
      { establishedOn: chinaDay(2), approvedOn: null },
      'input.establishedOn',
      'NOT_IN_FUTURE',
    ],
    ['an approval before establishment', { approvedOn: '2019-03-11' }, 'input.approvedOn', 'ORDER'],
    ['an empty name', { name: '  ' }, 'input.name', 'REQUIRED'],
    ['an empty business scope', { businessScope: '' }, 'input.businessScope', 'REQUIRED'],
    ['a malformed region', { regionCode: '3301' }, 'input.regionCode', 'FORMAT'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(await register(registration(subject, extra)), field, rule);
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('refuses an unknown status as a validation error', async () => {
    const before = await snapshot(tdb.db, TABLES);
    const response = await register(registration(subject, { status: 'BANKRUPT' }));
    assert.equal(response.status, 400);
    assert.notEqual(response.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });
});

describe('listAbnormalOperation', () => {
  const firm = makeUscc('91', '330106', 'MA2X0001');

  before(async () => {
    // Registered with the authority of 余杭区 after a move: entries take the register's region.
    assertOk(await register(registration(firm, { regionCode: '330110' })), 'registerMarketSubject');
  });

  it('lists a registered subject with the region of its registration', async () => {
    const entry = assertOk(await listAbnormal(abnormalInput(firm)), 'listAbnormalOperation');
    assert.match(entry.id, /^\d+$/);
    assert.deepEqual(
      { ...entry, id: undefined },
      {
        id: undefined,
        subject: { code: firm },
        kind: 'LISTING',
        kindLabel: '列入经营异常名录',
        regionCode: '330110',
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
        statusLabel: '列入',
        removalOverdue: false,
        transferDueFrom: '2028-07-11',
      },
    );
    assert.equal((await subjectView(firm)).isInAbnormalOperationList, true);
  });

  it('refuses the same reason while it is listed, and accepts another reason', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertConflict(
      await listAbnormal(abnormalInput(firm, { listedOn: '2025-08-01' })),
      'input.reason',
      'ALREADY_LISTED',
    );
    assert.equal(await snapshot(tdb.db, TABLES), before);
    assertOk(
      await listAbnormal(
        abnormalInput(firm, { reason: 'UNREACHABLE_AT_ADDRESS', listingDocument: '西市监异列字〔2025〕第0802号' }),
      ),
      'listAbnormalOperation',
    );
  });

  it('lists a reason only once when two officers list it at the same moment', async () => {
    const racer = makeUscc('91', '330106', 'MA2X0002');
    assertOk(await register(registration(racer)), 'registerMarketSubject');
    const responses = await Promise.all(Array.from({ length: 5 }, () => listAbnormal(abnormalInput(racer))));
    const ok = responses.filter((r) => (r.body.data as any)?.listAbnormalOperation);
    assert.equal(ok.length, 1);
    for (const r of responses.filter((x) => !(x.body.data as any)?.listAbnormalOperation))
      assertConflict(r, 'input.reason', 'ALREADY_LISTED');
    assert.equal(await tdb.db.prisma.abnormalOperation.count({ where: { subjectCode: racer } }), 1);
  });

  it('refuses a subject that is not in the market register, naming the code', async () => {
    const unregistered = makeUscc('93', '330106', 'MA2X0003');
    const before = await snapshot(tdb.db, TABLES);
    const response = await listAbnormal(abnormalInput(unregistered));
    const error = response.body.errors?.[0];
    assert.equal(error?.extensions?.code, 'NOT_FOUND');
    assert.equal(error?.extensions?.key, unregistered);
    assert.match(error?.message ?? '', new RegExp(unregistered));
    assert.equal(response.body.data ?? null, null);
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(firm) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    [
      'a 个体工商户, which is marked and never listed',
      { subjectCode: makeUscc('92', '330106', 'MA2X0004') },
      'input.subjectCode',
      'INDIVIDUAL_BUSINESS_MARKED',
    ],
    [
      'a public institution',
      { subjectCode: makeUscc('12', '330106', '00260003') },
      'input.subjectCode',
      'MARKET_SUBJECT',
    ],
    ['a listing date in the future', { listedOn: chinaDay(1) }, 'input.listedOn', 'NOT_IN_FUTURE'],
    [
      'a listing before establishment',
      { reason: 'FALSE_INFORMATION', listedOn: '2019-03-11' },
      'input.listedOn',
      'BEFORE_ESTABLISHMENT',
    ],
    ['an empty listing authority', { listingAuthority: ' ' }, 'input.listingAuthority', 'REQUIRED'],
    ['an empty listing document', { listingDocument: '' }, 'input.listingDocument', 'REQUIRED'],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(
        await listAbnormal(abnormalInput(firm, { reason: 'INFORMATION_NOT_PUBLISHED', ...extra })),
        field,
        rule,
      );
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('refuses a reason other than the four as a validation error, not a server error', async () => {
    const before = await snapshot(tdb.db, TABLES);
    const literal = await call(
      `mutation { listAbnormalOperation(input: { subjectCode: "${firm}", reason: BANKRUPT, listingAuthority: "${XIHU}",
        listingDocument: "西市监异列字〔2025〕第0901号", listedOn: "2025-09-01" }) { id } }`,
    );
    assert.equal(literal.status, 400);
    assert.equal(literal.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const variable = await listAbnormal(abnormalInput(firm, { reason: 'BANKRUPT' }));
    assert.equal(variable.status, 400);
    assert.ok(variable.body.errors?.length);
    assert.notEqual(variable.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });
});

describe('application and removal', () => {
  const late = makeUscc('91', '330106', 'MA2Y0001');
  let id: string;

  const OVERDUE = `{ overdueAbnormalRemovals { nodes { id removalDeadline } } }`;
  const overdueIds = async () =>
    ((await call(OVERDUE)).body.data as any).overdueAbnormalRemovals.nodes.map((n: any) => n.id);

  before(async () => {
    assertOk(await register(registration(late)), 'registerMarketSubject');
    id = assertOk(await listAbnormal(abnormalInput(late)), 'listAbnormalOperation').id;
  });

  it('refuses to remove, or refuse, an entry nobody applied for', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await removeAbnormal(id, '已补报年度报告', XIHU), 'id', 'NOT_APPLIED');
    assertBadInput(await refuse(id, '材料不全'), 'id', 'NOT_APPLIED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  for (const [label, appliedOn, curedOn, field, rule] of [
    ['an application in the future', chinaDay(3), '2025-09-20', 'appliedOn', 'NOT_IN_FUTURE'],
    ['an application before the listing', '2025-07-09', '2025-07-09', 'appliedOn', 'ORDER'],
    ['a cure before the listing', '2025-09-26', '2025-07-09', 'curedOn', 'ORDER'],
    ['a cure after the application', '2025-09-26', '2025-09-27', 'curedOn', 'ORDER'],
  ] as const) {
    it(`refuses ${label}`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(await apply(id, appliedOn, curedOn), field, rule);
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('counts 5 working days from the application, not the cure, across the National Day holiday', async () => {
    // Cured (report filed) on 20 September, applied on Friday 26 September: 28 September (a Sunday worked), 29,
    // 30, then 9 and 10 October. Counting from the cure would have ended on 26 September.
    const entry = assertOk(await apply(id, '2025-09-26', '2025-09-20'), 'applyForAbnormalRemoval');
    assert.deepEqual(
      [entry.curedOn, entry.appliedOn, entry.removalDeadline, entry.status, entry.removalOverdue],
      ['2025-09-20', '2025-09-26', '2025-10-10', 'LISTED', true],
    );
    const stored = await tdb.db.prisma.abnormalOperation.findUnique({ where: { id: BigInt(id) } });
    assert.equal(stored?.removalDeadline?.toISOString().slice(0, 10), '2025-10-10');
    assert.ok((await overdueIds()).includes(id));
  });

  it('refuses a second application while one is pending', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertConflict(await apply(id, '2025-09-30', '2025-09-20'), 'id', 'ALREADY_APPLIED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('refuses the application with a reason: no decision is owed any more, and a new application starts again', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await refuse(id, '  '), 'reason', 'REQUIRED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
    const refused = await onDay('2025-10-09', async () =>
      assertOk(await refuse(id, '补报的年度报告仍不完整'), 'refuseAbnormalRemoval'),
    );
    assert.deepEqual(
      [refused.refusedOn, refused.refusalReason, refused.removalDeadline, refused.removalOverdue, refused.status],
      ['2025-10-09', '补报的年度报告仍不完整', null, false, 'LISTED'],
    );
    assert.ok(!(await overdueIds()).includes(id));
    assertBadInput(await removeAbnormal(id, '已补报年度报告', XIHU), 'id', 'NOT_APPLIED');
    assertBadInput(await apply(id, '2025-10-08', '2025-10-08'), 'appliedOn', 'ORDER');
    const again = assertOk(await apply(id, '2025-11-03', '2025-10-30'), 'applyForAbnormalRemoval');
    assert.deepEqual(
      [again.appliedOn, again.curedOn, again.removalDeadline, again.refusedOn, again.refusalReason],
      ['2025-11-03', '2025-10-30', '2025-11-10', null, null],
    );
  });

  it('refuses an empty reason or authority for the removal', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await removeAbnormal(id, '  ', XIHU), 'reason', 'REQUIRED');
    assertBadInput(await removeAbnormal(id, '已补报年度报告', ''), 'removalAuthority', 'REQUIRED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('refuses restoreNormalStatus on a listing: that is the path of a 个体工商户 mark', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await restore(id, '已补报年度报告', XIHU), 'id', 'LISTING_NOT_MARK');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('removes the entry today (China time), and it is no longer overdue', async () => {
    const entry = assertOk(
      await removeAbnormal(id, '  已补报未报年份的年度报告并公示  ', XIHU),
      'removeAbnormalOperation',
    );
    assert.deepEqual(
      [entry.status, entry.statusLabel, entry.removedOn, entry.removalReason, entry.removalAuthority],
      ['REMOVED', '移出', TODAY, '已补报未报年份的年度报告并公示', XIHU],
    );
    assert.deepEqual([entry.removalOverdue, entry.removalDeadline], [false, null]);
    assert.ok(!(await overdueIds()).includes(id));
    const view = await subjectView(late);
    assert.equal(view.isInAbnormalOperationList, false);
    assert.deepEqual(view.abnormalOperations, []);
  });

  it('refuses to remove or apply for what is not listed, unknown and malformed ids', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await removeAbnormal(id, '再次移出', XIHU), 'id', 'NOT_LISTED');
    assertBadInput(await apply(id, '2025-12-01', '2025-12-01'), 'id', 'NOT_LISTED');
    for (const response of [
      await removeAbnormal('987654321', '移出', XIHU),
      await apply('987654321', '2025-10-01', '2025-10-01'),
      await revoke('987654321', '列入错误', XIHU, null),
    ])
      assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assertBadInput(await removeAbnormal('12a', '移出', XIHU), 'id', 'FORMAT');
    assertBadInput(await apply('-1', '2025-10-01', '2025-10-01'), 'id', 'FORMAT');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('lists the same reason again once the earlier entry was removed', async () => {
    assertOk(
      await listAbnormal(
        abnormalInput(late, { listedOn: '2025-10-20', listingDocument: '西市监异列字〔2025〕第1020号' }),
      ),
      'listAbnormalOperation',
    );
    assert.equal((await subjectView(late)).isInAbnormalOperationList, true);
  });

  it('refuses an application the working-day calendar cannot count', async () => {
    const veteran = makeUscc('91', '330106', 'MA2Y0002');
    assertOk(await register(registration(veteran, { establishedOn: '2012-04-01' })), 'registerMarketSubject');
    const old = assertOk(
      await listAbnormal(
        abnormalInput(veteran, {
          reason: 'UNREACHABLE_AT_ADDRESS',
          listedOn: '2018-05-10',
          listingDocument: '西市监异列字〔2018〕第0510号',
        }),
      ),
      'listAbnormalOperation',
    );
    const before = await snapshot(tdb.db, TABLES);
    // 2018 has no holiday notice in the calendar (it starts in 2019): the deadline from this application cannot
    // be counted.
    assertBadInput(await apply(old.id, '2018-06-01', '2018-05-29'), 'appliedOn', 'CALENDAR_RANGE');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });
});

describe('个体工商户: marked 经营异常状态, never listed', () => {
  const shop = makeUscc('92', '330106', 'MA2R0001');
  const firm = makeUscc('91', '330106', 'MA2R0002');
  let id: string;

  before(async () => {
    assertOk(
      await register(
        registration(shop, { name: '杭州市西湖区老周面馆', entityType: '个体工商户', registeredCapital: null }),
      ),
      'registerMarketSubject',
    );
    assertOk(await register(registration(firm)), 'registerMarketSubject');
  });

  it('marks a 个体工商户 with its own label', async () => {
    const entry = assertOk(
      await mark(abnormalInput(shop, { listingDocument: '西市监个标〔2025〕第0710号' })),
      'markAbnormalStatus',
    );
    id = entry.id;
    assert.deepEqual(
      [entry.kind, entry.kindLabel, entry.status, entry.statusLabel, entry.transferDueFrom],
      ['MARK', '标记为经营异常状态', 'LISTED', '标记', null],
    );
    const view = (
      (
        await call(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
            isInAbnormalOperationList isMarkedAbnormal } } }`,
          { r: [{ __typename: 'CreditSubject', code: shop }] },
          callers.public,
        )
      ).body.data as any
    )._entities[0];
    assert.deepEqual(view, { isInAbnormalOperationList: false, isMarkedAbnormal: true });
  });

  for (const [label, input, field, rule] of [
    ['an enterprise', abnormalInput(firm), 'input.subjectCode', 'NOT_INDIVIDUAL_BUSINESS'],
    [
      'the 即时信息 reason, which binds enterprises only',
      abnormalInput(shop, { reason: 'INFORMATION_NOT_PUBLISHED' }),
      'input.reason',
      'REASON_NOT_FOR_MARK',
    ],
    ['the same reason while marked', abnormalInput(shop, { listedOn: '2025-08-01' }), 'input.reason', 'ALREADY_LISTED'],
  ] as const) {
    it(`refuses to mark ${label}`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      (rule.startsWith('ALREADY_') ? assertConflict : assertBadInput)(await mark(input), field, rule);
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('restores the normal state after an application, not by removeAbnormalOperation', async () => {
    assertOk(await apply(id, '2026-05-11', '2026-05-08'), 'applyForAbnormalRemoval');
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await removeAbnormal(id, '已补报年度报告', XIHU), 'id', 'MARK_NOT_LISTING');
    assert.equal(await snapshot(tdb.db, TABLES), before);
    const restored = assertOk(await restore(id, '已补报纸质年度报告', XIHU), 'restoreNormalStatus');
    assert.deepEqual(
      [restored.status, restored.statusLabel, restored.removedOn, restored.removalDeadline],
      ['REMOVED', '恢复正常记载状态', TODAY, null],
    );
  });
});

describe('revocation of an entry listed in error', () => {
  const wronged = makeUscc('91', '330106', 'MA2U0001');
  let id: string;

  before(async () => {
    assertOk(await register(registration(wronged)), 'registerMarketSubject');
    id = assertOk(
      await listAbnormal(abnormalInput(wronged, { reason: 'UNREACHABLE_AT_ADDRESS', listedOn: '2026-03-02' })),
      'listAbnormalOperation',
    ).id;
    assertOk(await apply(id, '2026-05-11', '2026-05-11'), 'applyForAbnormalRemoval');
  });

  for (const [label, objectionFiledOn, rule] of [
    ['an objection filed before the listing', '2026-03-01', 'ORDER'],
    ['an objection filed in the future', '2026-05-21', 'NOT_IN_FUTURE'],
  ] as const) {
    it(`refuses ${label}`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      assertBadInput(
        await revoke(id, '经核实，企业可通过登记住所联系', XIHU, objectionFiledOn),
        'objectionFiledOn',
        rule,
      );
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('revokes with the objection and its outcome, records no cure, and hides the entry from everyone but government', async () => {
    const entry = assertOk(
      await revoke(id, '异议成立：经实地核查，企业可以通过登记的住所取得联系，列入决定有误', XIHU, '2026-03-20'),
      'revokeAbnormalOperation',
    );
    assert.deepEqual(
      [
        entry.status,
        entry.statusLabel,
        entry.removedOn,
        entry.objectionFiledOn,
        entry.removalDeadline,
        entry.removalOverdue,
      ],
      ['REVOKED', '撤销列入', TODAY, '2026-03-20', null, false],
    );
    assert.equal(entry.removalReason, '异议成立：经实地核查，企业可以通过登记的住所取得联系，列入决定有误');
    const stored = await tdb.db.prisma.abnormalOperation.findUnique({ where: { id: BigInt(id) } });
    // The cure stated in the pending application stays as stated; no cure was made up for the revocation.
    assert.equal(stored?.curedOn?.toISOString().slice(0, 10), '2026-05-11');
    assert.deepEqual(await subjectView(wronged), {
      isInAbnormalOperationList: false,
      isSeriousIllegal: false,
      abnormalOperations: [],
    });
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await revoke(id, '再次撤销', XIHU, null), 'id', 'NOT_LISTED');
    assertBadInput(await revoke(id, ' ', XIHU, null), 'reason', 'REQUIRED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('revokes without an objection, and without any application or cure', async () => {
    const other = assertOk(
      await listAbnormal(abnormalInput(wronged, { reason: 'FALSE_INFORMATION', listedOn: '2026-04-01' })),
      'listAbnormalOperation',
    );
    const revoked = assertOk(await revoke(other.id, '行政复议决定撤销列入决定', XIHU, null), 'revokeAbnormalOperation');
    assert.deepEqual(
      [revoked.status, revoked.curedOn, revoked.appliedOn, revoked.objectionFiledOn],
      ['REVOKED', null, null, null],
    );
  });
});

describe('严重违法失信名单', () => {
  const fraud = makeUscc('91', '330106', 'MA2K0001');
  let id: string;

  before(async () => {
    assertOk(await register(registration(fraud, { name: '杭州鑫达贸易有限公司' })), 'registerMarketSubject');
  });

  it('lists a registered subject for three years on a 较重行政处罚', async () => {
    const entry = assertOk(await listSerious(seriousInput(fraud)), 'listSeriousIllegal');
    id = entry.id;
    assert.deepEqual(
      { ...entry, id: undefined },
      {
        id: undefined,
        subject: { code: fraud },
        regionCode: '330106',
        ground: 'HEAVY_PENALTY',
        groundLabel: '受到较重行政处罚',
        basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十二条',
        facts: '当事人因提交虚假材料取得公司登记，被依法撤销登记并处以罚款。',
        penaltyKind: 'LICENCE_REVOKED',
        penaltyKindLabel: '吊销许可证件、营业执照',
        penaltyDecision: '杭西市监罚〔2025〕88号',
        abnormalOperationId: null,
        measuresEndOn: null,
        decisionDocument: '杭西市监处罚〔2025〕118号',
        listingAuthority: XIHU,
        listedOn: '2025-09-15',
        expiresOn: '2028-09-15',
        earlyRemovalFrom: '2026-09-16',
        removedOn: null,
        removalGround: null,
        removalBasis: null,
        repairAppliedOn: null,
        penaltyPerformed: null,
        harmRemoved: null,
        noNewHeavyPenalty: null,
        status: 'LISTED',
        statusLabel: '列入',
      },
    );
    assert.equal((await subjectView(fraud)).isSeriousIllegal, true);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['the same decision twice', {}, 'input.decisionDocument', 'ALREADY_LISTED'],
    ['an invalid USCC', { subjectCode: breakCheck(fraud) }, 'input.subjectCode', 'CHECK_CHARACTER'],
    ['a government body', { subjectCode: makeUscc('11', '330106', '00260004') }, 'input.subjectCode', 'MARKET_SUBJECT'],
    ['empty facts', { facts: ' ', decisionDocument: 'X' }, 'input.facts', 'REQUIRED'],
    [
      'a listing date in the future',
      { listedOn: chinaDay(1), decisionDocument: 'X' },
      'input.listedOn',
      'NOT_IN_FUTURE',
    ],
    [
      'a penalty listing without the penalty kind',
      { penaltyKind: null, decisionDocument: 'X' },
      'input.penaltyKind',
      'REQUIRED',
    ],
    [
      'a penalty listing without the penalty decision',
      { penaltyDecision: ' ', decisionDocument: 'X' },
      'input.penaltyDecision',
      'REQUIRED',
    ],
    [
      'a penalty listing naming a 经营异常名录 entry',
      { abnormalOperationId: '1', decisionDocument: 'X' },
      'input.abnormalOperationId',
      'GROUND',
    ],
    [
      'a measure ending before the listing',
      { measuresEndOn: '2025-09-14', decisionDocument: 'X' },
      'input.measuresEndOn',
      'ORDER',
    ],
    [
      'a transfer without the 经营异常名录 entry',
      { ground: 'ABNORMAL_TRANSFER', penaltyKind: null, penaltyDecision: null, decisionDocument: 'X' },
      'input.abnormalOperationId',
      'REQUIRED',
    ],
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      // An entry already listed by the same decision is a CONFLICT (docs/adr/0008); the rest break input rules.
      (rule.startsWith('ALREADY_') ? assertConflict : assertBadInput)(
        await listSerious(seriousInput(fraud, extra)),
        field,
        rule,
      );
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('refuses an unregistered subject', async () => {
    const before = await snapshot(tdb.db, TABLES);
    const unregistered = makeUscc('93', '330106', 'MA2K0002');
    const response = await listSerious(seriousInput(unregistered));
    assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.match(response.body.errors?.[0]?.message ?? '', new RegExp(unregistered));
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('refuses an early removal before the entry has been listed a full year', async () => {
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await removeSerious(id, { ...EARLY, appliedOn: TODAY }), 'input.appliedOn', 'TOO_EARLY');
    assertBadInput(await removeSerious(id, { ...EARLY }), 'input.appliedOn', 'REQUIRED');
    assertBadInput(await removeSerious(id, { ...EARLY, basis: ' ', appliedOn: TODAY }), 'input.basis', 'REQUIRED');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('removes early from the day after the first year, only with all three conditions, and records them', async () => {
    const older = assertOk(
      await listSerious(seriousInput(fraud, { listedOn: '2025-03-10', decisionDocument: '杭西市监处罚〔2025〕31号' })),
      'listSeriousIllegal',
    );
    assert.equal(older.earlyRemovalFrom, '2026-03-11');
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(
      await removeSerious(older.id, { ...EARLY, appliedOn: '2026-03-10' }),
      'input.appliedOn',
      'TOO_EARLY',
    );
    for (const condition of ['penaltyPerformed', 'harmRemoved', 'noNewHeavyPenalty']) {
      const response = await removeSerious(older.id, { ...EARLY, appliedOn: '2026-03-11', [condition]: false });
      assertBadInput(response, `input.${condition}`, 'EARLY_REMOVAL_CONDITIONS');
      assert.deepEqual(response.body.errors?.[0]?.extensions?.unmet, [condition]);
    }
    assert.equal(await snapshot(tdb.db, TABLES), before);
    const removed = assertOk(
      await removeSerious(older.id, { ...EARLY, appliedOn: '2026-03-11' }),
      'removeSeriousIllegal',
    );
    assert.deepEqual(
      [
        removed.status,
        removed.statusLabel,
        removed.removedOn,
        removed.removalGround,
        removed.repairAppliedOn,
        removed.penaltyPerformed,
        removed.harmRemoved,
        removed.noNewHeavyPenalty,
      ],
      ['REMOVED', '提前移出', TODAY, 'EARLY_REMOVAL', '2026-03-11', true, true, true],
    );
    // The listing and the early removal (a credit repair) are events in their own transactions; the refused
    // attempts above recorded none (docs/events.md).
    const events = await tdb.db.pool.query<{ type: string; payload: { cause?: string; ground?: string } }>(
      `SELECT type, payload FROM market.outbox WHERE payload->>'list' = 'SERIOUS_ILLEGAL' AND payload->>'entryId' = $1
        ORDER BY position`,
      [older.id],
    );
    assert.deepEqual(
      events.rows.map((e) => [e.type, e.payload.cause ?? null, e.payload.ground ?? null]),
      [
        ['list.entry.added', null, null],
        ['list.entry.removed', 'REPAIRED', 'EARLY_REMOVAL'],
      ],
    );
    // The younger entry still holds the subject on the list.
    assert.equal((await subjectView(fraud)).isSeriousIllegal, true);
  });

  it('keeps a listing as long as a longer 限制从业 measure, and no early removal before the measure ends', async () => {
    const banned = assertOk(
      await listSerious(
        seriousInput(fraud, {
          listedOn: '2024-06-03',
          penaltyKind: 'BUSINESS_RESTRICTED',
          measuresEndOn: '2028-06-02',
          decisionDocument: '杭西市监处罚〔2024〕60号',
        }),
      ),
      'listSeriousIllegal',
    );
    assert.equal(banned.expiresOn, '2028-06-02');
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(
      await removeSerious(banned.id, { ...EARLY, appliedOn: TODAY }),
      'input.appliedOn',
      'MEASURES_IN_FORCE',
    );
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('revokes an entry at any time; then it is neither public nor removable', async () => {
    const revoked = assertOk(
      await removeSerious(id, { ground: 'REVOKED', basis: '作为列入依据的行政处罚决定被行政复议机关撤销' }),
      'removeSeriousIllegal',
    );
    assert.deepEqual(
      [revoked.status, revoked.statusLabel, revoked.removedOn, revoked.removalGround, revoked.penaltyPerformed],
      ['REVOKED', '撤销列入', TODAY, 'REVOKED', null],
    );
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(await removeSerious(id, { ground: 'REVOKED', basis: '再次撤销' }), 'id', 'NOT_LISTED');
    assert.equal(
      (await removeSerious('987654321', { ground: 'REVOKED', basis: '撤销' })).body.errors?.[0]?.extensions?.code,
      'NOT_FOUND',
    );
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('needs no removal once the term has ended: an entry listed three years ago is off the list by itself', async () => {
    const past = makeUscc('91', '330106', 'MA2K0003');
    assertOk(await register(registration(past)), 'registerMarketSubject');
    const entry = assertOk(
      await listSerious(seriousInput(past, { listedOn: '2023-05-10', decisionDocument: '杭西市监处罚〔2023〕50号' })),
      'listSeriousIllegal',
    );
    assert.deepEqual([entry.expiresOn, entry.status, entry.statusLabel], ['2026-05-10', 'EXPIRED', '期满移出']);
    assert.equal((await subjectView(past)).isSeriousIllegal, false);
    const before = await snapshot(tdb.db, TABLES);
    const response = await removeSerious(entry.id, { ground: 'REVOKED', basis: '撤销' });
    assertBadInput(response, 'id', 'NOT_LISTED');
    assert.match(response.body.errors?.[0]?.message ?? '', /ended with its term on 2026-05-10/);
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });
});

describe('transfer from the 经营异常名录 after three years', () => {
  const dormant = makeUscc('91', '330106', 'MA2J0001');
  const stranger = makeUscc('91', '330106', 'MA2J0002');
  let abnormalId: string;
  let transferId: string;
  const transfer = (extra: Record<string, unknown> = {}) =>
    seriousInput(dormant, {
      ground: 'ABNORMAL_TRANSFER',
      penaltyKind: null,
      penaltyDecision: null,
      abnormalOperationId: abnormalId,
      basis: '《市场监督管理严重违法失信名单管理办法》：被列入经营异常名录届满三年仍未履行相关义务',
      facts: '当事人因未按规定期限公示年度报告被列入经营异常名录届满三年，仍未补报公示。',
      decisionDocument: '杭西市监严列〔2026〕7号',
      listedOn: TODAY,
      ...extra,
    });

  before(async () => {
    assertOk(await register(registration(dormant)), 'registerMarketSubject');
    assertOk(await register(registration(stranger)), 'registerMarketSubject');
    abnormalId = assertOk(
      await listAbnormal(
        abnormalInput(dormant, { listedOn: '2023-05-19', listingDocument: '西市监异列字〔2023〕第0519号' }),
      ),
      'listAbnormalOperation',
    ).id;
  });

  it('refuses a transfer before three full years, of another subject’s entry, or of a mark', async () => {
    const shop = makeUscc('92', '330106', 'MA2J0003');
    assertOk(
      await register(registration(shop, { entityType: '个体工商户', registeredCapital: null })),
      'registerMarketSubject',
    );
    const markId = assertOk(await mark(abnormalInput(shop, { listedOn: '2023-01-05' })), 'markAbnormalStatus').id;
    const before = await snapshot(tdb.db, TABLES);
    assertBadInput(
      await listSerious(transfer({ listedOn: '2026-05-19' })),
      'input.abnormalOperationId',
      'TRANSFER_NOT_DUE',
    );
    assertBadInput(await listSerious(transfer({ subjectCode: stranger })), 'input.abnormalOperationId', 'NOT_FOUND');
    assertBadInput(
      await listSerious(transfer({ subjectCode: shop, abnormalOperationId: markId })),
      'input.abnormalOperationId',
      'GROUND',
    );
    assertBadInput(await listSerious(transfer({ penaltyKind: 'HEAVY_FINE' })), 'input.penaltyKind', 'GROUND');
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('transfers on the day after three years, once; the listing itself stays until its obligation is met', async () => {
    const entry = assertOk(await listSerious(transfer()), 'listSeriousIllegal');
    transferId = entry.id;
    assert.deepEqual(
      [entry.ground, entry.groundLabel, entry.abnormalOperationId, entry.penaltyKind, entry.expiresOn],
      ['ABNORMAL_TRANSFER', '被列入经营异常名录届满三年仍未履行相关义务', abnormalId, null, '2029-05-20'],
    );
    const view = await subjectView(dormant);
    assert.deepEqual([view.isSeriousIllegal, view.isInAbnormalOperationList], [true, true]);
    const before = await snapshot(tdb.db, TABLES);
    assertConflict(
      await listSerious(transfer({ decisionDocument: '杭西市监严列〔2026〕8号' })),
      'input.abnormalOperationId',
      'ALREADY_LISTED',
    );
    assert.equal(await snapshot(tdb.db, TABLES), before);
  });

  it('removes a transferred entry early only once the 经营异常名录 entry is removed', async () => {
    const early = { ...EARLY, penaltyPerformed: null, appliedOn: '2027-05-21' };
    await onDay('2027-06-01', async () => {
      const before = await snapshot(tdb.db, TABLES);
      const response = await removeSerious(transferId, early);
      assertBadInput(response, 'input.abnormalEntryRemoved', 'EARLY_REMOVAL_CONDITIONS');
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
    assertOk(await apply(abnormalId, TODAY, '2026-05-18'), 'applyForAbnormalRemoval');
    assertOk(await removeAbnormal(abnormalId, '已补报未报年份的年度报告并公示', XIHU), 'removeAbnormalOperation');
    await onDay('2027-06-01', async () => {
      const removed = assertOk(await removeSerious(transferId, early), 'removeSeriousIllegal');
      assert.deepEqual(
        [removed.status, removed.removedOn, removed.penaltyPerformed, removed.harmRemoved, removed.noNewHeavyPenalty],
        ['REMOVED', '2027-06-01', null, true, true],
      );
    });
  });
});

describe('who may write', () => {
  const target = makeUscc('91', '330106', 'MA2L0001');
  const shop = makeUscc('92', '330106', 'MA2L0002');
  let abnormalId: string;
  let markId: string;
  let seriousId: string;

  before(async () => {
    assertOk(await register(registration(target)), 'registerMarketSubject');
    assertOk(
      await register(registration(shop, { entityType: '个体工商户', registeredCapital: null })),
      'registerMarketSubject',
    );
    abnormalId = assertOk(await listAbnormal(abnormalInput(target)), 'listAbnormalOperation').id;
    markId = assertOk(await mark(abnormalInput(shop)), 'markAbnormalStatus').id;
    seriousId = assertOk(await listSerious(seriousInput(target, { listedOn: '2025-03-10' })), 'listSeriousIllegal').id;
  });

  const every = (who: Identity) =>
    Promise.all([
      register(registration(target, { name: '杭州云栖数智科技有限公司（更名）' }), who),
      listAbnormal(abnormalInput(target, { reason: 'UNREACHABLE_AT_ADDRESS' }), who),
      mark(abnormalInput(shop, { reason: 'UNREACHABLE_AT_ADDRESS' }), who),
      apply(abnormalId, '2025-09-26', '2025-09-20', who),
      refuse(abnormalId, '材料不全', who),
      removeAbnormal(abnormalId, '已补报年度报告', XIHU, who),
      restore(markId, '已补报年度报告', XIHU, who),
      revoke(abnormalId, '列入错误', XIHU, null, who),
      listSerious(seriousInput(target, { decisionDocument: '杭西市监处罚〔2025〕119号' }), who),
      removeSerious(seriousId, { ...EARLY, appliedOn: TODAY }, who),
    ]);

  for (const [label, who] of [
    ['the public', callers.public],
    ['a tax officer', callers.officer('tax')],
    ['a supervisor', callers.supervisor('督查2026-011')],
    ['an administrator', callers.admin()],
    ['a market system without the write scope', callers.system('market', ['read', 'personal'])],
    ['a tax system with the write scope', callers.system('tax', ['write'])],
  ] as const) {
    it(`refuses ${label} every mutation, writing nothing`, async () => {
      const before = await snapshot(tdb.db, TABLES);
      for (const response of await every(who)) {
        expectForbidden(response);
        assert.equal(response.body.data ?? null, null);
      }
      assert.equal(await snapshot(tdb.db, TABLES), before);
    });
  }

  it('lets a market system with the write scope make every write', async () => {
    const [registered, listed] = await Promise.all([
      register(registration(target, { name: '杭州云栖数智科技有限公司（更名）' }), marketSystem),
      listAbnormal(abnormalInput(target, { reason: 'UNREACHABLE_AT_ADDRESS' }), marketSystem),
    ]);
    assert.equal(assertOk(registered, 'registerMarketSubject').name, '杭州云栖数智科技有限公司（更名）');
    assert.equal(assertOk(listed, 'listAbnormalOperation').status, 'LISTED');
    assertOk(await mark(abnormalInput(shop, { reason: 'UNREACHABLE_AT_ADDRESS' }), marketSystem), 'markAbnormalStatus');
    assertOk(await apply(abnormalId, '2025-09-26', '2025-09-20', marketSystem), 'applyForAbnormalRemoval');
    assertOk(await refuse(abnormalId, '材料不全', marketSystem), 'refuseAbnormalRemoval');
    assertOk(await apply(abnormalId, TODAY, '2026-05-19', marketSystem), 'applyForAbnormalRemoval');
    assertOk(await removeAbnormal(abnormalId, '已补报年度报告', XIHU, marketSystem), 'removeAbnormalOperation');
    assertOk(await apply(markId, TODAY, '2026-05-19', marketSystem), 'applyForAbnormalRemoval');
    assertOk(await restore(markId, '已补报年度报告', XIHU, marketSystem), 'restoreNormalStatus');
    const wrong = (listed.body.data as any).listAbnormalOperation.id;
    assertOk(await revoke(wrong, '列入错误', XIHU, null, marketSystem), 'revokeAbnormalOperation');
    assertOk(
      await listSerious(seriousInput(target, { decisionDocument: '杭西市监处罚〔2025〕119号' }), marketSystem),
      'listSeriousIllegal',
    );
    assertOk(await removeSerious(seriousId, { ...EARLY, appliedOn: TODAY }, marketSystem), 'removeSeriousIllegal');
  });
});

describe('audit trail of writes', () => {
  it('holds one WRITE row per successful write, naming who wrote what about whom, and the chain verifies', async () => {
    const rows = await writeRows(tdb.db);
    assert.ok(expectedWrites.length >= 20, `only ${expectedWrites.length} writes were made`);
    // Concurrent writes may commit in either order: compare as multisets, then check the order of the rest.
    const key = (w: { actor: string; role: string; mutation: string; subject: string | null }) =>
      `${w.actor}|${w.role}|${w.mutation}|${w.subject}`;
    assert.deepEqual(
      rows
        .map((r) => key({ ...r, mutation: (JSON.parse(r.fields) as string[]).join(), subject: r.subject_code }))
        .sort(),
      expectedWrites.map(key).sort(),
    );
    for (const row of rows) assert.equal(row.department, 'market');
    assert.ok(rows.some((r) => r.actor === 'officer-market' && r.role === 'OFFICER'));
    assert.ok(rows.some((r) => r.actor === 'apikey:market' && r.role === 'SYSTEM'));
    const applyRow = rows.find((r) => r.fields.includes('Mutation.applyForAbnormalRemoval'));
    assert.match(applyRow?.detail ?? '', /applied 2025-09-26, cured 2025-09-20, decision due by 2025-10-10/);
    const removal = rows.find((r) => r.fields.includes('Mutation.removeAbnormalOperation'));
    assert.match(removal?.detail ?? '', /已补报未报年份的年度报告并公示/);

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
