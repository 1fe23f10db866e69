/**
 * The intake's events for the supervisors' metrics (docs/events.md, ADR 0110): a decision's first receipt
 * (`disclosure.decision.received`, valid or not, declared or not), its declaration (`disclosure.decision.declared`),
 * and the quarantine backlog (`disclosure.record.quarantined`, `disclosure.quarantine.resolved`), each recorded in
 * disclosure.outbox in the same transaction as the write, once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, toIsoDate, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertRefused,
  callers,
  createTestDatabase,
  makeUscc,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startDisclosureSubgraph } from '../../src/index.ts';
import { MARKET_AUTHORITY } from '../seed.ts';

let tdb: TestDatabase;
let service: RunningService;
const market = callers.officer('market');
const tax = callers.officer('tax');

const day = (offset: number) => {
  const d = chinaToday();
  d.setUTCDate(d.getUTCDate() + offset);
  return toIsoDate(d)!;
};
const DECIDED = day(-30);
const call = (who: Identity, q: string, v: Record<string, unknown> = {}) => postAs(service.url, who, q, v);
const data = (r: Awaited<ReturnType<typeof call>>) => {
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data as any;
};

const SUBMIT = `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) { accepted quarantined recordIds } }`;
const DECLARE = `mutation($d: [DeclaredDecisionInput!]!) { declareDecisions(decisions: $d) { declared alreadyDeclared } }`;
const RESUBMIT = `mutation($id: ID!, $p: PenaltyInput) { resubmitQuarantined(id: $id, penalty: $p) { accepted recordIds } }`;
const SUBJECT = makeUscc('91', '330106', 'MET12345');

const input = (documentNumber: string, o: Record<string, unknown> = {}) => ({
  subjectName: '杭州示例科技有限公司',
  subjectCategory: 'LEGAL_ENTITY',
  uscc: SUBJECT,
  documentNumber,
  violationType: '销售不合格产品',
  facts: '经查，当事人销售不合格产品。',
  legalBasis: '《中华人民共和国产品质量法》第四十九条',
  penaltyTypes: ['FINE'],
  content: '罚款人民币2万元',
  fineAmount: '2',
  decidedOn: DECIDED,
  validUntil: day(300),
  authorityName: MARKET_AUTHORITY.name,
  authorityCode: MARKET_AUTHORITY.code,
  sourceName: MARKET_AUTHORITY.name,
  sourceCode: MARKET_AUTHORITY.code,
  ...o,
});
const declaration = (documentNumber: string) => ({
  kind: 'CF',
  authorityCode: MARKET_AUTHORITY.code,
  documentNumber,
  decidedOn: DECIDED,
});

interface OutboxRow {
  type: string;
  department: string;
  subject_code: string | null;
  payload: Record<string, unknown>;
}
const outbox = async (type: string, where = 'true', params: unknown[] = []) =>
  (
    await tdb.db.pool.query<OutboxRow>(
      `SELECT type, department, subject_code, payload FROM disclosure.outbox WHERE type = $1 AND ${where} ORDER BY position`,
      [type, ...params],
    )
  ).rows;
const ofDecision = (type: string, doc: string) => outbox(type, `payload->>'decisionNumber' = $2`, [doc]);
const entryOf = async (doc: string) =>
  (
    await tdb.db.pool.query<{ id: string; status: string }>(
      `SELECT id::text AS id, status::text AS status FROM disclosure.quarantine WHERE document_number = $1 ORDER BY id`,
      [doc],
    )
  ).rows;

before(async () => {
  tdb = await createTestDatabase();
  service = await startDisclosureSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { personKeySecret: 'disclosure-test-person-key-0123456789' },
  });
});
after(async () => {
  await service?.close();
  await tdb?.drop();
});

describe('decisions declared and first received', () => {
  it('announces a declaration once, and whether the decision had already been received', async () => {
    data(await call(market, DECLARE, { d: [declaration('MET-1'), declaration('MET-2')] }));
    data(await call(market, DECLARE, { d: [declaration('MET-1')] }));
    assert.deepEqual(
      (await ofDecision('disclosure.decision.declared', 'MET-1')).map((e) => [e.department, e.subject_code, e.payload]),
      [
        [
          'market',
          null,
          {
            kind: 'PENALTY',
            authorityCode: MARKET_AUTHORITY.code,
            decisionNumber: 'MET-1',
            decidedOn: DECIDED,
            received: false,
          },
        ],
      ],
    );
  });

  it('announces the first receipt of each decision, valid or not, declared or not, and never a second one', async () => {
    data(await call(market, SUBMIT, { rows: [input('MET-1'), input('MET-3', { fineAmount: '-5' })] }));
    data(await call(market, SUBMIT, { rows: [input('MET-1', { content: '罚款人民币3万元', fineAmount: '3' })] }));
    const [first] = await ofDecision('disclosure.decision.received', 'MET-1');
    assert.deepEqual(
      [first?.department, first?.subject_code, first?.payload.compliant, first?.payload.declared, first?.payload.rules],
      ['market', SUBJECT, true, true, []],
    );
    assert.equal(
      (await ofDecision('disclosure.decision.received', 'MET-1')).length,
      1,
      'a revision is no first receipt',
    );
    const invalid = await ofDecision('disclosure.decision.received', 'MET-3');
    assert.deepEqual(
      invalid.map((e) => [e.payload.compliant, e.payload.declared, e.payload.decidedOn]),
      [[false, false, DECIDED]],
    );
    assert.ok((invalid[0]!.payload.rules as string[]).includes('NEGATIVE'));
    // Declared after its first receipt: already due, the event says so.
    data(await call(market, DECLARE, { d: [declaration('MET-3')] }));
    assert.deepEqual(
      (await ofDecision('disclosure.decision.declared', 'MET-3')).map((e) => e.payload.received),
      [true],
    );
  });
});

describe('the quarantine backlog', () => {
  it('announces each entry once, and its leaving when its key is accepted through another submission', async () => {
    const [entry] = await entryOf('MET-3');
    const entered = await outbox('disclosure.record.quarantined', `payload->>'quarantineId' = $2`, [entry!.id]);
    assert.deepEqual(
      entered.map((e) => [e.department, e.payload.kind, e.payload.authorityCode, e.payload.decisionNumber]),
      [['market', 'PENALTY', MARKET_AUTHORITY.code, 'MET-3']],
    );
    assert.ok((entered[0]!.payload.rules as string[]).includes('NEGATIVE'));
    const ok = data(await call(market, SUBMIT, { rows: [input('MET-3')] })).submitPenalties;
    const left = await outbox('disclosure.quarantine.resolved', `payload->>'quarantineId' = $2`, [entry!.id]);
    assert.deepEqual(
      left.map((e) => [e.department, e.payload.resolution, e.payload.recordId]),
      [['market', 'SUPERSEDED', ok.recordIds[0]]],
    );
    assert.equal((await ofDecision('disclosure.decision.received', 'MET-3')).length, 1);
  });

  it('announces a correction once as RESUBMITTED; a refused correction records nothing', async () => {
    data(await call(market, SUBMIT, { rows: [input('MET-4', { fineAmount: '-5' })] }));
    const [entry] = await entryOf('MET-4');
    const before = (await tdb.db.pool.query('SELECT count(*)::int AS n FROM disclosure.outbox')).rows[0].n;
    assertRefused(await call(tax, RESUBMIT, { id: entry!.id, p: input('MET-4') }), { code: 'NOT_FOUND' });
    assert.equal((await tdb.db.pool.query('SELECT count(*)::int AS n FROM disclosure.outbox')).rows[0].n, before);
    const fixed = data(await call(market, RESUBMIT, { id: entry!.id, p: input('MET-4') })).resubmitQuarantined;
    const left = await outbox('disclosure.quarantine.resolved', `payload->>'quarantineId' = $2`, [entry!.id]);
    assert.deepEqual(
      left.map((e) => [e.payload.resolution, e.payload.recordId]),
      [['RESUBMITTED', fixed.recordIds[0]]],
    );
    // A correction under another key: the entry still leaves once.
    data(await call(market, SUBMIT, { rows: [input('MET-5', { fineAmount: '-5' })] }));
    const [other] = await entryOf('MET-5');
    data(await call(market, RESUBMIT, { id: other!.id, p: input('MET-6') }));
    assert.deepEqual(
      (await outbox('disclosure.quarantine.resolved', `payload->>'quarantineId' = $2`, [other!.id])).map(
        (e) => e.payload.resolution,
      ),
      ['RESUBMITTED'],
    );
    assert.deepEqual(
      (await entryOf('MET-5')).map((e) => e.status),
      ['RESUBMITTED'],
    );
  });
});
