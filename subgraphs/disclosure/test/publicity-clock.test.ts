import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { fixClock, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  callers,
  createTestDatabase,
  makeUscc,
  postAs,
  refusedWrite,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from '@credit-hub/kit/testing';
import pg from 'pg';
import { startDisclosureSubgraph } from '../src/index.ts';
import { PUBLICITY_RULES, rulesFingerprint } from '../src/rules.ts';
import { ensurePublicityRules } from '../src/jobs.ts';
import { MARKET_AUTHORITY } from './seed.ts';

// The 双公示 subgraph in-process with the one clock moved across every publicity boundary: the public reads
// (a subject's penalties and counts, the penalty list, the high-frequency offenders) and repair answer "as of
// today", on the day before, of and after each minimum and maximum, with no job run in between.
let tdb: TestDatabase;
let service: RunningService;
let restore: (() => void) | null = null;
const market = callers.officer('market');
const supervisor = callers.supervisor();

const at = (day: string) => {
  restore?.();
  restore = fixClock(day);
};
const call = (who: Identity, q: string, v: Record<string, unknown> = {}) => postAs(service.url, who, q, v);
const data = (r: Awaited<ReturnType<typeof call>>) => {
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data as any;
};

const SUBJECT = makeUscc('91', '330106', 'CLK00001');
const OFTEN = makeUscc('91', '330106', 'CLK00002');
const DECIDED = '2026-05-01';
const input = (documentNumber: string, o: Record<string, unknown> = {}) => ({
  subjectName: '杭州时钟科技有限公司',
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
  validUntil: '2027-05-01',
  authorityName: MARKET_AUTHORITY.name,
  authorityCode: MARKET_AUTHORITY.code,
  sourceName: MARKET_AUTHORITY.name,
  sourceCode: MARKET_AUTHORITY.code,
  ...o,
});
const SUBMIT = `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) {
  accepted quarantined recordIds rejected { rowNumber reasons { field rule message } } } }`;
const SUBJECT_VIEW = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) {
  ... on CreditSubject { administrativePenalties { documentNumber isPublished } publishedPenaltyCount severePenaltyCount
  isHighFrequencyOffender } } }`;
const LIST = `query($a: String) { penalties(authorityCode: $a, first: 100) { nodes { documentNumber } } }`;
const REPAIR = `mutation($id: ID!, $on: Date!, $applied: Date) {
  repairPenalty(id: $id, repairedOn: $on, appliedOn: $applied, reason: "已纠正失信行为、履行义务并作出信用承诺") {
  repairedOn repairAppliedOn isPublished } }`;

let ids: Record<string, string> = {};

/** What the public sees of SUBJECT on `day`: document numbers of its published penalties (sorted) and the counts. */
async function publicView(day: string) {
  at(day);
  const subject = data(await call(callers.public, SUBJECT_VIEW, { c: SUBJECT }))._entities[0];
  const listed = data(await call(callers.public, LIST, { a: MARKET_AUTHORITY.code }))
    .penalties.nodes.map((n: any) => n.documentNumber)
    .filter((d: string) => d.startsWith('CLK-') && !d.startsWith('CLK-HF'))
    .sort();
  const own = subject.administrativePenalties.map((p: any) => p.documentNumber).sort();
  assert.deepEqual(listed, own, 'the list and the subject tab apply the same rule');
  assert.ok(subject.administrativePenalties.every((p: any) => p.isPublished));
  return { published: own, count: subject.publishedPenaltyCount, severe: subject.severePenaltyCount };
}

before(async () => {
  tdb = await createTestDatabase();
  service = await startDisclosureSubgraph({
    db: tdb.db,
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    config: { personKeySecret: 'publicity-test-person-key-0123456789' },
  });
  at('2026-05-03');
  const r = data(
    await call(market, SUBMIT, {
      rows: [
        input('CLK-GENERAL'),
        input('CLK-SEVERE', { penaltyTypes: ['FINE', 'LICENCE_REVOCATION'], validUntil: '2029-05-01' }),
        input('CLK-MINOR', { penaltyTypes: ['WARNING'], fineAmount: null, content: '警告' }),
        input('CLK-MINOR-PUBLISHED', {
          penaltyTypes: ['WARNING'],
          fineAmount: null,
          content: '警告',
          publicityDeadline: '2026-08-01',
        }),
        input('CLK-REPORTED', { reportedTier: 'SEVERE', publicityDeadline: '2027-05-01' }),
        input('CLK-TOO-LONG', { publicityDeadline: '2099-12-31' }),
        input('CLK-TOO-SHORT', { publicityDeadline: '2026-07-31' }),
      ],
    }),
  ).submitPenalties;
  assert.deepEqual([r.accepted, r.quarantined], [5, 2]);
  ids = {
    GENERAL: r.recordIds[0],
    SEVERE: r.recordIds[1],
    MINOR: r.recordIds[2],
    MINOR_PUBLISHED: r.recordIds[3],
    REPORTED: r.recordIds[4],
  };
  assert.deepEqual([r.recordIds[5], r.recordIds[6]], [null, null], 'out-of-bounds rows are not stored as records');
});

afterEach(() => {
  restore?.();
  restore = null;
});

after(async () => {
  await service.close();
  await tdb.drop();
});

describe('a 公示截止期 outside the tier’s bounds', () => {
  it('is quarantined with its reason, never stored as a record or silently capped', async () => {
    const rows = await tdb.db.prisma.quarantine.findMany({ where: { documentNumber: { startsWith: 'CLK-TOO' } } });
    const reasons = Object.fromEntries(
      rows.map((q) => [q.documentNumber, (q.reasons as { field: string; rule: string; message: string }[])[0]!]),
    );
    assert.deepEqual(
      [reasons['CLK-TOO-LONG']!.field, reasons['CLK-TOO-LONG']!.rule],
      ['CF_GSJZQ', 'ABOVE_MAXIMUM_PUBLICITY'],
    );
    assert.match(reasons['CLK-TOO-LONG']!.message, /国家发展改革委令第36号.*the latest 公示截止期 is 2027-05-01/);
    assert.deepEqual(
      [reasons['CLK-TOO-SHORT']!.field, reasons['CLK-TOO-SHORT']!.rule],
      ['CF_GSJZQ', 'BELOW_MINIMUM_PUBLICITY'],
    );
    assert.match(reasons['CLK-TOO-SHORT']!.message, /the earliest 公示截止期 is 2026-08-01/);
    assert.equal(await tdb.db.prisma.penalty.count({ where: { documentNumber: { startsWith: 'CLK-TOO' } } }), 0);
  });

  it('is stored with the tier the authority reported, and its source', async () => {
    const row = await tdb.db.prisma.penalty.findUniqueOrThrow({ where: { id: BigInt(ids.REPORTED!) } });
    assert.deepEqual([row.tier, row.tierSource, row.reportedTier], ['SEVERE', 'REPORTED', 'SEVERE']);
  });
});

describe('publicity as of today', () => {
  it('publishes a 轻微 penalty only when the department set a 公示截止期, and only until then', async () => {
    assert.deepEqual((await publicView('2026-07-31')).published, [
      'CLK-GENERAL',
      'CLK-MINOR-PUBLISHED',
      'CLK-REPORTED',
      'CLK-SEVERE',
    ]);
    assert.ok((await publicView('2026-08-01')).published.includes('CLK-MINOR-PUBLISHED'));
    const after = await publicView('2026-08-02');
    assert.deepEqual(after.published, ['CLK-GENERAL', 'CLK-REPORTED', 'CLK-SEVERE']);
    assert.deepEqual([after.count, after.severe], [3, 2]);
  });

  it('stops a 一般 penalty after 1 year, on the day, with no job run', async () => {
    assert.ok((await publicView('2027-04-30')).published.includes('CLK-GENERAL'));
    const onTheDay = await publicView('2027-05-01');
    assert.ok(onTheDay.published.includes('CLK-GENERAL'));
    const next = await publicView('2027-05-02');
    assert.deepEqual(next.published, ['CLK-SEVERE']);
    assert.deepEqual([next.count, next.severe], [1, 1]);
  });

  it('stops a 严重 penalty after 3 years', async () => {
    assert.deepEqual((await publicView('2029-04-30')).published, ['CLK-SEVERE']);
    assert.deepEqual((await publicView('2029-05-01')).published, ['CLK-SEVERE']);
    const gone = await publicView('2029-05-02');
    assert.deepEqual([gone.published, gone.count, gone.severe], [[], 0, 0]);
  });

  it('keeps the government view of every record (includeExpired), whatever today is', async () => {
    at('2029-05-02');
    const Q = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) {
      ... on CreditSubject { administrativePenalties(includeExpired: true) { documentNumber isPublished publicityEndsOn } } } }`;
    const all = data(await call(callers.officer('tax'), Q, { c: SUBJECT }))._entities[0].administrativePenalties;
    assert.equal(all.length, 5);
    assert.deepEqual(
      all.find((p: any) => p.documentNumber === 'CLK-MINOR'),
      {
        documentNumber: 'CLK-MINOR',
        isPublished: false,
        publicityEndsOn: null,
      },
    );
  });
});

describe('信用修复 before and after the minimum publicity', () => {
  it('refuses repair of a 一般 penalty on the last day of its 3-month minimum, naming the first allowed day', async () => {
    at('2026-08-01');
    await refusedWrite(
      tdb.db,
      ['disclosure.penalty', 'disclosure.revision'],
      () => call(market, REPAIR, { id: ids.GENERAL, on: '2026-08-01' }),
      (refused) => {
        assertBadInput(refused, 'repairedOn', 'BEFORE_MINIMUM_PUBLICITY');
        const error = refused.body.errors![0]!;
        assert.equal(error.extensions?.allowedFrom, '2026-08-02');
        assert.match(error.message, /repair may be applied for from 2026-08-02/);
      },
    );
  });

  it('refuses an application made before the minimum even when the repair is decided later', async () => {
    at('2026-09-01');
    await refusedWrite(
      tdb.db,
      ['disclosure.penalty', 'disclosure.revision'],
      () => call(market, REPAIR, { id: ids.SEVERE, on: '2026-09-01', applied: '2026-08-20' }),
      (refused) => {
        assertBadInput(refused, 'appliedOn', 'BEFORE_MINIMUM_PUBLICITY');
        assert.equal(refused.body.errors![0]!.extensions?.allowedFrom, '2027-05-02');
      },
    );
  });

  it('repairs on the first allowed day and the next; the public stops seeing it that day', async () => {
    at('2026-08-02');
    const repaired = data(await call(market, REPAIR, { id: ids.GENERAL, on: '2026-08-02' })).repairPenalty;
    assert.deepEqual(repaired, { repairedOn: '2026-08-02', repairAppliedOn: '2026-08-02', isPublished: false });
    assert.ok(!(await publicView('2026-08-02')).published.includes('CLK-GENERAL'));
    at('2027-05-03');
    const severe = data(await call(market, REPAIR, { id: ids.SEVERE, on: '2027-05-03', applied: '2027-05-03' }));
    assert.equal(severe.repairPenalty.isPublished, false);
    // 轻微: 法定责任履行完毕即可申请修复 — no minimum.
    at(DECIDED);
    assert.equal(
      data(await call(market, REPAIR, { id: ids.MINOR_PUBLISHED, on: DECIDED })).repairPenalty.repairedOn,
      DECIDED,
    );
  });
});

describe('high-frequency offenders as of today', () => {
  it('counts only penalties still published on the day', async () => {
    at('2026-05-03');
    const rows = Array.from({ length: 5 }, (_, i) => input(`CLK-HF-${i}`, { uscc: OFTEN }));
    assert.equal(data(await call(market, SUBMIT, { rows })).submitPenalties.accepted, 5);
    const flagged = async (day: string) => {
      at(day);
      const flag = data(await call(callers.public, SUBJECT_VIEW, { c: OFTEN }))._entities[0].isHighFrequencyOffender;
      const listed = data(
        await call(supervisor, `{ highFrequencyOffenders(first: 100) { nodes { subject { code } penaltyCount } } }`),
      ).highFrequencyOffenders.nodes.filter((n: any) => n.subject.code === OFTEN);
      return [flag, listed.length];
    };
    assert.deepEqual(await flagged('2027-04-30'), [true, 1]);
    assert.deepEqual(await flagged('2027-05-01'), [true, 1]);
    assert.deepEqual(await flagged('2027-05-02'), [false, 0]);
  });
});

describe('stored penalties recomputed under the current rules', () => {
  it('bounds a legacy 公示截止期 with a note, keeps what the department reported, and is idempotent', async () => {
    await tdb.db.prisma.$executeRawUnsafe(
      `UPDATE disclosure.penalty SET publicity_deadline = DATE '2099-12-31', publicity_ends_on = DATE '2099-12-31',
         publicity_rules = NULL WHERE id = ${ids.REPORTED}`,
    );
    const client = new pg.Client({ connectionString: tdb.url });
    await client.connect();
    try {
      const first = await ensurePublicityRules(client);
      assert.deepEqual(first, { recomputed: 1, noted: 1 });
      assert.deepEqual(await ensurePublicityRules(client), { recomputed: 0, noted: 0 });
    } finally {
      await client.end();
    }
    const row = await tdb.db.prisma.penalty.findUniqueOrThrow({ where: { id: BigInt(ids.REPORTED!) } });
    assert.equal(row.publicityDeadline?.toISOString().slice(0, 10), '2099-12-31');
    assert.equal(row.publicityEndsOn?.toISOString().slice(0, 10), '2029-05-01');
    assert.equal(row.publicityRules, rulesFingerprint(PUBLICITY_RULES));
    assert.match(
      row.publicityNote!,
      /公示截止期2099-12-31超过《信用修复管理办法》（国家发展改革委令第36号）规定的严重失信信息最长公示期，按最长公示期至2029-05-01公示/,
    );
  });
});

describe('a licence around its 有效期至 (validUntil), with the clock moved', () => {
  const HOLDER = makeUscc('91', '330106', 'CLK00003');
  const VALID_UNTIL = '2027-06-30';
  const LICENCE_VIEW = `query($c: ID!, $a: String) {
    _entities(representations: [{__typename: "CreditSubject", code: $c}]) {
      ... on CreditSubject { administrativeLicences { documentNumber isPublic } validLicenceCount } }
    licences(authorityCode: $a, first: 100) { nodes { documentNumber } } }`;
  const AS_GOVERNMENT = `query($c: ID!) { _entities(representations: [{__typename: "CreditSubject", code: $c}]) {
    ... on CreditSubject { administrativeLicences(includeExpired: true) { documentNumber isPublic } } } }`;

  /** What the public sees of the licence on `day`: on the subject, in the count and in the list. */
  async function licenceOn(day: string) {
    at(day);
    const r = data(await call(callers.public, LICENCE_VIEW, { c: HOLDER, a: MARKET_AUTHORITY.code }));
    const listed = r.licences.nodes.some((n: any) => n.documentNumber === 'CLK-LIC');
    const subject = r._entities[0];
    return { onSubject: subject.administrativeLicences.length, count: subject.validLicenceCount, listed };
  }

  before(async () => {
    at('2026-05-03');
    const r = data(
      await call(market, `mutation($rows: [LicenceInput!]!) { submitLicences(rows: $rows) { accepted quarantined } }`, {
        rows: [
          {
            subjectName: '杭州时钟科技有限公司',
            subjectCategory: 'LEGAL_ENTITY',
            uscc: HOLDER,
            documentName: '食品经营许可决定书',
            documentNumber: 'CLK-LIC',
            category: 'GENERAL',
            content: '预包装食品销售',
            decidedOn: DECIDED,
            validFrom: DECIDED,
            validUntil: VALID_UNTIL,
            authorityName: MARKET_AUTHORITY.name,
            authorityCode: MARKET_AUTHORITY.code,
            status: 'VALID',
            sourceName: MARKET_AUTHORITY.name,
            sourceCode: MARKET_AUTHORITY.code,
          },
        ],
      }),
    ).submitLicences;
    assert.deepEqual([r.accepted, r.quarantined], [1, 0]);
  });

  it('is public the day before validUntil and on validUntil itself', async () => {
    assert.deepEqual(await licenceOn('2027-06-29'), { onSubject: 1, count: 1, listed: true });
    assert.deepEqual(await licenceOn(VALID_UNTIL), { onSubject: 1, count: 1, listed: true });
  });

  it('is gone from every public read the day after, with no job run in between', async () => {
    assert.deepEqual(await licenceOn('2027-07-01'), { onSubject: 0, count: 0, listed: false });
  });

  it('stays visible to government users past validUntil, marked not public', async () => {
    at('2027-07-01');
    const r = data(await call(supervisor, AS_GOVERNMENT, { c: HOLDER }));
    assert.deepEqual(r._entities[0].administrativeLicences, [{ documentNumber: 'CLK-LIC', isPublic: false }]);
    at(VALID_UNTIL);
    const onTheDay = data(await call(supervisor, AS_GOVERNMENT, { c: HOLDER }));
    assert.deepEqual(onTheDay._entities[0].administrativeLicences, [{ documentNumber: 'CLK-LIC', isPublic: true }]);
  });
});
