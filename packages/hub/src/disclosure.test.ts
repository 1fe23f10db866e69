import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chinaToday, toIsoDate } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';
import type { Hub } from './index.ts';
import { bearer, startTestHub, tokenFor } from './testing.ts';

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
  penaltyTypes: ['WARNING'],
  content: '警告',
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
      { documentNumber: 'E2E-1', tierLabel: '轻微', subject: { code: subject } },
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
