import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaToday, toIsoDate, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertRefused,
  callers,
  createTestDatabase,
  expectForbidden,
  makeUscc,
  postAs,
  refusedWrite,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import { startDisclosureSubgraph } from '../src/index.ts';
import { prismaSql } from '@credit-hub/kit/db';
import { documentPersonKey } from '../src/intake/rules.ts';
import { ingestRows } from '../src/intake/writes.ts';
import { deadlineOf } from '../src/quality/rules.ts';
import { MARKET_AUTHORITY, penaltyRow, PERSON_ID, TAX_AUTHORITY } from './seed.ts';

let tdb: TestDatabase;
let service: RunningService;
const market = callers.officer('market');
const tax = callers.officer('tax');
const supervisor = callers.supervisor();

const day = (offset: number) => {
  const d = chinaToday();
  d.setUTCDate(d.getUTCDate() + offset);
  return toIsoDate(d)!;
};
const call = (who: Identity, q: string, v: Record<string, unknown> = {}) => postAs(service.url, who, q, v);
const data = (r: Awaited<ReturnType<typeof call>>) => {
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data as any;
};
/** Every table a 双公示 write touches: a refused write must leave them (and the audit trail) as they were. */
const TABLES = [
  'disclosure.penalty',
  'disclosure.licence',
  'disclosure.revision',
  'disclosure.quarantine',
  'disclosure.submission',
  'disclosure.declared_decision',
  'disclosure.authority',
];

const SUBMIT = `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) {
  submissionId received accepted updated unchanged quarantined recordIds rejected { rowNumber reasons { field rule message } } } }`;
const SUBMIT_LICENCES = `mutation($rows: [LicenceInput!]!) { submitLicences(rows: $rows) { accepted quarantined } }`;

/** A GraphQL PenaltyInput (English names) for a subject. */
const input = (o: Record<string, unknown> = {}) => ({
  subjectName: '杭州示例科技有限公司',
  subjectCategory: 'LEGAL_ENTITY',
  uscc: makeUscc('91', '330106', 'MA2B3C4D'),
  documentNumber: `DOC-${Math.random().toString(36).slice(2)}`,
  violationType: '销售不合格产品',
  facts: '经查，当事人销售不合格产品。',
  legalBasis: '《中华人民共和国产品质量法》第四十九条',
  penaltyTypes: ['FINE'],
  content: '罚款人民币2万元',
  fineAmount: '2',
  decidedOn: day(-30),
  validUntil: day(300),
  authorityName: MARKET_AUTHORITY.name,
  authorityCode: MARKET_AUTHORITY.code,
  sourceName: MARKET_AUTHORITY.name,
  sourceCode: MARKET_AUTHORITY.code,
  ...o,
});

/** The person-key secret this file's subgraph is configured with (its env module's PERSON_KEY_SECRET). */
const PERSON_KEY_SECRET = 'disclosure-test-person-key-0123456789';

before(async () => {
  tdb = await createTestDatabase();
  service = await startDisclosureSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { personKeySecret: PERSON_KEY_SECRET },
  });
});
after(async () => {
  await service.close();
  await tdb.drop();
});

describe('submissions and authorization', () => {
  it('accepts a department officer’s rows, quarantines another department’s authority, and reconciles', async () => {
    const doc = 'AUTH-1';
    const r = data(
      await call(market, SUBMIT, {
        rows: [input({ documentNumber: doc }), input({ authorityCode: TAX_AUTHORITY.code, documentNumber: 'AUTH-2' })],
      }),
    ).submitPenalties;
    assert.deepEqual([r.received, r.accepted, r.updated, r.quarantined], [2, 1, 0, 1]);
    assert.equal(r.rejected[0].reasons[0].rule, 'AUTHORITY_DEPARTMENT');
    assert.match(r.rejected[0].reasons[0].message, /CF_CFJGDM 处罚机关统一社会信用代码/);
    const again = data(await call(market, SUBMIT, { rows: [input({ documentNumber: doc })] })).submitPenalties;
    assert.deepEqual([again.accepted, again.updated], [0, 1]);
    const sub = data(
      await call(market, `query($id: ID!) { submission(id: $id) { received accepted quarantined reconciled } }`, {
        id: r.submissionId,
      }),
    ).submission;
    assert.deepEqual(sub, { received: 2, accepted: 1, quarantined: 1, reconciled: true });
  });

  it('refuses the public and supervisors as writers; tax cannot submit for a market authority', async () => {
    for (const who of [callers.public, supervisor])
      await refusedWrite(
        tdb.db,
        TABLES,
        () => call(who, SUBMIT, { rows: [input()] }),
        (answer) => expectForbidden(answer),
      );
    const r = data(await call(tax, SUBMIT, { rows: [input({ documentNumber: 'TAX-1' })] })).submitPenalties;
    assert.equal(r.quarantined, 1);
    assert.equal(r.rejected[0].reasons[0].rule, 'AUTHORITY_DEPARTMENT');
  });

  it('shows a department only its own quarantine, a supervisor all; a correction is accepted and linked', async () => {
    const Q = `query($d: String) { quarantine(department: $d, first: 100) { nodes { id department status reasons { rule } } } }`;
    const mine = data(await call(market, Q)).quarantine.nodes;
    assert.ok(mine.length > 0 && mine.every((n: any) => n.department === 'market'));
    expectForbidden(await call(tax, Q, { d: 'market' }));
    const all = data(await call(supervisor, Q)).quarantine.nodes;
    assert.ok(all.some((n: any) => n.department === 'tax') && all.some((n: any) => n.department === 'market'));

    const bad = data(
      await call(market, SUBMIT, { rows: [input({ documentNumber: 'FIX-1', fineAmount: '-5', subjectName: '' })] }),
    ).submitPenalties;
    assert.equal(bad.rejected[0].reasons.length, 2);
    const entry = data(await call(market, Q)).quarantine.nodes.find((n: any) =>
      n.reasons.some((x: any) => x.rule === 'NEGATIVE'),
    );
    const RESUBMIT = `mutation($id: ID!, $p: PenaltyInput) { resubmitQuarantined(id: $id, penalty: $p) { accepted quarantined recordIds } }`;
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(tax, RESUBMIT, { id: entry.id, p: input() }),
      (answer) => assertRefused(answer, { code: 'NOT_FOUND' }),
    );
    const fixed = data(
      await call(market, RESUBMIT, { id: entry.id, p: input({ documentNumber: 'FIX-1' }) }),
    ).resubmitQuarantined;
    assert.deepEqual([fixed.accepted, fixed.quarantined], [1, 0]);
    const [q] = await tdb.db.prisma.$queryRawUnsafe<{ status: string; record_id: bigint }[]>(
      `SELECT status::text, record_id FROM disclosure.quarantine WHERE id = ${entry.id}`,
    );
    assert.deepEqual([q!.status, q!.record_id.toString()], ['RESUBMITTED', fixed.recordIds[0]]);
  });
});

describe('数据更新时间 (updatedAt)', () => {
  const subject = makeUscc('91', '330106', 'UPD12345');
  const READ = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) { ... on CreditSubject {
    administrativePenalties { documentNumber facts updatedAt } } } }`;
  const read = async () =>
    data(await call(callers.public, READ, { c: subject }))._entities[0].administrativePenalties[0];

  it('moves when the record changes, not when an identical row is sent again', async () => {
    const row = input({ uscc: subject, documentNumber: 'UPD-1' });
    assert.equal(data(await call(market, SUBMIT, { rows: [row] })).submitPenalties.accepted, 1);
    const first = await read();
    assert.match(first.updatedAt, /^\d{4}-\d{2}-\d{2}T/);
    const same = data(await call(market, SUBMIT, { rows: [row] })).submitPenalties;
    assert.equal(same.unchanged, 1);
    assert.equal((await read()).updatedAt, first.updatedAt, 'a resubmission that changes nothing is no update');
    const corrected = data(
      await call(market, SUBMIT, { rows: [{ ...row, facts: '经查，当事人销售不合格产品（更正）。' }] }),
    );
    assert.equal(corrected.submitPenalties.updated, 1);
    const after = await read();
    assert.equal(after.facts, '经查，当事人销售不合格产品（更正）。');
    assert.ok(Date.parse(after.updatedAt) > Date.parse(first.updatedAt), 'a corrected record has a later 数据更新时间');
  });
});

describe('publicity and personal data', () => {
  const subject = makeUscc('91', '330106', 'PUB12345');
  const P = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) { ... on CreditSubject {
    administrativePenalties { documentNumber tier isPublished } publishedPenaltyCount severePenaltyCount
    administrativeLicences { documentNumber } } } }`;

  it('shows the public penalties inside publicity only (公示截止期, tier maximum, repair) and valid licences', async () => {
    const rows = [
      input({ uscc: subject, documentNumber: 'IN' }),
      input({ uscc: subject, documentNumber: 'DEADLINE', decidedOn: day(-400), publicityDeadline: day(-10) }),
      input({
        uscc: subject,
        documentNumber: 'MINOR',
        decidedOn: day(-100),
        penaltyTypes: ['WARNING'],
        fineAmount: null,
      }),
      input({ uscc: subject, documentNumber: 'SEVERE', penaltyTypes: ['CLOSURE'] }),
      // Repairable: decided more than 3 months (the 一般 minimum) ago.
      input({ uscc: subject, documentNumber: 'REPAIRED', decidedOn: day(-100) }),
    ];
    const r = data(await call(market, SUBMIT, { rows })).submitPenalties;
    assert.equal(r.accepted, 5);
    const REPAIR = `mutation($id: ID!, $on: Date!) { repairPenalty(id: $id, repairedOn: $on, reason: "已履行义务并作出信用承诺") { isPublished repairedOn } }`;
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(tax, REPAIR, { id: r.recordIds[4], on: day(0) }),
      (answer) => expectForbidden(answer),
    );
    assert.deepEqual(data(await call(market, REPAIR, { id: r.recordIds[4], on: day(0) })).repairPenalty, {
      isPublished: false,
      repairedOn: day(0),
    });
    data(
      await call(market, SUBMIT_LICENCES, {
        rows: [
          { ...licence(subject, 'LIC-OK') },
          { ...licence(subject, 'LIC-INVALID'), status: 'INVALID' },
          { ...licence(subject, 'LIC-EXPIRED'), validUntil: day(-1), validFrom: day(-200), decidedOn: day(-200) },
        ],
      }),
    );
    const seen = data(await call(callers.public, P, { c: subject }))._entities[0];
    assert.deepEqual(seen.administrativePenalties.map((p: any) => p.documentNumber).sort(), ['IN', 'SEVERE']);
    assert.equal(seen.publishedPenaltyCount, 2);
    assert.equal(seen.severePenaltyCount, 1);
    assert.deepEqual(seen.administrativeLicences, [{ documentNumber: 'LIC-OK' }]);
    const ALL = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) { ... on CreditSubject {
      administrativePenalties(includeExpired: true) { documentNumber } } } }`;
    expectForbidden(await call(callers.public, ALL, { c: subject }));
    assert.equal(data(await call(tax, ALL, { c: subject }))._entities[0].administrativePenalties.length, 5);
  });

  it('counts every matching penalty and licence in totalCount, the same on every page, as each caller may see them', async () => {
    const LIST = `query($a: String, $after: String, $first: Int, $all: Boolean) {
      penalties(authorityCode: $a, first: $first, after: $after, includeExpired: $all) {
        totalCount nodes { documentNumber } pageInfo { endCursor hasNextPage } }
      licences(authorityCode: $a, first: 100, includeExpired: $all) { totalCount nodes { documentNumber } } }`;
    for (const [who, all] of [
      [callers.public, false],
      [tax, true],
    ] as const) {
      const full = data(await call(who, LIST, { a: MARKET_AUTHORITY.code, first: 100, all }));
      const published = full.penalties.nodes.length;
      assert.ok(published >= 2, 'the penalties of the test above are listed');
      assert.equal(full.penalties.totalCount, published);
      assert.equal(full.licences.totalCount, full.licences.nodes.length);
      const first = data(await call(who, LIST, { a: MARKET_AUTHORITY.code, first: 1, all })).penalties;
      assert.equal(first.totalCount, published, 'the total is every match, not the page');
      assert.equal(first.nodes.length, 1);
      const second = data(
        await call(who, LIST, { a: MARKET_AUTHORITY.code, first: 1, after: first.pageInfo.endCursor, all }),
      ).penalties;
      assert.equal(second.totalCount, published, 'the total does not shrink after the cursor');
    }
    const publicTotal = data(await call(callers.public, LIST, { a: MARKET_AUTHORITY.code, first: 1 })).penalties
      .totalCount;
    const taxTotal = data(await call(tax, LIST, { a: MARKET_AUTHORITY.code, first: 1, all: true })).penalties
      .totalCount;
    assert.ok(taxTotal >= publicTotal + 3, 'expired, minor and repaired penalties are counted only for SHARED callers');
  });

  it('masks natural persons for the public; full for an officer with a purpose, audited', async () => {
    const person = input({
      subjectCategory: 'NATURAL_PERSON',
      uscc: null,
      subjectName: '王小明',
      subjectIdType: 'ID_CARD',
      subjectIdNumber: PERSON_ID,
      documentNumber: 'PERSON-1',
    });
    data(await call(market, SUBMIT, { rows: [person] }));
    const key = documentPersonKey(PERSON_KEY_SECRET)(PERSON_ID);
    const Q = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) { ... on CreditSubject {
      administrativePenalties { subjectName subjectIdNumber subject { code } } } } }`;
    const pub = data(await call(callers.public, Q, { c: key }))._entities[0].administrativePenalties[0];
    assert.notEqual(pub.subjectName, '王小明');
    assert.notEqual(pub.subjectIdNumber, PERSON_ID);
    assert.equal(pub.subject.code, key);
    const full = data(await call(callers.officer('tax', '税务稽查 2025-001'), Q, { c: key }))._entities[0]
      .administrativePenalties[0];
    assert.deepEqual([full.subjectName, full.subjectIdNumber], ['王小明', PERSON_ID]);
    const audit = await tdb.db.prisma.$queryRawUnsafe<{ fields: string[] }[]>(
      `SELECT fields FROM audit.entry WHERE action = 'READ_PERSONAL' AND subject_code = '${key}'`,
    );
    assert.ok(audit.some((a) => a.fields.includes('AdministrativePenalty.subjectIdNumber')));
  });

  it('costs the same statements for 2 or 20 subjects', async () => {
    const codes = Array.from({ length: 20 }, (_, i) => makeUscc('91', '330106', `CT${String(i).padStart(6, '0')}`));
    data(await call(market, SUBMIT, { rows: codes.map((c) => input({ uscc: c })) }));
    const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject {
      administrativePenalties { id } administrativeLicences { id } publishedPenaltyCount isHighFrequencyOffender } } }`;
    const count = async (n: number) => {
      tdb.db.resetStatements();
      data(
        await call(callers.public, Q, { r: codes.slice(0, n).map((c) => ({ __typename: 'CreditSubject', code: c })) }),
      );
      return tdb.db.statements();
    };
    assert.equal(await count(2), await count(20));
  });
});

function licence(uscc: string, doc: string) {
  return {
    subjectName: '杭州示例科技有限公司',
    subjectCategory: 'LEGAL_ENTITY',
    uscc,
    documentName: '食品经营许可决定书',
    documentNumber: doc,
    category: 'GENERAL',
    content: '预包装食品销售',
    decidedOn: day(-10),
    validFrom: day(-10),
    validUntil: '2099-12-31',
    authorityName: MARKET_AUTHORITY.name,
    authorityCode: MARKET_AUTHORITY.code,
    status: 'VALID',
    sourceName: MARKET_AUTHORITY.name,
    sourceCode: MARKET_AUTHORITY.code,
  };
}

describe('high-frequency offenders', () => {
  it('lists subjects with ≥5 published penalties within 3 years, for supervisors', async () => {
    const often = makeUscc('91', '330106', 'HF000001');
    const four = makeUscc('91', '330106', 'HF000002');
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => input({ uscc: often, documentNumber: `HF-A-${i}` })),
      ...Array.from({ length: 4 }, (_, i) => input({ uscc: four, documentNumber: `HF-B-${i}` })),
    ];
    data(await call(market, SUBMIT, { rows }));
    const Q = `{ highFrequencyOffenders(first: 50) { nodes { subject { code } penaltyCount } } }`;
    expectForbidden(await call(market, Q));
    const nodes = data(await call(supervisor, Q)).highFrequencyOffenders.nodes;
    assert.deepEqual(
      nodes.filter((n: any) => [often, four].includes(n.subject.code)),
      [{ subject: { code: often }, penaltyCount: 5 }],
    );
    const E = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CreditSubject { isHighFrequencyOffender } } }`;
    const flags = data(
      await call(callers.public, E, {
        r: [often, four].map((c) => ({ __typename: 'CreditSubject', code: c })),
      }),
    )._entities;
    assert.deepEqual(flags, [{ isHighFrequencyOffender: true }, { isHighFrequencyOffender: false }]);
  });
});

describe('quality metrics on a known data set', () => {
  it('computes 上报率, 合规率 and 及时率 across the National Day holiday and its 调休', async () => {
    // 2025-09-30 + 7 working days: 10-01…10-08 are holidays, Saturday 10-11 is a 调休 working day.
    assert.equal(deadlineOf('2025-09-30'), '2025-10-16');
    const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`);
    const ingest = (sub: string, raw: Record<string, unknown>, when: string) =>
      tdb.db.prisma.$transaction((tx) =>
        ingestRows(
          prismaSql(tx),
          {
            kind: 'CF',
            rows: [{ rowNumber: 1, raw }],
            submitter: { department: 'emergency', subject: 'test', channel: 'GRAPHQL' },
            submissionId: sub,
            today: '2025-10-31',
            receivedAt: at(when),
          },
          { personKeySecret: PERSON_KEY_SECRET },
        ),
      );
    const authority = (await tdb.db.prisma.authority.findFirst({ where: { department: 'emergency' } }))!;
    const row = (doc: string, o: Record<string, unknown> = {}) =>
      penaltyRow({ CF_WSH: doc, CF_JDRQ: '2025-09-30', CF_CFJG: authority.name, CF_CFJGDM: authority.code, ...o });
    const DECLARE = `mutation($d: [DeclaredDecisionInput!]!) { declareDecisions(decisions: $d) { declared alreadyDeclared } }`;
    const d = (doc: string) => ({
      kind: 'CF',
      authorityCode: authority.code,
      documentNumber: doc,
      decidedOn: '2025-09-30',
    });
    const emergency = callers.officer('emergency');
    assert.deepEqual(data(await call(emergency, DECLARE, { d: [d('M-1'), d('M-2'), d('M-3')] })).declareDecisions, {
      declared: 3,
      alreadyDeclared: 0,
    });
    await refusedWrite(
      tdb.db,
      TABLES,
      () => call(market, DECLARE, { d: [d('M-9')] }),
      (answer) => assertBadInput(answer, 'decisions[0].authorityCode', 'AUTHORITY_DEPARTMENT'),
    );
    await ingest('m-1', row('M-1'), '2025-10-16'); // on the deadline: timely, compliant
    await ingest('m-2', row('M-2'), '2025-10-17'); // a day late, compliant
    // M-3 declared, never received. M-4 not declared: first quarantined (timely), corrected later.
    await ingest('m-4a', row('M-4', { CF_NR_FK: '-1' }), '2025-10-09');
    await ingest('m-4b', row('M-4'), '2025-10-20');
    const Q = `query($d: String) { disclosureQuality(period: MONTH, from: "2025-09-01", to: "2025-10-31", department: $d) {
      department period due reported compliant timely reportingRate complianceRate timelinessRate } }`;
    const [quality] = data(await call(emergency, Q)).disclosureQuality;
    assert.deepEqual(quality, {
      department: 'emergency',
      period: '2025-09',
      due: 4,
      reported: 3,
      compliant: 2,
      timely: 2,
      reportingRate: 0.75,
      complianceRate: 2 / 3,
      timelinessRate: 2 / 3,
    });
    expectForbidden(await call(market, Q, { d: 'emergency' }));
    const LATE = `{ lateDisclosures(from: "2025-09-01", to: "2025-10-31", department: "emergency") { documentNumber deadline workingDaysLate } }`;
    const late = data(await call(supervisor, LATE)).lateDisclosures;
    assert.deepEqual(
      late.map((l: any) => l.documentNumber),
      ['M-2', 'M-3'],
    );
    assert.deepEqual([late[0].deadline, late[0].workingDaysLate], ['2025-10-16', 1]);
    const NC = `{ nonCompliantDisclosures(from: "2025-09-01", to: "2025-10-31", department: "emergency") { documentNumber } }`;
    assert.deepEqual(data(await call(supervisor, NC)).nonCompliantDisclosures, [{ documentNumber: 'M-4' }]);
    const RANK = `{ disclosureRanking(from: "2025-09-01", to: "2025-10-31") { rank score quality { department } } }`;
    expectForbidden(await call(emergency, RANK));
    const ranking = data(await call(supervisor, RANK)).disclosureRanking;
    assert.ok(ranking.some((r: any) => r.quality.department === 'emergency'));
  });
});

describe('revisions', () => {
  it('lists every changed version of a record, per kind, one statement per kind for a page of records', async () => {
    const holder = makeUscc('91', '330106', 'RE000001');
    const doc = `REV-${Math.random().toString(36).slice(2)}`;
    const first = input({ uscc: holder, documentNumber: doc });
    assert.equal(data(await call(market, SUBMIT, { rows: [first] })).submitPenalties.accepted, 1);
    assert.equal(data(await call(market, SUBMIT, { rows: [first] })).submitPenalties.unchanged, 1, 'no new revision');
    assert.equal(
      data(await call(market, SUBMIT, { rows: [{ ...first, content: '罚款人民币3万元', fineAmount: '3' }] }))
        .submitPenalties.updated,
      1,
    );
    assert.equal(
      data(await call(market, SUBMIT_LICENCES, { rows: [licence(holder, `${doc}-L`), licence(holder, `${doc}-M`)] }))
        .submitLicences.accepted,
      2,
    );
    const q = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) {
      ... on CreditSubject { administrativePenalties { documentNumber revisions { rowNumber channel department } }
      administrativeLicences { documentNumber revisions { channel } } } } }`;
    const before = tdb.db.statements();
    const seen = data(await call(supervisor, q, { c: holder }))._entities[0];
    const statements = tdb.db.statements() - before;
    assert.deepEqual(seen.administrativePenalties, [
      {
        documentNumber: doc,
        revisions: [
          { rowNumber: 1, channel: 'GRAPHQL', department: 'market' },
          { rowNumber: 1, channel: 'GRAPHQL', department: 'market' },
        ],
      },
    ]);
    assert.deepEqual(seen.administrativeLicences.map((l: any) => [l.documentNumber, l.revisions.length]).sort(), [
      [`${doc}-L`, 1],
      [`${doc}-M`, 1],
    ]);
    // A subject with fewer records costs the same: one statement per loader, whatever the number of records.
    const other = makeUscc('91', '330106', 'RE000002');
    await call(market, SUBMIT, { rows: [input({ uscc: other })] });
    await call(market, SUBMIT_LICENCES, { rows: [licence(other, `${doc}-N`)] });
    const start = tdb.db.statements();
    data(await call(supervisor, q, { c: other }));
    assert.equal(tdb.db.statements() - start, statements);
    const anonymous = await call(callers.public, q, { c: holder });
    expectForbidden(anonymous);
    assert.deepEqual(
      (anonymous.body.data as any)._entities[0],
      { administrativePenalties: null, administrativeLicences: null },
      'revisions are SHARED: the public gets no record with them',
    );
  });
});
