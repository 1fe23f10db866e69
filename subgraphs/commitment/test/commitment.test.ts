import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixClock, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertConflict,
  assertOk,
  callers,
  createTestDatabase,
  expectForbidden,
  makeIdNumber,
  onDay,
  postAs,
  refusedWrite,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { emitTimeEvents } from '@credit-hub/kit/events';
import { commitmentTimeRules } from '../src/events.ts';
import { startCommitmentSubgraph } from '../src/index.ts';
import { commitmentSeed } from './seed.ts';

// The commitment subgraph in process over real HTTP against a real Postgres clone; the file owns its data. The
// clock stands on 2026-06-01 unless a test moves it (onDay).
let tdb: TestDatabase;
let service: RunningService;
let seed: ReturnType<typeof commitmentSeed>;
let restoreClock: () => void;
let firm: string;
let person: string;
const TABLES = ['commitment.credit_commitment', 'commitment.outbox'];

before(async () => {
  restoreClock = fixClock('2026-06-01');
  tdb = await createTestDatabase();
  seed = commitmentSeed(tdb.db);
  firm = (await seed.subject()).code;
  person = seed.personKey(makeIdNumber('330106', '19800101', '123'));
  service = await startCommitmentSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
  restoreClock();
});

const market = callers.officer('market');
const RECORD = `mutation ($i: CreditCommitmentInput!) { recordCreditCommitment(input: $i) {
  id kind kindLabel matter summary state stateLabel madeOn termEndsOn checkingDepartment { code label }
} }`;
const CHECK = `mutation ($i: CommitmentCheckInput!) { checkCreditCommitment(input: $i) {
  id state stateLabel checkedOn tier publicityEndsOn finding
} }`;
const input = (over: Record<string, unknown> = {}) => ({
  subjectCode: firm,
  kind: 'APPROVAL_NOTIFICATION',
  matter: '食品经营许可',
  content: '本单位承诺在取得许可后三个月内补交经营场所合法使用证明，逾期未补交的，自愿接受撤销许可。',
  signatory: '王建国',
  checkingDepartment: 'market',
  madeOn: '2026-05-20',
  termEndsOn: '2026-08-20',
  ...over,
});
const record = async (over: Record<string, unknown> = {}, who = market) =>
  assertOk(await postAs(service.url, who, RECORD, { i: input(over) }), 'recordCreditCommitment');
const outbox = (id: string) =>
  tdb.db.prisma.$queryRaw<{ type: string; department: string; subject_code: string | null; payload: any }[]>`
    SELECT type, department, subject_code, payload FROM commitment.outbox WHERE payload->>'commitmentId' = ${id}
       OR payload->>'recordId' = ${id} ORDER BY position`;

describe('recordCreditCommitment', () => {
  it('records a commitment of its own department with commitment.made in the outbox, audited', async () => {
    const c = await record();
    assert.deepEqual(
      { ...c, id: undefined },
      {
        id: undefined,
        kind: 'APPROVAL_NOTIFICATION',
        kindLabel: '告知承诺',
        matter: '食品经营许可',
        summary: '本单位承诺在取得许可后三个月内补交经营场所合法使用证明，逾期未补交的，自愿接受撤销许可。',
        state: 'IN_FORCE',
        stateLabel: '履约中',
        madeOn: '2026-05-20',
        termEndsOn: '2026-08-20',
        checkingDepartment: { code: 'market', label: '市场监督管理局' },
      },
    );
    const events = await outbox(c.id);
    assert.deepEqual(
      events.map((e) => [e.type, e.department, e.subject_code, e.payload.termEndsOn, e.payload.kind]),
      [['commitment.made', 'market', firm, '2026-08-20', 'APPROVAL_NOTIFICATION']],
    );
    const audit = await tdb.db.prisma.$queryRaw<{ subject_code: string }[]>`
      SELECT subject_code FROM audit.entry WHERE action = 'WRITE' AND fields LIKE '%recordCreditCommitment%'`;
    assert.ok(audit.some((a) => a.subject_code === firm));
  });

  it('lets the platform record for any department, and a person key as the subject', async () => {
    const c = await record(
      { subjectCode: person, checkingDepartment: 'tax', kind: 'VOLUNTARY' },
      callers.officer('platform'),
    );
    assert.deepEqual([c.kind, c.checkingDepartment.code], ['VOLUNTARY', 'tax']);
    const [made] = await outbox(c.id);
    assert.equal(made!.department, 'platform');
  });

  it('refuses bad input naming the field and the rule, writing nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ subjectCode: '91330106MA2X' }, 'input.subjectCode', 'LENGTH'],
      [{ matter: '  ' }, 'input.matter', 'REQUIRED'],
      [{ content: '承'.repeat(2001) }, 'input.content', 'LENGTH'],
      [{ checkingDepartment: 'police' }, 'input.checkingDepartment', 'DEPARTMENT'],
      [{ checkingDepartment: 'tax' }, 'input.checkingDepartment', 'OWN_DEPARTMENT'],
      [{ kind: 'REPAIR' }, 'input.reference', 'REQUIRED_FOR_REPAIR'],
      [{ madeOn: '2026-06-02' }, 'input.madeOn', 'NOT_IN_FUTURE'],
      [{ termEndsOn: '2026-05-19' }, 'input.termEndsOn', 'NOT_BEFORE_MADE'],
    ];
    for (const [over, field, rule] of cases)
      await refusedWrite(
        tdb.db,
        TABLES,
        () => postAs(service.url, market, RECORD, { i: input(over) }),
        (answer) => assertBadInput(answer, field, rule),
      );
  });

  it('is refused to the public, supervisors and administrators', async () => {
    for (const who of [callers.public, callers.supervisor(), callers.admin()])
      await refusedWrite(
        tdb.db,
        TABLES,
        () => postAs(service.url, who, RECORD, { i: input() }),
        (answer) => void expectForbidden(answer),
      );
  });
});

describe('checkCreditCommitment (践诺核查)', () => {
  it('records KEPT by the checking department with commitment.kept', async () => {
    const c = await record();
    const checked = assertOk(
      await postAs(service.url, market, CHECK, { i: { commitmentId: c.id, outcome: 'KEPT', checkedOn: '2026-05-30' } }),
      'checkCreditCommitment',
    );
    assert.deepEqual(
      [checked.state, checked.stateLabel, checked.checkedOn, checked.tier, checked.publicityEndsOn],
      ['KEPT', '已践诺', '2026-05-30', null, null],
    );
    assert.deepEqual(
      (await outbox(c.id)).map((e) => e.type),
      ['commitment.made', 'commitment.kept'],
    );
  });

  it('makes a broken commitment a published negative record of the checking department', async () => {
    const c = await record();
    const checked = assertOk(
      await postAs(service.url, market, CHECK, {
        i: {
          commitmentId: c.id,
          outcome: 'BROKEN',
          checkedOn: '2026-06-01',
          finding: '逾期未补交场所证明',
          tier: 'GENERAL',
        },
      }),
      'checkCreditCommitment',
    );
    assert.deepEqual(
      [checked.state, checked.stateLabel, checked.tier, checked.publicityEndsOn, checked.finding],
      ['BROKEN', '未践诺', 'GENERAL', '2027-06-01', '逾期未补交场所证明'],
    );
    const events = await outbox(c.id);
    assert.deepEqual(
      events.map((e) => [e.type, e.department]),
      [
        ['commitment.made', 'market'],
        ['commitment.broken', 'market'],
        ['record.published', 'market'],
      ],
    );
    assert.deepEqual(events[2]!.payload, {
      record: 'COMMITMENT_BREACH',
      recordId: c.id,
      publishedOn: '2026-06-01',
      publicityEndsOn: '2027-06-01',
      // 一般: repairable after 3 months of publicity (docs/rules/commitment.md C11).
      repairableFrom: '2026-09-02',
    });
    // Checked once.
    await refusedWrite(
      tdb.db,
      TABLES,
      () => postAs(service.url, market, CHECK, { i: { commitmentId: c.id, outcome: 'KEPT', checkedOn: '2026-06-01' } }),
      (answer) => assertConflict(answer, 'input.commitmentId', 'ALREADY_CHECKED'),
    );
  });

  it('refuses another department, a missing finding or tier, and a tier on KEPT, writing nothing', async () => {
    const c = await record();
    const i = (over: Record<string, unknown>) => ({
      i: { commitmentId: c.id, outcome: 'BROKEN', checkedOn: '2026-06-01', finding: '未履行', tier: 'SEVERE', ...over },
    });
    await refusedWrite(
      tdb.db,
      TABLES,
      () => postAs(service.url, callers.officer('tax'), CHECK, i({})),
      (answer) => void expectForbidden(answer),
    );
    // Even the platform: 践诺 is checked by the department named (谁承诺受理、谁核查).
    await refusedWrite(
      tdb.db,
      TABLES,
      () => postAs(service.url, callers.officer('platform'), CHECK, i({})),
      (answer) => void expectForbidden(answer),
    );
    const bad: [Record<string, unknown>, string, string][] = [
      [{ finding: null }, 'input.finding', 'REQUIRED'],
      [{ tier: null }, 'input.tier', 'REQUIRED_FOR_BROKEN'],
      [{ outcome: 'KEPT' }, 'input.tier', 'ONLY_FOR_BROKEN'],
      [{ checkedOn: '2026-05-19' }, 'input.checkedOn', 'NOT_BEFORE_MADE'],
      [{ checkedOn: '2026-06-02' }, 'input.checkedOn', 'NOT_IN_FUTURE'],
      [{ commitmentId: 'abc' }, 'input.commitmentId', 'FORMAT'],
    ];
    for (const [over, field, rule] of bad)
      await refusedWrite(
        tdb.db,
        TABLES,
        () => postAs(service.url, market, CHECK, i(over)),
        (answer) => assertBadInput(answer, field, rule),
      );
  });
});

const ENTITIES = `query ($r: [_Any!]!, $all: Boolean) {
  _entities(representations: $r) { ... on CreditSubject { code creditCommitments(includeUnpublished: $all) {
    id kind matter summary signatory state stateLabel publicityEndsOn checkingDepartment { label } updatedAt
  } } }
}`;
const commitmentsOf = async (code: string, who = callers.public, all = false) => {
  const answer = await postAs(service.url, who, ENTITIES, { r: [{ __typename: 'CreditSubject', code }], all });
  return assertOk(answer, '_entities')[0].creditCommitments as any[];
};

describe('CreditSubject.creditCommitments (the public 信用承诺 tab)', () => {
  let subject: string;
  let kept: string;
  let general: string;
  let minor: string;
  before(async () => {
    subject = (await seed.subject()).code;
    kept = (await record({ subjectCode: subject, madeOn: '2026-01-10', termEndsOn: '2026-03-31' })).id;
    await postAs(service.url, market, CHECK, { i: { commitmentId: kept, outcome: 'KEPT', checkedOn: '2026-04-01' } });
    general = (await record({ subjectCode: subject, madeOn: '2026-02-10' })).id;
    await postAs(service.url, market, CHECK, {
      i: { commitmentId: general, outcome: 'BROKEN', checkedOn: '2026-05-31', finding: '未补交', tier: 'GENERAL' },
    });
    minor = (await record({ subjectCode: subject, madeOn: '2026-03-10' })).id;
    await postAs(service.url, market, CHECK, {
      i: { commitmentId: minor, outcome: 'BROKEN', checkedOn: '2026-05-31', finding: '迟交一日', tier: 'MINOR' },
    });
  });

  it('shows the public kept and published broken commitments, newest first, with the signatory masked', async () => {
    const list = await commitmentsOf(subject);
    assert.deepEqual(
      list.map((c) => [c.id, c.state, c.stateLabel, c.signatory, c.checkingDepartment.label]),
      [
        [general, 'BROKEN', '未践诺', '王*国', '市场监督管理局'],
        [kept, 'KEPT', '已践诺', '王*国', '市场监督管理局'],
      ],
      'the 轻微 breach is not published',
    );
    assert.ok(list.every((c) => typeof c.updatedAt === 'string'));
  });

  it('keeps the full text and the unpublished ones from the public', async () => {
    const answer = await postAs(service.url, callers.public, ENTITIES.replace('summary', 'summary content'), {
      r: [{ __typename: 'CreditSubject', code: subject }],
    });
    expectForbidden(answer);
    expectForbidden(
      await postAs(service.url, callers.public, ENTITIES, {
        r: [{ __typename: 'CreditSubject', code: subject }],
        all: true,
      }),
    );
  });

  it('unmasks the signatory for an officer with a purpose, audited, and shows the unpublished', async () => {
    const purpose = '告知承诺核查 2026-06';
    const list = await commitmentsOf(subject, callers.officer('market', purpose), true);
    assert.deepEqual(
      list.map((c) => [c.id, c.signatory]),
      [
        [minor, '王建国'],
        [general, '王建国'],
        [kept, '王建国'],
      ],
    );
    const rows = await tdb.db.prisma.$queryRaw<{ subject_code: string; fields: string }[]>`
      SELECT subject_code, fields FROM audit.entry WHERE action = 'READ_PERSONAL' AND purpose = ${purpose}`;
    assert.ok(rows.some((r) => r.subject_code === subject && r.fields.includes('CreditCommitment.signatory')));
  });

  it('publishes the broken one through the last day of its publicity and not the day after', async () => {
    const ids = async () => (await commitmentsOf(subject)).map((c) => c.id);
    assert.ok((await onDay('2027-05-31', ids)).includes(general));
    assert.ok(!(await onDay('2027-06-01', ids)).includes(general));
    assert.ok((await onDay('2027-06-01', ids)).includes(kept), 'a kept commitment stays');
  });

  it('labels an unchecked commitment past its term 待核查', async () => {
    const c = await record({ subjectCode: subject, madeOn: '2026-04-01', termEndsOn: '2026-05-31' });
    const list = await commitmentsOf(subject);
    assert.equal(list.find((x) => x.id === c.id)?.stateLabel, '待核查');
  });

  it('reads the commitments of many subjects in one statement', async () => {
    await seed.commitment.many([{ subjectCode: firm, made: '2026-01-01' }]);
    const codes = [firm, subject, ...Array.from({ length: 20 }, () => seed.uscc())];
    tdb.db.resetStatements();
    const answer = await postAs(service.url, callers.public, ENTITIES, {
      r: codes.map((code) => ({ __typename: 'CreditSubject', code })),
    });
    assert.equal(assertOk<unknown[]>(answer, '_entities').length, codes.length);
    assert.equal(tdb.db.statements(), 1);
  });
});

describe('commitment.breach.publicity-ended (time-made event)', () => {
  it("announces the end of a breach's publicity once, on the day after its last day", async () => {
    const subject = (await seed.subject()).code;
    const c = await record({ subjectCode: subject });
    await postAs(service.url, market, CHECK, {
      i: { commitmentId: c.id, outcome: 'BROKEN', checkedOn: '2026-06-01', finding: '未补交', tier: 'GENERAL' },
    });
    const ended = async () =>
      (await outbox(c.id)).filter((e) => e.type === 'record.publication.ended').map((e) => [e.department, e.payload]);
    await emitTimeEvents(tdb.db.pool, commitmentTimeRules, { today: new Date('2027-06-01') });
    assert.deepEqual(await ended(), [], 'still published on its last day');
    await emitTimeEvents(tdb.db.pool, commitmentTimeRules, { today: new Date('2027-06-02') });
    await emitTimeEvents(tdb.db.pool, commitmentTimeRules, { today: new Date('2027-06-03') });
    assert.deepEqual(await ended(), [
      ['market', { record: 'COMMITMENT_BREACH', recordId: c.id, endedOn: '2027-06-02', cause: 'TERM_ENDED' }],
    ]);
  });
});
