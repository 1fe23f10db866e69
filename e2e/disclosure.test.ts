import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chinaToday, fixClock, toIsoDate } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// 双公示 end to end: a market officer submits through the gateway, the public reads what is published, another
// department's officer can neither submit for market's authority nor read market's quarantine.
let tdb: TestDatabase;
let hub: Hub;
let workDir: string;
let marketOfficer: Record<string, string>;
let taxOfficer: Record<string, string>;

const authority = AUTHORITIES.find((a) => a.department === 'market')!;
const subject = makeUscc('91', '330106', 'E2E00001');
const today = chinaToday();
const day = (offset: number) => {
  const d = new Date(today);
  d.setUTCDate(d.getUTCDate() + offset);
  return toIsoDate(d)!;
};
const row = (documentNumber: string, o: Record<string, unknown> = {}) => ({
  subjectName: '杭州端到端科技有限公司',
  subjectCategory: 'LEGAL_ENTITY',
  uscc: subject,
  documentNumber,
  violationType: '未按规定公示信息',
  facts: '经查，当事人未按规定公示信息。',
  legalBasis: '《企业信息公示暂行条例》第十八条',
  penaltyTypes: ['FINE'],
  content: '罚款人民币1万元',
  fineAmount: '1',
  decidedOn: day(-5),
  validUntil: day(60),
  authorityName: authority.name,
  authorityCode: authority.code,
  sourceName: authority.name,
  sourceCode: authority.code,
  remarks: '内部备注',
  ...o,
});
const SUBMIT = `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) {
  received accepted updated quarantined rejected { rowNumber reasons { field rule } } } }`;

before(async () => {
  tdb = await createTestDatabase();
  workDir = await mkdtemp(path.join(tmpdir(), 'credit-hub-disclosure-'));
  const supergraphPath = path.join(workDir, 'supergraph.graphql');
  await copyFile(path.join(repoRoot, 'supergraph.graphql'), supergraphPath);
  hub = await startTestHub(tdb.url, tdb.db, { supergraphPath });
  marketOfficer = bearer(await tokenFor({ role: 'officer', department: 'market' }));
  taxOfficer = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
});

after(async () => {
  await hub.close();
  await tdb.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe('双公示 through the gateway', () => {
  it('takes a department’s submission, reconciles, and publishes only public columns to the public', async () => {
    const sent = await postGraphQL(
      hub.gatewayUrl,
      SUBMIT,
      { rows: [row('E2E-1'), row('E2E-2', { decidedOn: day(3) })] },
      marketOfficer,
    );
    assert.equal(sent.body.errors, undefined, JSON.stringify(sent.body.errors));
    const result = (sent.body.data as any).submitPenalties;
    assert.deepEqual([result.received, result.accepted, result.updated, result.quarantined], [2, 1, 0, 1]);
    assert.deepEqual(result.rejected[0].reasons, [{ field: 'CF_JDRQ', rule: 'NOT_IN_FUTURE' }]);

    const LIST = `query($a: String) { penalties(authorityCode: $a) { nodes { documentNumber tierLabel subject { code } } } }`;
    const pub = await postGraphQL(hub.gatewayUrl, LIST, { a: authority.code });
    assert.deepEqual((pub.body.data as any).penalties.nodes, [
      { documentNumber: 'E2E-1', tierLabel: '一般', subject: { code: subject } },
    ]);
    const remarks = await postGraphQL(hub.gatewayUrl, `{ penalties { nodes { remarks } } }`);
    assert.equal((remarks.body.errors as any)?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('refuses anonymous submissions and keeps each department to its own data', async () => {
    const anonymous = await postGraphQL(hub.gatewayUrl, SUBMIT, { rows: [row('E2E-3')] });
    assert.equal((anonymous.body.errors as any)?.[0]?.extensions?.code, 'FORBIDDEN');
    const tax = await postGraphQL(hub.gatewayUrl, SUBMIT, { rows: [row('E2E-4')] }, taxOfficer);
    assert.deepEqual((tax.body.data as any).submitPenalties.rejected[0].reasons, [
      { field: 'CF_CFJGDM', rule: 'AUTHORITY_DEPARTMENT' },
    ]);
    const Q = `{ quarantine(department: "market") { nodes { id } } }`;
    const denied = await postGraphQL(hub.gatewayUrl, Q, {}, taxOfficer);
    assert.equal((denied.body.errors as any)?.[0]?.extensions?.code, 'FORBIDDEN');
    const own = await postGraphQL(hub.gatewayUrl, Q, {}, marketOfficer);
    assert.equal((own.body.data as any).quarantine.nodes.length, 1);
  });
});

describe('双公示 publicity as of today, through the gateway', () => {
  const firm = makeUscc('91', '330106', 'E2ECLK01');
  let restore: (() => void) | null = null;
  const at = (d: string) => {
    restore?.();
    restore = fixClock(d);
  };
  after(() => restore?.());

  const VIEW = `query($c: ID!, $a: String) { subject(code: $c) { administrativePenalties { documentNumber tierLabel
    publicityEndsOn repairableFrom publicityBasis } publishedPenaltyCount }
    penalties(authorityCode: $a, first: 100) { nodes { documentNumber } } }`;
  const view = async (d: string) => {
    at(d);
    const { body } = await postGraphQL(hub.gatewayUrl, VIEW, { c: firm, a: authority.code });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const data = body.data as any;
    return {
      own: data.subject.administrativePenalties.map((p: any) => p.documentNumber),
      count: data.subject.publishedPenaltyCount,
      listed: data.penalties.nodes.map((n: any) => n.documentNumber).filter((n: string) => n.startsWith('E2E-CLK')),
      first: data.subject.administrativePenalties[0],
    };
  };

  it('quarantines a 公示截止期 beyond the maximum, publishes a 一般 penalty for one year, and refuses early repair', async () => {
    await tdb.db.prisma.creditSubject.create({
      data: { code: firm, name: '杭州端到端时钟有限公司', kind: 'ENTERPRISE', regionCode: '330106', industryCode: 'F' },
    });
    at('2026-05-03');
    const sent = await postGraphQL(
      hub.gatewayUrl,
      `mutation($rows: [PenaltyInput!]!) { submitPenalties(rows: $rows) { accepted quarantined recordIds
        rejected { rowNumber reasons { field rule message } } } }`,
      {
        rows: [
          row('E2E-CLK-1', { uscc: firm, decidedOn: '2026-05-01', validUntil: '2027-05-01' }),
          row('E2E-CLK-2', {
            uscc: firm,
            decidedOn: '2026-05-01',
            validUntil: '2027-05-01',
            publicityDeadline: '2099-12-31',
          }),
        ],
      },
      marketOfficer,
    );
    assert.equal(sent.body.errors, undefined, JSON.stringify(sent.body.errors));
    const result = (sent.body.data as any).submitPenalties;
    assert.deepEqual([result.accepted, result.quarantined, result.recordIds[1]], [1, 1, null]);
    assert.deepEqual(
      result.rejected[0].reasons.map((r: any) => [r.field, r.rule]),
      [['CF_GSJZQ', 'ABOVE_MAXIMUM_PUBLICITY']],
    );
    assert.match(result.rejected[0].reasons[0].message, /the latest 公示截止期 is 2027-05-01/);

    const REPAIR = `mutation($id: ID!, $on: Date!) { repairPenalty(id: $id, repairedOn: $on, reason: "已履行") { repairedOn } }`;
    at('2026-08-01');
    const early = await postGraphQL(
      hub.gatewayUrl,
      REPAIR,
      { id: result.recordIds[0], on: '2026-08-01' },
      marketOfficer,
    );
    assert.equal((early.body.data as any)?.repairPenalty ?? null, null);
    const error = (early.body.errors as any)[0];
    assert.deepEqual(
      [error.extensions.code, error.extensions.rule, error.extensions.allowedFrom],
      ['BAD_USER_INPUT', 'BEFORE_MINIMUM_PUBLICITY', '2026-08-02'],
    );

    const before = await view('2027-04-30');
    assert.deepEqual([before.own, before.count, before.listed], [['E2E-CLK-1'], 1, ['E2E-CLK-1']]);
    assert.deepEqual(
      [before.first.tierLabel, before.first.publicityEndsOn, before.first.repairableFrom],
      ['一般', '2027-05-01', '2026-08-02'],
    );
    assert.match(before.first.publicityBasis, /国家发展改革委令第36号.*最长1年/);
    const onTheDay = await view('2027-05-01');
    assert.deepEqual([onTheDay.own, onTheDay.count, onTheDay.listed], [['E2E-CLK-1'], 1, ['E2E-CLK-1']]);
    const after = await view('2027-05-02');
    assert.deepEqual([after.own, after.count, after.listed], [[], 0, []]);
  });
});
