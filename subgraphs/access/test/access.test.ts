import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAudit, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertOk,
  callers,
  createTestDatabase,
  expectForbidden,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startAccessSubgraph } from '../src/index.ts';
import { accessSeed } from './seed.ts';

// The access subgraph's reads over real HTTP against a real Postgres clone: who the caller is, the API keys, and the
// audit trail with its filters and pages. Reading the trail is itself audited, so the trail grows as the file runs.
let tdb: TestDatabase;
let service: RunningService;
let seed: ReturnType<typeof accessSeed>;

const admin = callers.admin();
const supervisor = callers.supervisor('稽查 2026-118');
const taxOfficer = callers.officer('tax', '纳税评估');
const courtOfficer = callers.officer('court');
const marketSystem = callers.system('market', ['read', 'personal'], '许可审批');

/** The last character of a code replaced by another valid one: the check character no longer fits. */
const breakCheck = (code: string) => code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');

const call = (who: Identity, q: string, variables: Record<string, unknown> = {}) =>
  postAs(service.url, who, q, variables);

let firm: string;
let person: string;
const keys: Record<string, string> = {};

before(async () => {
  tdb = await createTestDatabase();
  seed = accessSeed(tdb.db);
  service = await startAccessSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 8, minute));
  keys.taxOld = (await seed.apiKey({ name: '税务征管系统', department: 'tax', createdAt: at(1) })).id;
  keys.taxNew = (
    await seed.apiKey({ name: '税务稽查系统', department: 'tax', scopes: ['read', 'write'], createdAt: at(2) })
  ).id;
  keys.taxRevoked = (
    await seed.apiKey({
      name: '旧税务系统',
      department: 'tax',
      createdAt: at(3),
      revokedAt: at(4),
      revokedBy: 'admin-1',
    })
  ).id;
  keys.court = (await seed.apiKey({ name: '执行案件管理系统', department: 'court', createdAt: at(5) })).id;

  firm = seed.uscc('ENTERPRISE', '330106');
  person = seed.personKey(seed.idNumber());
  // The trail as other subgraphs leave it: reads, an unmasked personal read, a look-up and a write.
  await seed.auditEntries(taxOfficer, [
    { action: 'READ', subjectCode: firm, fields: ['CreditSubject.taxCreditRatings'] },
  ]);
  await seed.auditEntries(taxOfficer, [
    { action: 'READ_PERSONAL', subjectCode: person, fields: ['MajorTaxViolation.legalRepresentative'] },
  ]);
  // One request reading two subjects leaves two entries.
  await seed.auditEntries(taxOfficer, [
    { action: 'READ', subjectCode: seed.uscc(), fields: ['CreditSubject.isALevelTaxpayer'] },
    { action: 'READ', subjectCode: seed.uscc(), fields: ['CreditSubject.isALevelTaxpayer'] },
  ]);
  await seed.auditEntries(
    courtOfficer,
    [{ action: 'READ', subjectCode: firm, fields: ['CreditSubject.dishonestDebtorCases'] }],
    'court',
  );
  await seed.auditEntries(
    marketSystem,
    [{ action: 'LOOKUP', subjectCode: person, fields: ['Query.subjectByIdNumber'] }],
    'subject',
  );
  await seed.auditEntries(
    callers.officer('court'),
    [
      {
        action: 'WRITE',
        subjectCode: firm,
        fields: ['Mutation.publishDishonestDebtorCase'],
        detail: '(2025)浙0106执1234号',
      },
    ],
    'court',
  );
});

after(async () => {
  await service.close();
  await tdb.drop();
});

describe('me', () => {
  const ME = `{ me { actor role department scopes purpose } }`;

  it('tells the public it is anonymous', async () => {
    assert.deepEqual(assertOk(await call(callers.public, ME), 'me'), {
      actor: 'anonymous',
      role: 'PUBLIC',
      department: null,
      scopes: [],
      purpose: null,
    });
  });

  it("tells a system its department, its key's scopes (as the enum) and its stated purpose", async () => {
    assert.deepEqual(assertOk(await call(marketSystem, ME), 'me'), {
      actor: 'apikey:market',
      role: 'SYSTEM',
      department: 'market',
      scopes: ['READ', 'PERSONAL'],
      purpose: '许可审批',
    });
  });
});

describe('apiKeys', () => {
  const KEYS = `query($d: String, $all: Boolean) {
    apiKeys(department: $d, includeRevoked: $all) { id prefix name department scopes createdBy revokedAt revokedBy }
  }`;

  it('lists the keys in force, newest first, with their scopes as the enum', async () => {
    const list = assertOk(await call(admin, KEYS), 'apiKeys');
    assert.deepEqual(
      list.map((k: any) => k.id),
      [keys.court, keys.taxNew, keys.taxOld],
    );
    const taxNew = list.find((k: any) => k.id === keys.taxNew);
    assert.deepEqual(taxNew.scopes, ['READ', 'WRITE']);
    assert.match(taxNew.prefix, /^[A-Za-z2-9]{12}$/);
    assert.equal(taxNew.revokedAt, null);
  });

  it("lists one department's keys, and revoked ones only when asked", async () => {
    const tax = assertOk(await call(admin, KEYS, { d: 'tax' }), 'apiKeys');
    assert.deepEqual(
      tax.map((k: any) => k.id),
      [keys.taxNew, keys.taxOld],
    );
    const all = assertOk(await call(admin, KEYS, { d: 'tax', all: true }), 'apiKeys');
    assert.deepEqual(
      all.map((k: any) => [k.id, k.revokedBy]),
      [
        [keys.taxRevoked, 'admin-1'],
        [keys.taxNew, null],
        [keys.taxOld, null],
      ],
    );
  });

  it('never shows the key or its hash: the schema has no field for either', async () => {
    const { status, body } = await call(admin, `{ apiKeys { hash } }`);
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.equal(body.data, undefined);
  });

  for (const [label, who] of [
    ['a supervisor', supervisor],
    ['an officer', taxOfficer],
    ['a system', marketSystem],
    ['the public', callers.public],
  ] as const) {
    it(`is refused to ${label}, with no data`, async () => {
      const refused = await call(who, KEYS);
      expectForbidden(refused, ['apiKeys']);
      assert.equal(refused.body.data ?? null, null, 'apiKeys is non-null: the refusal nulls the whole answer');
    });
  }
});

describe('auditLog', () => {
  const LOG = `query($s: ID, $actor: String, $d: String, $action: AuditAction, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
    auditLog(subjectCode: $s, actor: $actor, department: $d, action: $action, from: $from, to: $to, first: $first, after: $after) {
      nodes { seq at actor role department action subjectCode fields detail purpose client requestId subgraph hash }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const log = async (variables: Record<string, unknown>, who: Identity = supervisor) =>
    assertOk(await call(who, LOG, variables), 'auditLog');

  it("shows a subject's trail newest first, every column of an entry", async () => {
    // The first read of this subject's trail: later ones also see the supervisor's own reads of it.
    const page = await log({ s: firm });
    assert.deepEqual(
      page.nodes.map((e: any) => [e.actor, e.action, e.subgraph, e.fields]),
      [
        ['officer-court', 'WRITE', 'court', ['Mutation.publishDishonestDebtorCase']],
        ['officer-court', 'READ', 'court', ['CreditSubject.dishonestDebtorCases']],
        ['officer-tax', 'READ', 'tax', ['CreditSubject.taxCreditRatings']],
      ],
    );
    const [write] = page.nodes;
    assert.equal(write.detail, '(2025)浙0106执1234号');
    assert.equal(write.role, 'OFFICER');
    assert.equal(write.department, 'court');
    assert.equal(write.client, 'test');
    assert.match(write.requestId, /^req-/);
    assert.match(write.hash, /^[0-9a-f]{64}$/);
    assert.ok(Number(page.nodes[0].seq) > Number(page.nodes[1].seq));
  });

  it('accepts a subject code in lower case', async () => {
    const page = await log({ s: firm.toLowerCase(), d: 'court' });
    assert.deepEqual(
      page.nodes.map((e: any) => [e.subjectCode, e.action]),
      [
        [firm, 'WRITE'],
        [firm, 'READ'],
      ],
    );
  });

  it('filters by actor, department and action together', async () => {
    const page = await log({ d: 'tax', action: 'READ_PERSONAL' });
    assert.deepEqual(
      page.nodes.map((e: any) => [e.actor, e.subjectCode, e.purpose]),
      [['officer-tax', person, '纳税评估']],
    );
    const lookups = await log({ actor: 'apikey:market', action: 'LOOKUP' });
    assert.deepEqual(
      lookups.nodes.map((e: any) => [e.role, e.subjectCode, e.subgraph]),
      [['SYSTEM', person, 'subject']],
    );
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const all = await log({ s: firm });
    const [newest, middle, oldest] = all.nodes;
    const from = await log({ s: firm, from: middle.at });
    assert.ok(from.nodes.every((e: any) => Date.parse(e.at) >= Date.parse(middle.at)));
    assert.ok(from.nodes.some((e: any) => e.seq === middle.seq));
    const to = await log({ s: firm, to: oldest.at });
    assert.ok(to.nodes.every((e: any) => Date.parse(e.at) < Date.parse(oldest.at)));
    assert.ok(!to.nodes.some((e: any) => e.seq === oldest.seq));
    const none = await log({ s: firm, from: newest.at, to: newest.at });
    assert.deepEqual(none.nodes, []);
  });

  it('pages by sequence number without gaps or repeats', async () => {
    // The tax department's entries: the supervisor's own reads (no department) never join them meanwhile.
    const whole = await log({ d: 'tax', first: 100 });
    assert.equal(whole.nodes.length, 4);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page = await log({ d: 'tax', first: 1, after });
      seen.push(...page.nodes.map((e: any) => e.seq));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(
      seen,
      whole.nodes.map((e: any) => e.seq),
    );
  });

  it('records each read of the trail in the trail: who looked at whose history', async () => {
    const s = seed.uscc('ENTERPRISE', '330108');
    await log({ s });
    const page = await log({ s, actor: 'supervisor-1', action: 'READ' });
    assert.deepEqual(
      page.nodes.map((e: any) => [e.subjectCode, e.fields, e.subgraph, e.purpose]),
      [[s, ['Query.auditLog'], 'access', '稽查 2026-118']],
    );
  });

  it('keeps the hash chain whole while it is read', async () => {
    const result = await verifyAudit(tdb.db);
    assert.equal(result.ok, true);
  });

  for (const [label, variables, field, rule] of [
    ['a subject code with a wrong check character', { s: 'CHECK' }, 'subjectCode', 'CHECK_CHARACTER'],
    ['a malformed person key', { s: 'NP12' }, 'subjectCode', 'PERSON_KEY_FORMAT'],
    ['a page of 0', { first: 0 }, 'first', 'RANGE'],
    ['a page of 101', { first: 101 }, 'first', 'RANGE'],
    ['a forged cursor', { after: Buffer.from('"abc"').toString('base64url') }, 'after', 'CURSOR'],
  ] as const) {
    it(`refuses ${label} (${field}, ${rule}) with no data and no trail entry`, async () => {
      const before = await tdb.db.prisma.auditEntry.count();
      const s = variables.s === 'CHECK' ? breakCheck(firm) : variables.s;
      assertBadInput(await call(supervisor, LOG, { ...variables, s }), field, rule);
      assert.equal(await tdb.db.prisma.auditEntry.count(), before);
    });
  }

  for (const [label, who] of [
    ['an administrator (the trail is the supervisors’, administrators’ own acts are in it)', admin],
    ['an officer', taxOfficer],
    ['a system', marketSystem],
    ['the public', callers.public],
  ] as const) {
    it(`is refused to ${label}, with no data and no trail entry`, async () => {
      const before = await tdb.db.prisma.auditEntry.count();
      expectForbidden(await call(who, LOG, {}), ['auditLog']);
      assert.equal(await tdb.db.prisma.auditEntry.count(), before);
    });
  }
});
