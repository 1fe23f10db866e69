/**
 * 信用修复 and 异议 on the public site in a real browser against the whole hub (the gateway serving the built site,
 * the safelist enforced as in production). The enterprise's steps go through the GraphQL API and the upload route;
 * the platform's 补正 and forwarding and the department's acceptance and approval through the console's work queue
 * (development sign-in). What the public sees is checked in the browser: "申请信用修复" open on an eligible record
 * and explained on one that is not yet; 信用修复办理中 while an application runs; after the department's approval
 * (through the event backbone) the record is gone from the page; the 查询码 shows the result on /repair; 异议处理中
 * on a record under objection until the department upholds it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, initSeed, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureWebBuild } from '@credit-hub/web/build';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, startTestHub, tokenFor } from '../support/hub.ts';
import { launchBrowser, openPage, useCjkFont } from './browser.ts';

const restoreClock = fixClock('2026-06-15T02:00:00Z');
const WAIT = { timeout: 90_000 };

let tdb: TestDatabase;
let hub: Hub;
let base: string;
let browser: Browser;
let context: BrowserContext;
let firm = '';
let other = '';
let entryId = '';
let recentId = '';
const tokens: Record<string, Record<string, string>> = {};

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const answer = await postGraphQL(hub.gatewayUrl, query, variables, headers);
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return answer.body.data as T;
}
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
async function upload(caseId: string, purpose: string, headers: Record<string, string>) {
  const res = await fetch(`${base}/uploads/repair?case=${caseId}&purpose=${purpose}&fileName=${purpose}.pdf`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/pdf' },
    body: PDF,
  });
  assert.equal(res.status, 201);
}
const publish = async (subjectCode: string, publishedOn: string) =>
  (
    await gql<{ publishMajorTaxViolation: { id: string } }>(
      `mutation($input: MajorTaxViolationInput!) { publishMajorTaxViolation(input: $input) { id } }`,
      {
        input: {
          subjectCode,
          taxpayerName: '杭州鑫达贸易有限公司',
          situation: 'TAX_EVASION',
          mainFacts: '经检查，该单位采取虚假申报手段少缴增值税325万元。',
          legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条的规定',
          penalty: '追缴税款325万元，并处罚款',
          inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
          authorityCode: makeUscc('11', '330100', '00260001'),
          decisionServedOn: publishedOn,
          publishedOn,
        },
      },
      tokens.tax!,
    )
  ).publishMajorTaxViolation.id;

before(async () => {
  await ensureWebBuild();
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  firm = (await seed.subject({ name: '杭州鑫达贸易有限公司' })).code;
  other = (await seed.subject({ name: '杭州恒远建材有限公司' })).code;
  hub = await startTestHub(tdb.url, tdb.db, {
    enforceSafelist: true,
    events: { pollMs: 100, timeEvents: false },
    console: { sessionSecret: 'session-secret-for-repair-browser-tests-0123' },
  });
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
  tokens.tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }));
  tokens.platform = bearer(await tokenFor({ role: 'officer', department: 'platform' }));
  tokens.firm = bearer(await tokenFor({ role: 'enterprise', uscc: firm, sub: 'ent-firm' }));
  tokens.other = bearer(await tokenFor({ role: 'enterprise', uscc: other, sub: 'ent-other' }));
  entryId = await publish(firm, '2025-04-12');
  recentId = await publish(other, '2026-03-02');
  await hub.events!.settle();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await hub?.close();
  await tdb?.drop();
  restoreClock();
});

async function onPage(url: string, check: (page: Page) => Promise<void>) {
  const { page } = await openPage(context, base);
  try {
    await useCjkFont(page, base);
    await page.goto(`${base}${url}`);
    await check(page);
  } finally {
    await page.close();
  }
}
const blackTab = (code: string) => `/subject/${code}?tab=black`;

/**
 * An officer of `department` signed in through the development sign-in, on the console. The packaged Chromium runs
 * as one process (one browser context): the officer signs out afterwards, so the public pages stay public.
 */
async function inConsole(department: string, work: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/auth/dev?returnTo=%2Fconsole`);
    await page.selectOption('#department', department);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('console-who').waitFor(WAIT);
    await work(page);
  } finally {
    await page.close();
    await context.clearCookies();
  }
}

describe('信用修复 and 异议 on the public site', () => {
  let queryCode = '';

  it('"申请信用修复" is open on an eligible record and explained, with the day, on one that is not yet', async () => {
    await onPage(blackTab(firm), async (page) => {
      const link = page.getByTestId('tab-black').getByTestId('repair-link');
      await link.waitFor(WAIT);
      assert.equal(await link.innerText(), '申请信用修复');
      assert.match(
        String(await link.getAttribute('href')),
        new RegExp(`/repair\\?kind=MAJOR_TAX_VIOLATION&record=${entryId}`),
      );
    });
    await onPage(blackTab(other), async (page) => {
      const off = page.getByTestId('tab-black').getByTestId('repair-unavailable');
      await off.waitFor(WAIT);
      assert.match(await off.innerText(), /公布未满6个月，2026-09-03起可申请提前停止公布/);
      assert.equal(await page.getByTestId('tab-black').getByTestId('repair-link').count(), 0);
    });
  });

  it('while the application runs the record says 信用修复办理中; after approval it is gone from the page', async () => {
    const created = await gql<{ createRepairApplication: { id: string; queryCode: string } }>(
      `mutation($id: ID!) { createRepairApplication(input: { recordKind: MAJOR_TAX_VIOLATION, recordId: $id,
         statement: "已缴清税款、滞纳金和罚款" }) { id queryCode } }`,
      { id: entryId },
      tokens.firm!,
    );
    const id = created.createRepairApplication.id;
    queryCode = created.createRepairApplication.queryCode;
    await upload(id, 'COMMITMENT', tokens.firm!);
    await upload(id, 'PROOF', tokens.firm!);
    await gql(`mutation($id: ID!) { submitRepairCase(id: $id) { state } }`, { id }, tokens.firm!);
    await onPage(blackTab(firm), async (page) => {
      await page.getByTestId('tab-black').getByTestId('repair-pending').waitFor(WAIT);
    });
    // 补正 asked for in the console by the platform's officer; the applicant hands it in; forwarded in the console.
    await inConsole('platform', async (page) => {
      await page.getByTestId('queue-case').first().waitFor(WAIT);
      await page.getByTestId('queue-reason').first().fill('请补充缴款凭证');
      await page.getByTestId('act-return').first().click();
      await page.getByTestId('console-message').filter({ hasText: '已办理' }).waitFor(WAIT);
    });
    await upload(id, 'PROOF', tokens.firm!);
    await gql(`mutation($id: ID!) { resubmitRepairCase(id: $id) { state } }`, { id }, tokens.firm!);
    await inConsole('platform', async (page) => {
      await page.getByTestId('act-forward').first().waitFor(WAIT);
      await page.getByTestId('act-forward').first().click();
      await page.getByTestId('console-message').filter({ hasText: '已办理' }).waitFor(WAIT);
    });
    // The hub's consumers run on their own, so the department's act could follow the approval before the page or
    // the query below looks. Holding the tax department's repair consumer's cursor row (one worker per consumer,
    // packages/kit/src/events/consumer.ts) keeps the case APPROVED, without any timing, until it is let go.
    const hold = await tdb.db.pool.connect();
    try {
      await hold.query('BEGIN');
      const held = await hold.query(`SELECT 1 FROM events.cursor WHERE consumer = 'tax.repair' FOR UPDATE`);
      assert.equal(held.rowCount, 1);
      // The tax department accepts and approves in its console work queue.
      await inConsole('tax', async (page) => {
        await page.getByTestId('act-accept').first().waitFor(WAIT);
        await page.getByTestId('act-accept').first().click();
        await page.getByTestId('act-approve').first().waitFor(WAIT);
        await page.getByTestId('queue-reason').first().fill('已缴清税款、滞纳金和罚款，公布满六个月');
        await page.getByTestId('act-approve').first().click();
        // Approved: in the queue until the department's act is announced (同步中).
        await page.getByTestId('queue-state').filter({ hasText: '已准予，同步中' }).waitFor(WAIT);
      });
      const state = await gql<{ repairCase: { state: string } }>(
        `query($id: ID!) { repairCase(id: $id) { state } }`,
        { id },
        tokens.tax!,
      );
      assert.equal(state.repairCase.state, 'APPROVED');
    } finally {
      await hold.query('ROLLBACK');
      hold.release();
    }
    await hub.events!.settle();
    await hub.events!.settle();
    await onPage(blackTab(firm), async (page) => {
      const tab = page.getByTestId('tab-black');
      await tab.waitFor(WAIT);
      await page.getByTestId('subject-name').waitFor(WAIT);
      assert.equal(await tab.locator('h4', { hasText: '重大税收违法失信主体（' }).count(), 0);
      assert.equal(await tab.getByTestId('repair-pending').count(), 0);
    });
  });

  it('the 查询码 shows the outcome on /repair', async () => {
    await onPage('/repair', async (page) => {
      await page.getByTestId('repair-free').waitFor(WAIT);
      await page.getByLabel('查询码').fill(queryCode);
      await page.getByRole('button', { name: '查询' }).click();
      const state = page.getByTestId('progress-state');
      await state.waitFor(WAIT);
      assert.equal(await state.innerText(), '修复完成，已终止公示');
    });
  });

  it('a record under objection shows 异议处理中 until the department upholds it', async () => {
    const id = (
      await gql<{ createObjection: { id: string } }>(
        `mutation($id: ID!) { createObjection(input: { recordKind: MAJOR_TAX_VIOLATION, recordId: $id,
           category: WRONG, statement: "公示的违法事实与处理决定书不一致" }) { id } }`,
        { id: recentId },
        tokens.other!,
      )
    ).createObjection.id;
    await upload(id, 'COMMITMENT', tokens.other!);
    await upload(id, 'EVIDENCE', tokens.other!);
    await gql(`mutation($id: ID!) { submitRepairCase(id: $id) { state } }`, { id }, tokens.other!);
    await gql(`mutation($id: ID!) { forwardRepairCase(id: $id) { state } }`, { id }, tokens.platform!);
    await onPage(blackTab(other), async (page) => {
      const mark = page.getByTestId('tab-black').getByTestId('objection-pending');
      await mark.waitFor(WAIT);
      assert.equal((await mark.innerText()).trim(), '异议处理中');
    });
    await gql(
      `mutation($id: ID!) { upholdObjection(id: $id, reason: "经核查，公示信息与原决定一致") { state } }`,
      { id },
      tokens.tax!,
    );
    await onPage(blackTab(other), async (page) => {
      await page.getByTestId('tab-black').getByTestId('repair-unavailable').waitFor(WAIT);
      assert.equal(await page.getByTestId('tab-black').getByTestId('objection-pending').count(), 0);
    });
  });
});
