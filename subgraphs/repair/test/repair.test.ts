/**
 * The repair window alone over real HTTP against a real Postgres clone (the file owns its data; the records it
 * knows of are written to its own projection, as its consumer would from the departments' events): the marks on
 * records, the upload route's limits, the work queue's overdue list, one extension, a denial that sets when one may
 * apply again, withdrawal, and the marks of a page of records in a fixed number of statements.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  fixClock,
  IDENTITY_HEADER,
  routeDigest,
  signIdentity,
  type Identity,
  type RunningService,
} from '@credit-hub/kit';
import {
  callers,
  createTestDatabase,
  initSeed,
  postAs,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startRepairSubgraph } from '../src/index.ts';

let tdb: TestDatabase;
let service: RunningService;
let restore = fixClock('2026-06-01T02:00:00Z'); // Monday
let firm = '';
const enterprise = (): Identity => ({ ...callers.public, actor: 'ent-1', role: 'ENTERPRISE', subjectCode: firm });
const market = callers.officer('market');
const platform = callers.officer('platform');

const fact = (recordKind: string, recordId: string, since: string, department = 'market') =>
  tdb.db.prisma.repairRecordFact.create({
    data: { recordKind, recordId, subjectCode: firm, department, since: new Date(since), updatedAt: new Date() },
  });

async function upload(caseId: string, purpose: string, body: Buffer, who: Identity = enterprise()) {
  const path = `/uploads?case=${caseId}&purpose=${purpose}&fileName=${purpose}.pdf`;
  const header = await signIdentity(who, TEST_INTERNAL_SECRET, routeDigest('POST', path));
  const res = await fetch(new URL(path, service.url), {
    method: 'POST',
    headers: { [IDENTITY_HEADER]: header, 'content-type': 'application/pdf' },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

async function ok<T = Record<string, unknown>>(who: Identity, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await postAs(service.url, who, query, variables);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}
async function error(who: Identity, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await postAs(service.url, who, query, variables);
  assert.ok(body.errors?.length, 'refused');
  return body.errors![0]!.extensions as Record<string, unknown>;
}

before(async () => {
  tdb = await createTestDatabase();
  firm = (await initSeed(tdb.db).subject()).code;
  service = await startRepairSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { fileLimitBytes: 2048, filesPerCase: 3 },
  });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restore();
});

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on SeriousIllegalListing { id objectionPending repairPending repairEligibility { eligible reason from } }
  ... on AbnormalOperation { id objectionPending repairPending repairEligibility { eligible reason from } }
} }`;

describe('the window alone', () => {
  let caseId = '';

  it('marks records the departments told it about: open, not yet (with the day), unknown', async () => {
    await fact('SERIOUS_ILLEGAL', '501', '2025-09-01');
    await fact('ABNORMAL_OPERATION', '601', '2026-05-01');
    const data = await ok<{
      _entities: { id: string; repairEligibility: { eligible: boolean; from: string | null; reason: string | null } }[];
    }>(callers.public, ENTITIES, {
      r: [
        { __typename: 'SeriousIllegalListing', id: '501' },
        { __typename: 'AbnormalOperation', id: '601' },
        { __typename: 'AbnormalOperation', id: '999' },
      ],
    });
    assert.deepEqual(
      data._entities.map((e) => [e.id, e.repairEligibility.eligible, e.repairEligibility.from]),
      [
        ['501', false, '2026-09-02'],
        ['601', true, null],
        ['999', false, null],
      ],
    );
    assert.match(data._entities[2]!.repairEligibility.reason!, /尚未收到/);
  });

  it('the upload route: only the applicant, only PDF/JPEG/PNG by content, at most the size and count limits', async () => {
    caseId = (
      await ok<{ createRepairApplication: { id: string } }>(
        enterprise(),
        `mutation { createRepairApplication(input: { recordKind: ABNORMAL_OPERATION, recordId: "601", statement: "已补报2025年度报告" }) { id } }`,
      )
    ).createRepairApplication.id;
    assert.equal((await upload(caseId, 'PROOF', PDF, market)).status, 403);
    assert.equal((await upload(caseId, 'PROOF', Buffer.alloc(4096, 0x25))).status, 413);
    assert.equal((await upload(caseId, 'PROOF', Buffer.from('GIF89a'))).status, 415);
    assert.equal((await upload(caseId, 'WHATEVER', PDF)).body.errors !== undefined, true);
    for (const purpose of ['COMMITMENT', 'PROOF', 'PROOF'])
      assert.equal((await upload(caseId, purpose, PDF)).status, 201);
    const full = await upload(caseId, 'PROOF', PDF);
    assert.deepEqual(
      [full.status, (full.body.errors as { extensions: { rule: string } }[])[0]!.extensions.rule],
      [409, 'FILE_COUNT'],
    );
    const audit = await tdb.db.pool.query(
      `SELECT count(*)::int AS n FROM audit.entry WHERE fields::text LIKE '%/uploads/repair%'`,
    );
    assert.equal(audit.rows[0].n, 3);
  });

  it('the queue lists a stage past its day as overdue; one extension moves the day, a second is refused', async () => {
    await ok(enterprise(), `mutation($id: ID!) { submitRepairCase(id: $id) { state } }`, { id: caseId });
    await ok(platform, `mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id: caseId });
    await ok(market, `mutation($id: ID!) { acceptRepairCase(id: $id) { state dueOn } }`, { id: caseId });
    // Accepted on Monday 1 June: seven working days end on Wednesday 10 June. On the 11th it is overdue.
    restore();
    restore = fixClock('2026-06-11T02:00:00Z');
    const overdue = await ok<{ repairQueue: { id: string; dueOn: string; overdue: boolean }[] }>(
      market,
      `{ repairQueue(filter: { overdueOnly: true }) { id dueOn overdue } }`,
    );
    assert.deepEqual(overdue.repairQueue, [{ id: caseId, dueOn: '2026-06-10', overdue: true }]);
    const tooLong = await error(
      market,
      `mutation($id: ID!) { extendRepairCase(id: $id, reason: "x", workingDays: 30) { dueOn } }`,
      { id: caseId },
    );
    assert.deepEqual([tooLong.field, tooLong.rule], ['workingDays', 'RANGE']);
    const ext = await ok<{ extendRepairCase: { dueOn: string; extended: boolean; overdue: boolean } }>(
      market,
      `mutation($id: ID!) { extendRepairCase(id: $id, reason: "需现场核查", workingDays: 5) { dueOn extended overdue } }`,
      { id: caseId },
    );
    assert.deepEqual(ext.extendRepairCase, { dueOn: '2026-06-17', extended: true, overdue: false });
    const again = await error(
      market,
      `mutation($id: ID!) { extendRepairCase(id: $id, reason: "再延", workingDays: 1) { dueOn } }`,
      { id: caseId },
    );
    assert.equal(again.rule, 'ALREADY_EXTENDED');
  });

  it('a denial names when one may apply again, and the record says so until then', async () => {
    const denied = await ok<{ denyRepairCase: { state: string; reapplyFrom: string; decisionReason: string } }>(
      market,
      `mutation($id: ID!) { denyRepairCase(id: $id, reason: "年度报告内容不实", reapplyFrom: "2026-07-01") { state reapplyFrom decisionReason } }`,
      { id: caseId },
    );
    assert.deepEqual(denied.denyRepairCase, {
      state: 'DENIED',
      reapplyFrom: '2026-07-01',
      decisionReason: '年度报告内容不实',
    });
    const refused = await error(
      enterprise(),
      `mutation { createRepairApplication(input: { recordKind: ABNORMAL_OPERATION, recordId: "601", statement: "再次申请" }) { id } }`,
    );
    assert.deepEqual([refused.rule, refused.allowedFrom], ['NOT_ELIGIBLE', '2026-07-01']);
  });

  it('a draft is withdrawn by its applicant only; the figures count what was submitted', async () => {
    const id = (
      await ok<{ createObjection: { id: string } }>(
        enterprise(),
        `mutation { createObjection(input: { recordKind: SERIOUS_ILLEGAL, recordId: "501", category: PAST_PERIOD, statement: "已超过公示期" }) { id } }`,
      )
    ).createObjection.id;
    assert.equal(
      (await error(market, `mutation($id: ID!) { withdrawRepairCase(id: $id) { state } }`, { id })).code,
      'FORBIDDEN',
    );
    const w = await ok<{ withdrawRepairCase: { state: string } }>(
      enterprise(),
      `mutation($id: ID!) { withdrawRepairCase(id: $id) { state } }`,
      { id },
    );
    assert.equal(w.withdrawRepairCase.state, 'WITHDRAWN');
    const s = await ok<{
      repairStatistics: {
        applications: number;
        objections: number;
        denied: number;
        departments: { department: string; applications: number }[];
      };
    }>(
      callers.supervisor(),
      `{ repairStatistics(from: "2026-06-01", to: "2026-06-30") { applications objections denied departments { department applications } } }`,
    );
    assert.deepEqual(s.repairStatistics, {
      applications: 1,
      objections: 0,
      denied: 1,
      departments: [{ department: 'market', applications: 1 }],
    });
  });

  it('records repair.case.closed once per decision, with the working days less the 补正 and whether it was late', async () => {
    const at = (day: string) => {
      restore();
      restore = fixClock(`${day}T02:00:00Z`);
    };
    const m = (who: Identity, name: string, id: string, extra = '') =>
      ok(who, `mutation($id: ID!) { ${name}(id: $id${extra}) { state } }`, { id });
    const closings = async (id: string) =>
      (
        await tdb.db.pool.query(
          `SELECT department, subject_code, payload FROM repair.outbox WHERE type = 'repair.case.closed' AND payload->>'caseId' = $1`,
          [id],
        )
      ).rows;
    // A repair: submitted Wed 1 July, forwarded Thu 2 (1 day), returned for 补正 Mon 6 (2), resubmitted Mon 13 (the
    // 5 days of 补正 not counted), accepted Tue 14 (1), approved Thu 16 (2): 6 working days, on time.
    at('2026-07-01');
    await fact('ABNORMAL_OPERATION', '602', '2026-05-01');
    const repair = (
      await ok<{ createRepairApplication: { id: string } }>(
        enterprise(),
        `mutation { createRepairApplication(input: { recordKind: ABNORMAL_OPERATION, recordId: "602", statement: "已补报年度报告" }) { id } }`,
      )
    ).createRepairApplication.id;
    for (const purpose of ['COMMITMENT', 'PROOF']) assert.equal((await upload(repair, purpose, PDF)).status, 201);
    await m(enterprise(), 'submitRepairCase', repair);
    at('2026-07-02');
    await m(platform, 'forwardRepairCase', repair);
    at('2026-07-06');
    await m(market, 'returnRepairCase', repair, ', reason: "缺少缴款凭证"');
    at('2026-07-13');
    await m(enterprise(), 'resubmitRepairCase', repair);
    at('2026-07-14');
    await m(market, 'acceptRepairCase', repair);
    assert.deepEqual(await closings(repair), [], 'no closing before the decision');
    at('2026-07-16');
    await m(market, 'approveRepairCase', repair, ', basis: "已补报"');
    assert.deepEqual(await closings(repair), [
      {
        department: 'market',
        subject_code: firm,
        payload: {
          caseId: repair,
          caseKind: 'REPAIR',
          recordKind: 'ABNORMAL_OPERATION',
          recordId: '602',
          outcome: 'APPROVED',
          submittedOn: '2026-07-01',
          closedOn: '2026-07-16',
          workingDays: 6,
          overdue: false,
          extended: false,
        },
      },
    ]);
    // An objection forwarded the day it was submitted, upheld on Fri 31 July: 11 working days, past the 10 allowed.
    const objection = (
      await ok<{ createObjection: { id: string } }>(
        enterprise(),
        `mutation { createObjection(input: { recordKind: SERIOUS_ILLEGAL, recordId: "501", category: PAST_PERIOD, statement: "已超过公示期" }) { id } }`,
      )
    ).createObjection.id;
    for (const purpose of ['COMMITMENT', 'EVIDENCE']) assert.equal((await upload(objection, purpose, PDF)).status, 201);
    await m(enterprise(), 'submitRepairCase', objection);
    await m(platform, 'forwardRepairCase', objection);
    at('2026-07-31');
    await m(market, 'upholdObjection', objection, ', reason: "记录无误"');
    const [o] = await closings(objection);
    assert.deepEqual(
      [o.payload.caseKind, o.payload.outcome, o.payload.workingDays, o.payload.overdue],
      ['OBJECTION', 'UPHELD', 11, true],
    );
    // A move after the decision is refused and records nothing more.
    await error(market, `mutation($id: ID!) { upholdObjection(id: $id, reason: "再次") { state } }`, { id: objection });
    assert.equal((await closings(objection)).length, 1);
    assert.equal((await closings(repair)).length, 1);
  });

  it('marks a page of records in a fixed number of statements', async () => {
    const refs = Array.from({ length: 40 }, (_, i) => ({ __typename: 'AbnormalOperation', id: String(7000 + i) }));
    tdb.db.resetStatements();
    await ok(callers.public, ENTITIES, { r: refs });
    assert.ok(tdb.db.statements() <= 3, `${tdb.db.statements()} statements`);
  });
});
