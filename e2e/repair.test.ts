/**
 * 信用修复 and 异议 through the whole hub (docs/rules/repair.md): a department's listing reaches the window as an
 * event; the enterprise applies through the gateway with its files (type told by content, hashed, never public); the
 * platform asks for 补正 (the clock stops and resumes with the days it had left, counted on the holiday calendar),
 * then forwards; another department cannot decide; the deciding department accepts and approves. The approval is an
 * event only: the tax department consumes it and stops publication in its own schema, and then, seen through the
 * gateway, the record is gone from the public page, the list flag and the credit check are clear, the evaluation
 * (computed on read) no longer counts it, subscribers' bus holds the REPAIRED removal, and the application is SYNCED.
 * An objection shows 异议处理中 on the public record until the providing department upholds it (with its reason,
 * told to the applicant), and a correction made through the department's own mutation closes one as CORRECTED.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, initSeed, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

let tdb: TestDatabase;
let hub: Hub;
let restoreClock = fixClock('2026-06-15T02:00:00Z'); // Monday 15 June 2026, 10:00 in Beijing
let tax: Record<string, string>;
let market: Record<string, string>;
let platform: Record<string, string>;
let supervisor: Record<string, string>;
let firmToken: Record<string, string>;
let otherToken: Record<string, string>;
let firm = '';
let other = '';

const PUBLISH = `mutation($input: MajorTaxViolationInput!) { publishMajorTaxViolation(input: $input) { id } }`;
const PROFILE = `query($c: ID!) { subject(code: $c) {
  isMajorTaxViolator
  majorTaxViolations { id objectionPending repairPending repairEligibility { eligible reason from rule } }
} }`;
const CASE_FIELDS = `id kind state queryCode dueOn daysLeft overdue department decisionReason missingMaterials
  files { id purpose mediaType size sha256 } history { from to action by stageDays }`;

const violation = (subjectCode: string, publishedOn: string) => ({
  subjectCode,
  taxpayerName: '杭州鑫达贸易有限公司',
  situation: 'TAX_EVASION',
  mainFacts: '经检查，该单位2024年度采取虚假申报手段少缴增值税325万元。',
  legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条的规定',
  penalty: '追缴税款325万元，并处罚款',
  inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
  authorityCode: makeUscc('11', '330100', '00260001'),
  decisionServedOn: publishedOn,
  publishedOn,
});

async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, headers = {}) {
  const answer = await postGraphQL(hub.gatewayUrl, query, variables, headers);
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data as T;
}
async function refused(query: string, variables: Record<string, unknown>, headers = {}) {
  const answer = await postGraphQL(hub.gatewayUrl, query, variables, headers);
  assert.ok(answer.body.errors?.length, 'refused');
  return answer.body.errors![0]!.extensions as Record<string, unknown>;
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
async function upload(caseId: string, purpose: string, content: Buffer, type: string, headers = firmToken) {
  const url = `${hub.gatewayUrl.replace(/\/graphql$/, '')}/uploads/repair?case=${caseId}&purpose=${purpose}&fileName=${encodeURIComponent(`${purpose}.bin`)}`;
  const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': type }, body: content });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

before(async () => {
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  firm = (await seed.subject()).code;
  other = (await seed.subject()).code;
  hub = await startTestHub(tdb.url, tdb.db, { events: { pollMs: 100, timeEvents: false } });
  tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
  market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
  platform = bearer(await tokenFor({ role: 'officer', department: 'platform', sub: 'xyb-officer' }));
  supervisor = bearer(await tokenFor({ role: 'supervisor' }));
  firmToken = bearer(await tokenFor({ role: 'enterprise', uscc: firm, sub: 'ent-firm' }));
  otherToken = bearer(await tokenFor({ role: 'enterprise', uscc: other, sub: 'ent-other' }));
});

after(async () => {
  await hub.close();
  await tdb.drop();
  restoreClock();
});

describe('信用修复 through the hub', () => {
  let entryId = '';
  let recent = '';
  let caseId = '';
  let queryCode = '';

  it('a listing reaches the window as an event; the public record says whether repair is open and why not', async () => {
    entryId = (
      await gql<{ publishMajorTaxViolation: { id: string } }>(PUBLISH, { input: violation(firm, '2025-04-12') }, tax)
    ).publishMajorTaxViolation.id;
    recent = (
      await gql<{ publishMajorTaxViolation: { id: string } }>(PUBLISH, { input: violation(other, '2026-03-02') }, tax)
    ).publishMajorTaxViolation.id;
    await hub.events!.settle();
    const mine = await gql<{
      subject: { majorTaxViolations: { id: string; repairEligibility: { eligible: boolean } }[] };
    }>(PROFILE, { c: firm });
    assert.deepEqual(
      mine.subject.majorTaxViolations.map((v) => [v.id, v.repairEligibility.eligible]),
      [[entryId, true]],
    );
    const theirs = await gql<{
      subject: {
        majorTaxViolations: { repairEligibility: { eligible: boolean; reason: string; from: string; rule: string } }[];
      };
    }>(PROFILE, { c: other });
    const e = theirs.subject.majorTaxViolations[0]!.repairEligibility;
    assert.equal(e.eligible, false);
    assert.equal(e.from, '2026-09-03');
    assert.match(e.reason, /公布未满6个月，2026-09-03起可申请/);
    assert.match(e.rule, /国家税务总局令第54号/);
  });

  it('only the enterprise itself applies, only for its own and eligible records', async () => {
    const input = {
      recordKind: 'MAJOR_TAX_VIOLATION',
      recordId: entryId,
      statement: '已于2025-09-01缴清税款、滞纳金和罚款。',
    };
    const CREATE = `mutation($input: RepairApplicationInput!) { createRepairApplication(input: $input) { ${CASE_FIELDS} } }`;
    assert.equal((await refused(CREATE, { input })).code, 'FORBIDDEN');
    assert.equal((await refused(CREATE, { input }, tax)).code, 'FORBIDDEN');
    assert.equal((await refused(CREATE, { input }, otherToken)).rule, 'OWN_RECORDS_ONLY');
    const early = await refused(CREATE, { input: { ...input, recordId: recent } }, otherToken);
    assert.deepEqual([early.code, early.rule, early.allowedFrom], ['BAD_USER_INPUT', 'NOT_ELIGIBLE', '2026-09-03']);
    const created = (
      await gql<{
        createRepairApplication: { id: string; state: string; queryCode: string; missingMaterials: string[] };
      }>(CREATE, { input }, firmToken)
    ).createRepairApplication;
    assert.equal(created.state, 'DRAFT');
    assert.deepEqual(created.missingMaterials, ['COMMITMENT', 'PROOF']);
    caseId = created.id;
    queryCode = created.queryCode;
  });

  it('files are checked by content, hashed, refused to others, and needed before submission', async () => {
    const submit = await refused(
      `mutation($id: ID!) { submitRepairCase(id: $id) { state } }`,
      { id: caseId },
      firmToken,
    );
    assert.deepEqual([submit.rule, submit.missing], ['INCOMPLETE', ['COMMITMENT', 'PROOF']]);
    const html = await upload(caseId, 'COMMITMENT', Buffer.from('<html><body>%PDF-</body></html>'), 'application/pdf');
    assert.deepEqual(
      [html.status, (html.body.errors as { extensions: { rule: string } }[])[0]!.extensions.rule],
      [415, 'FILE_TYPE'],
    );
    assert.equal((await upload(caseId, 'COMMITMENT', PDF, 'application/pdf', otherToken)).status, 403);
    assert.equal((await upload(caseId, 'COMMITMENT', PDF, 'text/plain')).status, 415);
    const pdf = await upload(caseId, 'COMMITMENT', PDF, 'application/pdf');
    assert.equal(pdf.status, 201);
    assert.equal(pdf.body.mediaType, 'application/pdf');
    assert.match(String(pdf.body.sha256), /^[0-9a-f]{64}$/);
    // Declared as a PDF, stored as what it is.
    const png = await upload(caseId, 'PROOF', PNG, 'application/pdf');
    assert.equal(png.body.mediaType, 'image/png');
    // Never public: neither the public nor another enterprise reads a file.
    const FILE = `query($id: ID!) { repairFile(id: $id) { contentBase64 } }`;
    assert.equal((await refused(FILE, { id: pdf.body.id })).code, 'FORBIDDEN');
    assert.equal((await gql<{ repairFile: null }>(FILE, { id: pdf.body.id }, otherToken)).repairFile, null);
  });

  it('submitted: the platform’s check has 2 working days; 补正 stops the clock, which resumes past the 端午 holiday', async () => {
    const s = await gql<{ submitRepairCase: { state: string; dueOn: string } }>(
      `mutation($id: ID!) { submitRepairCase(id: $id) { state dueOn } }`,
      { id: caseId },
      firmToken,
    );
    assert.deepEqual(s.submitRepairCase, { state: 'SUBMITTED', dueOn: '2026-06-17' });
    const pending = await gql<{
      subject: { majorTaxViolations: { repairPending: boolean; objectionPending: boolean }[] };
    }>(PROFILE, { c: firm });
    assert.deepEqual(
      pending.subject.majorTaxViolations.map((v) => [v.repairPending, v.objectionPending]),
      [[true, false]],
    );
    // Day 1 (Tue): the platform asks for 补正 — one working day left on the clock.
    restoreClock();
    restoreClock = fixClock('2026-06-16T02:00:00Z');
    const r = await gql<{ returnRepairCase: { state: string; dueOn: string | null; daysLeft: number } }>(
      `mutation($id: ID!) { returnRepairCase(id: $id, reason: "缴款凭证不清晰，请重新上传") { state dueOn daysLeft } }`,
      { id: caseId },
      platform,
    );
    assert.deepEqual(r.returnRepairCase, { state: 'RETURNED', dueOn: null, daysLeft: 1 });
    assert.equal((await upload(caseId, 'PROOF', PDF, 'application/pdf')).status, 201);
    // Thursday 18 June: the applicant hands in the 补正; 19 June is 端午, so the one day left ends on Monday 22 June.
    restoreClock();
    restoreClock = fixClock('2026-06-18T02:00:00Z');
    const back = await gql<{ resubmitRepairCase: { state: string; dueOn: string } }>(
      `mutation($id: ID!) { resubmitRepairCase(id: $id) { state dueOn } }`,
      { id: caseId },
      firmToken,
    );
    assert.deepEqual(back.resubmitRepairCase, { state: 'SUBMITTED', dueOn: '2026-06-22' });
  });

  it('the platform forwards; only the deciding department accepts and approves; the approval is an event', async () => {
    assert.equal(
      (await refused(`mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id: caseId }, tax)).rule,
      'PLATFORM_ONLY',
    );
    await gql(`mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id: caseId }, platform);
    const queue = await gql<{ repairQueue: { id: string; state: string }[] }>(`{ repairQueue { id state } }`, {}, tax);
    assert.deepEqual(queue.repairQueue, [{ id: caseId, state: 'FORWARDED' }]);
    assert.deepEqual((await gql<{ repairQueue: unknown[] }>(`{ repairQueue { id } }`, {}, market)).repairQueue, []);
    assert.equal(
      (await refused(`mutation($id: ID!) { acceptRepairCase(id: $id) { state } }`, { id: caseId }, market)).rule,
      'DEPARTMENT_ONLY',
    );
    const approveEarly = await refused(
      `mutation($id: ID!) { approveRepairCase(id: $id, basis: "x") { state } }`,
      { id: caseId },
      tax,
    );
    assert.deepEqual([approveEarly.code, approveEarly.rule], ['CONFLICT', 'INVALID_TRANSITION']);
    await gql(`mutation($id: ID!) { acceptRepairCase(id: $id) { state } }`, { id: caseId }, tax);
    // The deciding department reads the proof (audited).
    const files = await gql<{ repairCase: { files: { id: string; sha256: string }[] } }>(
      `query($id: ID!) { repairCase(id: $id) { files { id sha256 } } }`,
      { id: caseId },
      tax,
    );
    const read = await gql<{ repairFile: { contentBase64: string; file: { sha256: string } } }>(
      `query($id: ID!) { repairFile(id: $id) { contentBase64 file { sha256 } } }`,
      { id: files.repairCase.files[0]!.id },
      tax,
    );
    assert.equal(Buffer.from(read.repairFile.contentBase64, 'base64').equals(PDF), true);
    const audit = await tdb.db.pool.query(
      `SELECT role, department, detail FROM audit.entry WHERE fields::text LIKE '%Query.repairFile%'`,
    );
    assert.deepEqual(
      audit.rows.map((r) => [r.role, r.department]),
      [['OFFICER', 'tax']],
    );
    assert.match(audit.rows[0].detail, new RegExp(read.repairFile.file.sha256));
    const approved = await gql<{ approveRepairCase: { state: string } }>(
      `mutation($id: ID!) { approveRepairCase(id: $id, basis: "已缴清税款、滞纳金和罚款，公布满六个月") { state } }`,
      { id: caseId },
      tax,
    );
    assert.equal(approved.approveRepairCase.state, 'APPROVED');
    // Nothing in the tax schema was written by the window: the entry is still published until tax consumes the event.
    const entry = await tdb.db.prisma.majorTaxViolation.findUniqueOrThrow({ where: { id: BigInt(entryId) } });
    assert.equal(entry.status, 'PUBLISHED');
    const outbox = await tdb.db.pool.query(`SELECT type, department, payload FROM repair.outbox ORDER BY position`);
    assert.deepEqual(
      outbox.rows.map((r) => [r.type, r.department, r.payload.recordId, r.payload.appliedOn ?? r.payload.outcome]),
      [
        ['repair.approved', 'tax', entryId, '2026-06-15'],
        // The metrics' record of the decision (docs/metrics.md), in the same transaction.
        ['repair.case.closed', 'tax', entryId, 'APPROVED'],
      ],
    );
  });

  it('once the tax department has acted on the event, every reader sees the repair', async () => {
    await hub.events!.settle();
    await hub.events!.settle(); // the department's own removal event, consumed by the window in turn
    const profile = await gql<{ subject: { isMajorTaxViolator: boolean; majorTaxViolations: unknown[] } }>(PROFILE, {
      c: firm,
    });
    assert.deepEqual(profile.subject, { isMajorTaxViolator: false, majorTaxViolations: [] });
    const check = await gql<{ subject: { creditCheck: { action: string; lists: { list: string }[] } } }>(
      `query($c: ID!) { subject(code: $c) { creditCheck(matter: BIDDING) { action lists { list } } } }`,
      { c: firm },
      market,
    );
    assert.equal(
      check.subject.creditCheck.lists.some((l) => l.list === 'MAJOR_TAX_VIOLATOR'),
      false,
    );
    const bus = await tdb.db.pool.query(
      `SELECT source, payload FROM events.event WHERE type = 'list.entry.removed' AND subject_code = $1`,
      [firm],
    );
    assert.deepEqual(
      bus.rows.map((r) => [r.source, r.payload.cause, r.payload.entryId]),
      [['tax', 'REPAIRED', entryId]],
    );
    const entry = await tdb.db.prisma.majorTaxViolation.findUniqueOrThrow({ where: { id: BigInt(entryId) } });
    assert.deepEqual([entry.status, entry.removalGround], ['REMOVED', 'PAID_IN_FULL']);
    // The act keeps the case's 查询码 in a column of its own: how the tax snapshot tells a repair (migration 0081).
    assert.equal(entry.repairQueryCode, queryCode);
    const taxAudit = await tdb.db.pool.query(
      `SELECT role, department, subgraph FROM audit.entry WHERE fields::text LIKE '%removeMajorTaxViolation%'`,
    );
    assert.deepEqual(taxAudit.rows, [{ role: 'SYSTEM', department: 'tax', subgraph: 'tax' }]);
    const mine = await gql<{
      myRepairCases: { id: string; state: string; history: { action: string; by: string }[] }[];
    }>(`{ myRepairCases { id state history { action by } } }`, {}, firmToken);
    assert.equal(mine.myRepairCases[0]!.state, 'SYNCED');
    assert.deepEqual(
      mine.myRepairCases[0]!.history.map((h) => `${h.action}:${h.by}`),
      [
        'CREATE:APPLICANT',
        'SUBMIT:APPLICANT',
        'RETURN:PLATFORM',
        'RESUBMIT:APPLICANT',
        'FORWARD:PLATFORM',
        'ACCEPT:DEPARTMENT',
        'APPROVE:DEPARTMENT',
        'SYNC:SYSTEM',
      ],
    );
    assert.deepEqual(
      (await gql<{ myRepairCases: unknown[] }>(`{ myRepairCases { id } }`, {}, otherToken)).myRepairCases,
      [],
    );
    const progress = await gql<{ repairProgress: { state: string; departmentName: string } }>(
      `query($q: String!) { repairProgress(queryCode: $q) { state departmentName } }`,
      { q: queryCode },
    );
    assert.deepEqual(progress.repairProgress, { state: 'SYNCED', departmentName: '税务局' });
  });

  it('counts for the dashboards: stage days per department, without the 补正 time', async () => {
    const stats = await gql<{
      repairStatistics: Record<string, unknown> & {
        stages: { stage: string; department: string; count: number; averageWorkingDays: number }[];
      };
    }>(
      `{ repairStatistics(from: "2026-06-01", to: "2026-06-30") { applications objections objectionShare approved overdue
          averageRepairWorkingDays stages { kind stage department count averageWorkingDays p90WorkingDays } } }`,
      {},
      supervisor,
    );
    const s = stats.repairStatistics;
    assert.deepEqual([s.applications, s.objections, s.approved, s.overdue], [1, 0, 1, 0]);
    // SUBMITTED: Mon→Tue (1) and Thu→Thu (0); RETURNED (the applicant's time) Tue→Thu: 2.
    const submitted = s.stages.find((x) => x.stage === 'SUBMITTED')!;
    assert.deepEqual([submitted.department, submitted.count, submitted.averageWorkingDays], ['tax', 2, 0.5]);
    assert.equal(s.averageRepairWorkingDays, 1);
    assert.equal(
      (await refused(`{ repairStatistics(from: "2026-06-01", to: "2026-06-30") { applications } }`, {}, tax)).code,
      'FORBIDDEN',
    );
  });
});

describe('异议 through the hub', () => {
  let entryId = '';
  const OBJECT = `mutation($input: ObjectionInput!) { createObjection(input: $input) { id state } }`;

  async function objection(statement: string) {
    const id = (
      await gql<{ createObjection: { id: string } }>(
        OBJECT,
        {
          input: {
            recordKind: 'MAJOR_TAX_VIOLATION',
            recordId: entryId,
            category: 'DIFFERS_FROM_AUTHORITY',
            statement,
          },
        },
        otherToken,
      )
    ).createObjection.id;
    assert.equal((await upload(id, 'COMMITMENT', PDF, 'application/pdf', otherToken)).status, 201);
    assert.equal((await upload(id, 'EVIDENCE', PNG, 'image/png', otherToken)).status, 201);
    await gql(`mutation($id: ID!) { submitRepairCase(id: $id) { state } }`, { id }, otherToken);
    await gql(`mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id }, platform);
    return id;
  }

  before(async () => {
    entryId = (await gql<{ subject: { majorTaxViolations: { id: string }[] } }>(PROFILE, { c: other })).subject
      .majorTaxViolations[0]!.id;
  });

  it('while pending the public record says 异议处理中; the department upholds with a reason the applicant reads', async () => {
    const id = await objection('处罚决定已被复议机关变更，公示内容与认定部门记录不一致');
    const pending = await gql<{ subject: { majorTaxViolations: { objectionPending: boolean }[] } }>(PROFILE, {
      c: other,
    });
    assert.deepEqual(
      pending.subject.majorTaxViolations.map((v) => v.objectionPending),
      [true],
    );
    const forwarded = await gql<{ repairCase: { state: string; dueOn: string } }>(
      `query($id: ID!) { repairCase(id: $id) { state dueOn } }`,
      { id },
      tax,
    );
    // Ten working days for the providing department from Thursday 18 June, past 端午 (19 June).
    assert.deepEqual(forwarded.repairCase, { state: 'FORWARDED', dueOn: '2026-07-03' });
    assert.equal(
      (await refused(`mutation($id: ID!) { upholdObjection(id: $id, reason: "  ") { state } }`, { id }, tax)).field,
      'reason',
    );
    await gql(
      `mutation($id: ID!) { upholdObjection(id: $id, reason: "经核查，公示信息与原决定一致") { state } }`,
      { id },
      tax,
    );
    const after = await gql<{ subject: { majorTaxViolations: { objectionPending: boolean }[] } }>(PROFILE, {
      c: other,
    });
    assert.deepEqual(
      after.subject.majorTaxViolations.map((v) => v.objectionPending),
      [false],
    );
    const told = await gql<{ myRepairCases: { state: string; decisionReason: string }[] }>(
      `{ myRepairCases { state decisionReason } }`,
      {},
      otherToken,
    );
    assert.deepEqual(told.myRepairCases[0], { state: 'UPHELD', decisionReason: '经核查，公示信息与原决定一致' });
  });

  it('a correction through the department’s own mutation propagates; the objection closes CORRECTED', async () => {
    const id = await objection('原处理决定已被撤销');
    await gql(
      `mutation($id: ID!) { removeMajorTaxViolation(id: $id, input: { ground: DECISION_REVOKED, reason: "复议决定撤销原处理决定" }) { status } }`,
      { id: entryId },
      tax,
    );
    await gql(
      `mutation($id: ID!) { correctObjection(id: $id, reason: "原处理决定已撤销，已停止公布") { state } }`,
      { id },
      tax,
    );
    await hub.events!.settle();
    const gone = await gql<{ subject: { majorTaxViolations: unknown[] } }>(PROFILE, { c: other });
    assert.deepEqual(gone.subject.majorTaxViolations, []);
    const told = await gql<{ myRepairCases: { state: string }[] }>(`{ myRepairCases { state } }`, {}, otherToken);
    assert.deepEqual(
      told.myRepairCases.map((c) => c.state),
      ['CORRECTED', 'UPHELD'],
    );
    const events = await tdb.db.pool.query(
      `SELECT payload FROM events.event WHERE type = 'objection.resolved' ORDER BY position`,
    );
    assert.deepEqual(
      events.rows.map((r) => r.payload.outcome),
      ['UPHELD', 'CORRECTED'],
    );
    const stats = await gql<{ repairStatistics: { objections: number; objectionShare: number } }>(
      `{ repairStatistics(from: "2026-06-01", to: "2026-06-30") { objections objectionShare } }`,
      {},
      supervisor,
    );
    assert.deepEqual(stats.repairStatistics, { objections: 2, objectionShare: 2 / 3 });
  });
});
