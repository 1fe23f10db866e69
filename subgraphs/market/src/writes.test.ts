import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import {
  createTestDatabase,
  makeUscc,
  postAs,
  callers,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startMarketSubgraph } from './index.ts';

// The market subgraph's mutations over real HTTP against a real Postgres clone; the file starts empty and
// every write below goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
let service: RunningService;

const marketOfficer = callers.officer('market');
const marketSystem = callers.system('market', ['write']);

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
const ENTRY = `id subject { code } regionCode reason reasonLabel listingAuthority listingDocument listedOn curedOn
  removalDeadline removedOn removalReason removalAuthority status removalOverdue`;
const LIST_ABNORMAL = `mutation($input: AbnormalOperationInput!) { listAbnormalOperation(input: $input) { ${ENTRY} } }`;
const CURE = `mutation($id: ID!, $curedOn: Date!) { recordAbnormalCure(id: $id, curedOn: $curedOn) { ${ENTRY} } }`;
const REMOVE_ABNORMAL = `mutation($id: ID!, $reason: String!, $authority: String!) {
  removeAbnormalOperation(id: $id, reason: $reason, removalAuthority: $authority) { ${ENTRY} }
}`;
const SERIOUS = `id subject { code } regionCode basis facts decisionDocument listingAuthority listedOn removedOn removalBasis
  status`;
const LIST_SERIOUS = `mutation($input: SeriousIllegalListingInput!) { listSeriousIllegal(input: $input) { ${SERIOUS} } }`;
const REMOVE_SERIOUS = `mutation($id: ID!, $basis: String!) { removeSeriousIllegal(id: $id, basis: $basis) { ${SERIOUS} } }`;

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
const cure = (id: string, curedOn: string, who = marketOfficer) =>
  write('recordAbnormalCure', CURE, { id, curedOn }, subjectOfEntry.get(id) ?? '?', who);
const removeAbnormal = (id: string, reason: string, authority: string, who = marketOfficer) =>
  write('removeAbnormalOperation', REMOVE_ABNORMAL, { id, reason, authority }, subjectOfEntry.get(id) ?? '?', who);
const listSerious = async (input: Record<string, unknown>, who = marketOfficer) =>
  remember(
    await write('listSeriousIllegal', LIST_SERIOUS, { input }, String(input.subjectCode), who),
    'listSeriousIllegal',
  );
const removeSerious = (id: string, basis: string, who = marketOfficer) =>
  write('removeSeriousIllegal', REMOVE_SERIOUS, { id, basis }, subjectOfEntry.get(id) ?? '?', who);

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
  basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十二条',
  facts: '当事人因提交虚假材料取得公司登记，被依法撤销登记并处以罚款。',
  decisionDocument: '杭西市监处罚〔2025〕118号',
  listingAuthority: XIHU,
  listedOn: '2025-09-15',
  ...extra,
});

interface WriteRow {
  actor: string;
  role: string;
  department: string | null;
  subject_code: string | null;
  fields: string;
  detail: string | null;
}
const writeRows = () =>
  tdb.db.prisma.$queryRaw<WriteRow[]>`
    SELECT actor, role, department, subject_code, fields, detail FROM audit.entry WHERE action = 'WRITE' ORDER BY seq`;

/** Everything a write could change, as one comparable value: "nothing written" means this did not move. */
async function snapshot() {
  const p = tdb.db.prisma;
  const [registrations, abnormal, serious, writes] = await Promise.all([
    p.registration.findMany({ orderBy: { subjectCode: 'asc' } }),
    p.abnormalOperation.findMany({ orderBy: { id: 'asc' } }),
    p.seriousIllegalListing.findMany({ orderBy: { id: 'asc' } }),
    writeRows(),
  ]);
  return JSON.stringify({ registrations, abnormal, serious, writes: writes.length }, (_k, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
}

function assertBadInput(response: Response, field: string, rule: string) {
  const error = response.body.errors?.[0];
  assert.ok(error, `expected an error, got ${JSON.stringify(response.body)}`);
  assert.equal(error.extensions?.code, 'BAD_USER_INPUT', error.message);
  assert.equal(error.extensions?.field, field, error.message);
  assert.equal(error.extensions?.rule, rule, error.message);
  assert.equal(response.body.data ?? null, null);
}

function assertOk(response: Response, mutation: string) {
  assert.equal(response.body.errors, undefined, JSON.stringify(response.body.errors));
  return (response.body.data as any)[mutation];
}

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
      const before = await snapshot();
      assertBadInput(await register(registration(subject, extra)), field, rule);
      assert.equal(await snapshot(), before);
    });
  }

  it('refuses an unknown status as a validation error', async () => {
    const before = await snapshot();
    const response = await register(registration(subject, { status: 'BANKRUPT' }));
    assert.equal(response.status, 400);
    assert.notEqual(response.body.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(await snapshot(), before);
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
        regionCode: '330110',
        reason: 'ANNUAL_REPORT_NOT_FILED',
        reasonLabel: '未按规定期限公示年度报告',
        listingAuthority: XIHU,
        listingDocument: '西市监异列字〔2025〕第0710号',
        listedOn: '2025-07-10',
        curedOn: null,
        removalDeadline: null,
        removedOn: null,
        removalReason: null,
        removalAuthority: null,
        status: 'LISTED',
        removalOverdue: false,
      },
    );
    assert.equal((await subjectView(firm)).isInAbnormalOperationList, true);
  });

  it('refuses the same reason while it is listed, and accepts another reason', async () => {
    const before = await snapshot();
    assertBadInput(
      await listAbnormal(abnormalInput(firm, { listedOn: '2025-08-01' })),
      'input.reason',
      'ALREADY_LISTED',
    );
    assert.equal(await snapshot(), before);
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
      assertBadInput(r, 'input.reason', 'ALREADY_LISTED');
    assert.equal(await tdb.db.prisma.abnormalOperation.count({ where: { subjectCode: racer } }), 1);
  });

  it('refuses a subject that is not in the market register, naming the code', async () => {
    const unregistered = makeUscc('92', '330106', 'MA2X0003');
    const before = await snapshot();
    const response = await listAbnormal(abnormalInput(unregistered));
    const error = response.body.errors?.[0];
    assert.equal(error?.extensions?.code, 'NOT_FOUND');
    assert.equal(error?.extensions?.key, unregistered);
    assert.match(error?.message ?? '', new RegExp(unregistered));
    assert.equal(response.body.data ?? null, null);
    assert.equal(await snapshot(), before);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an invalid USCC', { subjectCode: breakCheck(firm) }, 'input.subjectCode', 'CHECK_CHARACTER'],
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
      const before = await snapshot();
      assertBadInput(
        await listAbnormal(abnormalInput(firm, { reason: 'INFORMATION_NOT_PUBLISHED', ...extra })),
        field,
        rule,
      );
      assert.equal(await snapshot(), before);
    });
  }

  it('refuses a reason other than the four as a validation error, not a server error', async () => {
    const before = await snapshot();
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
    assert.equal(await snapshot(), before);
  });
});

describe('cure and removal', () => {
  const late = makeUscc('91', '330106', 'MA2Y0001');
  let id: string;

  const OVERDUE = `{ overdueAbnormalRemovals { nodes { id removalDeadline } } }`;
  const overdueIds = async () =>
    ((await call(OVERDUE)).body.data as any).overdueAbnormalRemovals.nodes.map((n: any) => n.id);

  before(async () => {
    assertOk(await register(registration(late)), 'registerMarketSubject');
    id = assertOk(await listAbnormal(abnormalInput(late)), 'listAbnormalOperation').id;
  });

  it('refuses to remove an entry whose cause was not cured', async () => {
    const before = await snapshot();
    assertBadInput(await removeAbnormal(id, '已补报年度报告', XIHU), 'id', 'NOT_CURED');
    assert.equal(await snapshot(), before);
  });

  for (const [label, curedOn, rule] of [
    ['a cure in the future', chinaDay(3), 'NOT_IN_FUTURE'],
    ['a cure before the listing', '2025-07-09', 'ORDER'],
  ] as const) {
    it(`refuses ${label}`, async () => {
      const before = await snapshot();
      assertBadInput(await cure(id, curedOn), 'curedOn', rule);
      assert.equal(await snapshot(), before);
    });
  }

  it('records the cure with the deadline 5 working days later, across the National Day holiday', async () => {
    const entry = assertOk(await cure(id, '2025-09-26'), 'recordAbnormalCure');
    assert.deepEqual(
      [entry.curedOn, entry.removalDeadline, entry.status, entry.removalOverdue],
      ['2025-09-26', '2025-10-10', 'LISTED', true],
    );
    const stored = await tdb.db.prisma.abnormalOperation.findUnique({ where: { id: BigInt(id) } });
    assert.equal(stored?.removalDeadline?.toISOString().slice(0, 10), '2025-10-10');
    assert.ok((await overdueIds()).includes(id));
  });

  it('refuses a second cure', async () => {
    const before = await snapshot();
    assertBadInput(await cure(id, '2025-09-30'), 'id', 'ALREADY_CURED');
    assert.equal(await snapshot(), before);
  });

  it('refuses an empty reason or authority for the removal', async () => {
    const before = await snapshot();
    assertBadInput(await removeAbnormal(id, '  ', XIHU), 'reason', 'REQUIRED');
    assertBadInput(await removeAbnormal(id, '已补报年度报告', ''), 'removalAuthority', 'REQUIRED');
    assert.equal(await snapshot(), before);
  });

  it('removes the cured entry today (China time), and it is no longer overdue', async () => {
    const entry = assertOk(
      await removeAbnormal(id, '  已补报未报年份的年度报告并公示  ', XIHU),
      'removeAbnormalOperation',
    );
    assert.deepEqual(
      [entry.status, entry.removedOn, entry.removalReason, entry.removalAuthority, entry.removalOverdue],
      ['REMOVED', TODAY, '已补报未报年份的年度报告并公示', XIHU, false],
    );
    assert.ok(!(await overdueIds()).includes(id));
    const view = await subjectView(late);
    assert.equal(view.isInAbnormalOperationList, false);
    assert.deepEqual(view.abnormalOperations, []);
  });

  it('refuses to remove or cure what is not listed, unknown and malformed ids', async () => {
    const before = await snapshot();
    assertBadInput(await removeAbnormal(id, '再次移出', XIHU), 'id', 'NOT_LISTED');
    assertBadInput(await cure(id, '2025-10-01'), 'id', 'NOT_LISTED');
    for (const response of [await removeAbnormal('987654321', '移出', XIHU), await cure('987654321', '2025-10-01')])
      assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assertBadInput(await removeAbnormal('12a', '移出', XIHU), 'id', 'FORMAT');
    assertBadInput(await cure('-1', '2025-10-01'), 'id', 'FORMAT');
    assert.equal(await snapshot(), before);
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

  it('refuses a cure the working-day calendar cannot count', async () => {
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
    const before = await snapshot();
    // 2018 has no holiday notice in the calendar (it starts in 2019).
    assertBadInput(await cure(old.id, '2018-06-01'), 'curedOn', 'CALENDAR_RANGE');
    assert.equal(await snapshot(), before);
  });
});

describe('严重违法失信名单', () => {
  const fraud = makeUscc('91', '330106', 'MA2K0001');
  let id: string;

  before(async () => {
    assertOk(await register(registration(fraud, { name: '杭州鑫达贸易有限公司' })), 'registerMarketSubject');
  });

  it('lists a registered subject', async () => {
    const entry = assertOk(await listSerious(seriousInput(fraud)), 'listSeriousIllegal');
    id = entry.id;
    assert.deepEqual(
      { ...entry, id: undefined },
      {
        id: undefined,
        subject: { code: fraud },
        regionCode: '330106',
        basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十二条',
        facts: '当事人因提交虚假材料取得公司登记，被依法撤销登记并处以罚款。',
        decisionDocument: '杭西市监处罚〔2025〕118号',
        listingAuthority: XIHU,
        listedOn: '2025-09-15',
        removedOn: null,
        removalBasis: null,
        status: 'LISTED',
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
  ];
  for (const [label, extra, field, rule] of cases) {
    it(`refuses ${label} and writes nothing`, async () => {
      const before = await snapshot();
      assertBadInput(await listSerious(seriousInput(fraud, extra)), field, rule);
      assert.equal(await snapshot(), before);
    });
  }

  it('refuses an unregistered subject', async () => {
    const before = await snapshot();
    const unregistered = makeUscc('93', '330106', 'MA2K0002');
    const response = await listSerious(seriousInput(unregistered));
    assert.equal(response.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.match(response.body.errors?.[0]?.message ?? '', new RegExp(unregistered));
    assert.equal(await snapshot(), before);
  });

  it('removes an entry with its basis, once', async () => {
    const before = await snapshot();
    assertBadInput(await removeSerious(id, ' '), 'basis', 'REQUIRED');
    assert.equal(await snapshot(), before);
    const entry = assertOk(
      await removeSerious(id, '列入满一年，已履行行政处罚义务，提前移出（信用修复）'),
      'removeSeriousIllegal',
    );
    assert.deepEqual(
      [entry.status, entry.removedOn, entry.removalBasis],
      ['REMOVED', TODAY, '列入满一年，已履行行政处罚义务，提前移出（信用修复）'],
    );
    assert.equal((await subjectView(fraud)).isSeriousIllegal, false);
    const after = await snapshot();
    assertBadInput(await removeSerious(id, '再次移出'), 'id', 'NOT_LISTED');
    assert.equal((await removeSerious('987654321', '移出')).body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(await snapshot(), after);
  });
});

describe('who may write', () => {
  const target = makeUscc('91', '330106', 'MA2L0001');
  let abnormalId: string;
  let seriousId: string;

  before(async () => {
    assertOk(await register(registration(target)), 'registerMarketSubject');
    abnormalId = assertOk(await listAbnormal(abnormalInput(target)), 'listAbnormalOperation').id;
    seriousId = assertOk(await listSerious(seriousInput(target)), 'listSeriousIllegal').id;
  });

  const every = (who: Identity) =>
    Promise.all([
      register(registration(target, { name: '杭州云栖数智科技有限公司（更名）' }), who),
      listAbnormal(abnormalInput(target, { reason: 'UNREACHABLE_AT_ADDRESS' }), who),
      cure(abnormalId, '2025-09-26', who),
      removeAbnormal(abnormalId, '已补报年度报告', XIHU, who),
      listSerious(seriousInput(target, { decisionDocument: '杭西市监处罚〔2025〕119号' }), who),
      removeSerious(seriousId, '信用修复', who),
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
      const before = await snapshot();
      for (const response of await every(who)) {
        assert.equal(response.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(response.body));
        assert.equal(response.body.data ?? null, null);
      }
      assert.equal(await snapshot(), before);
    });
  }

  it('lets a market system with the write scope make every write', async () => {
    const [registered, listed] = await Promise.all([
      register(registration(target, { name: '杭州云栖数智科技有限公司（更名）' }), marketSystem),
      listAbnormal(abnormalInput(target, { reason: 'UNREACHABLE_AT_ADDRESS' }), marketSystem),
    ]);
    assert.equal(assertOk(registered, 'registerMarketSubject').name, '杭州云栖数智科技有限公司（更名）');
    assert.equal(assertOk(listed, 'listAbnormalOperation').status, 'LISTED');
    assertOk(await cure(abnormalId, '2025-09-26', marketSystem), 'recordAbnormalCure');
    assertOk(await removeAbnormal(abnormalId, '已补报年度报告', XIHU, marketSystem), 'removeAbnormalOperation');
    assertOk(
      await listSerious(seriousInput(target, { decisionDocument: '杭西市监处罚〔2025〕119号' }), marketSystem),
      'listSeriousIllegal',
    );
    assertOk(await removeSerious(seriousId, '信用修复', marketSystem), 'removeSeriousIllegal');
  });
});

describe('audit trail of writes', () => {
  it('holds one WRITE row per successful write, naming who wrote what about whom, and the chain verifies', async () => {
    const rows = await writeRows();
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
    const cureRow = rows.find((r) => r.fields.includes('Mutation.recordAbnormalCure'));
    assert.match(cureRow?.detail ?? '', /cured 2025-09-26, removal due by 2025-10-10/);
    const removal = rows.find((r) => r.fields.includes('Mutation.removeAbnormalOperation'));
    assert.match(removal?.detail ?? '', /已补报未报年份的年度报告并公示/);

    const verified = await verifyAudit(tdb.db);
    assert.equal(verified.ok, true, verified.problems.join('; '));
    assert.ok(verified.entries >= rows.length);
  });
});
