/**
 * The 双公示 mutations' refusals through the subgraph over HTTP, with the kit's harness: each names its field and rule,
 * answers no data and leaves every table and the audit trail as they were; an accepted write leaves exactly its one
 * audit entry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, toIsoDate, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertConflict,
  assertOk,
  callers,
  createTestDatabase,
  expectForbidden,
  makeUscc,
  postAs,
  refusedWrite,
  TEST_INTERNAL_SECRET,
  writeRows,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startDisclosureSubgraph } from '../src/index.ts';
import { MARKET_AUTHORITY } from './seed.ts';

let tdb: TestDatabase;
let service: RunningService;
const market = callers.officer('market');
const admin = callers.admin();
const call = (who: Identity, q: string, v: Record<string, unknown> = {}) => postAs(service.url, who, q, v);
const TABLES = [
  'disclosure.penalty',
  'disclosure.licence',
  'disclosure.revision',
  'disclosure.quarantine',
  'disclosure.submission',
  'disclosure.declared_decision',
  'disclosure.authority',
];
const day = (offset: number) => {
  const d = chinaToday();
  d.setUTCDate(d.getUTCDate() + offset);
  return toIsoDate(d)!;
};

const REGISTER = `mutation($i: AuthorityInput!) { registerAuthority(input: $i) { code name department regionCode } }`;
const SUBMIT = `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) { accepted recordIds } }`;
const REPAIR = `mutation($id: ID!, $on: Date!, $reason: String!) {
  repairPenalty(id: $id, repairedOn: $on, reason: $reason) { repairedOn } }`;
const DECLARE = `mutation($d: [DeclaredDecisionInput!]!) { declareDecisions(decisions: $d) { declared } }`;
const authority = (o: Record<string, unknown> = {}) => ({
  code: makeUscc('11', '330100', 'G0WRT010'),
  name: '杭州市测试管理局',
  department: 'market',
  regionCode: '330100',
  ...o,
});
const penalty = (documentNumber: string, decidedOn = day(-120)) => ({
  subjectName: '杭州示例科技有限公司',
  subjectCategory: 'LEGAL_ENTITY',
  uscc: makeUscc('91', '330106', 'WR000001'),
  documentNumber,
  violationType: '销售不合格产品',
  facts: '经查，当事人销售不合格产品。',
  legalBasis: '《中华人民共和国产品质量法》第四十九条',
  penaltyTypes: ['FINE'],
  content: '罚款人民币2万元',
  fineAmount: '2',
  decidedOn,
  validUntil: day(300),
  authorityName: MARKET_AUTHORITY.name,
  authorityCode: MARKET_AUTHORITY.code,
  sourceName: MARKET_AUTHORITY.name,
  sourceCode: MARKET_AUTHORITY.code,
});

before(async () => {
  tdb = await createTestDatabase();
  service = await startDisclosureSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { personKeySecret: 'writes-test-person-key-0123456789' },
  });
});
after(async () => {
  await service.close();
  await tdb.drop();
});

describe('registerAuthority', () => {
  it('is for administrators only', async () => {
    await refusedWrite(tdb.db, TABLES, () => call(market, REGISTER, { i: authority() }), expectForbidden);
  });

  it('refuses a broken code, an unknown department, a bad region and an empty name, naming each', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: 'NOT-A-USCC' }, 'input.code', 'USCC_LENGTH'],
      [{ department: 'nowhere' }, 'input.department', 'ENUM'],
      [{ regionCode: '3301' }, 'input.regionCode', 'FORMAT'],
      [{ name: '   ' }, 'input.name', 'LENGTH'],
    ];
    for (const [override, field, rule] of cases)
      await refusedWrite(
        tdb.db,
        TABLES,
        () => call(admin, REGISTER, { i: authority(override) }),
        (answer) => assertBadInput(answer, field, rule),
      );
  });

  it('adds an authority with one audit entry, and updates it in place', async () => {
    const before = (await writeRows(tdb.db)).length;
    const added = assertOk(await call(admin, REGISTER, { i: authority() }), 'registerAuthority');
    assert.deepEqual(added, authority());
    const renamed = assertOk(
      await call(admin, REGISTER, { i: authority({ name: '杭州市测试监督局' }) }),
      'registerAuthority',
    );
    assert.equal(renamed.name, '杭州市测试监督局');
    const writes = (await writeRows(tdb.db)).slice(before);
    assert.deepEqual(
      writes.map((w) => [w.actor, w.fields, w.detail]),
      [
        ['admin-1', '["Mutation.registerAuthority"]', authority().code],
        ['admin-1', '["Mutation.registerAuthority"]', authority().code],
      ],
    );
  });
});

describe('submit, repair and declare refusals', () => {
  it('refuses an empty batch', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(market, SUBMIT, { rows: [] }),
      (answer) => assertBadInput(answer, 'rows', 'REQUIRED'),
    );
  });

  it('refuses a repair in the future, with a malformed id, and a second repair', async () => {
    const [id] = assertOk(await call(market, SUBMIT, { rows: [penalty('WR-1')] }), 'submitPenalties').recordIds;
    const reason = '已履行义务并作出信用承诺';
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(market, REPAIR, { id, on: day(1), reason }),
      (answer) => assertBadInput(answer, 'repairedOn', 'NOT_IN_FUTURE'),
    );
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(market, REPAIR, { id: 'x1', on: day(0), reason }),
      (answer) => assertBadInput(answer, 'id', 'FORMAT'),
    );
    assertOk(await call(market, REPAIR, { id, on: day(0), reason }), 'repairPenalty');
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(market, REPAIR, { id, on: day(0), reason }),
      (answer) => assertConflict(answer, 'id', 'ALREADY_REPAIRED'),
    );
  });

  it('refuses a declared decision in the future, naming its index', async () => {
    const decision = (documentNumber: string, decidedOn: string) => ({
      kind: 'CF',
      authorityCode: MARKET_AUTHORITY.code,
      documentNumber,
      decidedOn,
    });
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(market, DECLARE, { d: [decision('WR-D1', day(-1)), decision('WR-D2', day(2))] }),
      (answer) => assertBadInput(answer, 'decisions[1].decidedOn', 'NOT_IN_FUTURE'),
    );
  });
});
