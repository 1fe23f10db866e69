/**
 * The applicant's and the department's whole 信用修复 / 异议 journey in a real browser against the whole hub (the
 * gateway serving the built site, the safelist enforced as in production), every step through the pages: the
 * enterprise signs in with the development sign-in (统一身份认证 in production) from the record's entrance, fills the
 * guided form with the generated 信用承诺书 and its uploads (type told by content, refused otherwise), gets the 查询码
 * and follows it in 我的申请; the platform forwards and the tax department asks 补正 in the console; the enterprise
 * hands it in through the form; the department accepts and approves in the console; the record leaves the subject
 * page and a freshly issued 公共信用信息报告 (JSON, downloaded from the page). The 异议: filed from the record's
 * entrance, 异议处理中 on the public page, upheld in the console, the outcome in the applicant's 我的申请.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, initSeed, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureWebBuild } from '@credit-hub/web/build';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, startTestHub, tokenFor } from '../support/hub.ts';
import { launchBrowser, openPage, seriousViolations, useCjkFont } from './browser.ts';

const restoreClock = fixClock('2026-06-15T02:00:00Z');
const WAIT = { timeout: 90_000 };
const FIRM_FACTS = '经检查，该单位采取虚假申报手段少缴增值税418万元。';
const OTHER_FACTS = '经检查，该单位采取隐匿收入手段少缴企业所得税96万元。';

let tdb: TestDatabase;
let hub: Hub;
let base: string;
let browser: Browser;
let context: BrowserContext;
let firm = '';
let other = '';
let entryId = '';
let recentId = '';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function publish(subjectCode: string, name: string, mainFacts: string, publishedOn: string, token: string) {
  const answer = await postGraphQL(
    hub.gatewayUrl,
    `mutation($input: MajorTaxViolationInput!) { publishMajorTaxViolation(input: $input) { id } }`,
    {
      input: {
        subjectCode,
        taxpayerName: name,
        situation: 'TAX_EVASION',
        mainFacts,
        legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条的规定',
        penalty: '追缴税款，并处罚款',
        inspectingAuthority: '国家税务总局杭州市税务局第一稽查局',
        authorityCode: makeUscc('11', '330100', '00260001'),
        decisionServedOn: publishedOn,
        publishedOn,
      },
    },
    { authorization: token },
  );
  assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
  return (answer.body.data as { publishMajorTaxViolation: { id: string } }).publishMajorTaxViolation.id;
}

before(async () => {
  await ensureWebBuild();
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  firm = (await seed.subject({ name: '杭州鑫达贸易有限公司' })).code;
  other = (await seed.subject({ name: '杭州恒远建材有限公司' })).code;
  hub = await startTestHub(tdb.url, tdb.db, {
    enforceSafelist: true,
    events: { pollMs: 100, timeEvents: false },
    console: { sessionSecret: 'session-secret-for-repair-journey-tests-0123' },
  });
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
  const tax = bearer(await tokenFor({ role: 'officer', department: 'tax' }))['authorization']!;
  entryId = await publish(firm, '杭州鑫达贸易有限公司', FIRM_FACTS, '2025-04-12', tax);
  recentId = await publish(other, '杭州恒远建材有限公司', OTHER_FACTS, '2026-03-02', tax);
  await hub.events!.settle();
  browser = await launchBrowser();
  context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await hub?.close();
  await tdb?.drop();
  restoreClock();
});

const blackTab = (code: string) => `/subject/${code}?tab=black`;

/** A page of the site; what it must never do (console errors, failed requests) is asserted at the end. */
async function onPage(url: string, check: (page: Page) => Promise<void>) {
  const { page, watch } = await openPage(context, base);
  try {
    await useCjkFont(page, base);
    await page.goto(`${base}${url}`);
    await check(page);
    assert.deepEqual(watch.problems, [], `${url}: no console error or failed request`);
  } finally {
    await page.close();
  }
}

async function noSeriousViolations(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], `${what}: no serious or critical axe-core violation`);
}

/**
 * The development sign-in as the enterprise `uscc`, from where the page sent the browser (its returnTo), or directly
 * when `returnTo` is given. One browser context serves every role, so each sign-in ends with the cookies cleared.
 */
async function signInAsEnterprise(page: Page, uscc: string, returnTo?: string) {
  if (returnTo) await page.goto(`${base}/auth/dev?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator('#uscc').waitFor(WAIT);
  await page.locator('input[name=role][value=enterprise]').check();
  await page.locator('#uscc').fill(uscc);
  await page.getByRole('button', { name: '登录' }).click();
}

async function inConsole(department: string, work: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/auth/dev?returnTo=%2Fconsole`);
    await page.locator('input[name=role][value=officer]').check();
    await page.selectOption('#department', department);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('console-who').waitFor(WAIT);
    await work(page);
  } finally {
    await page.close();
    await context.clearCookies();
  }
}

/** One move on the case of `subject` in the console's queue, with the officer's reason when the move needs one. */
async function consoleMove(page: Page, subject: string, action: string, reason?: string) {
  const card = page.getByTestId('queue-case').filter({ hasText: subject });
  await card.getByTestId(`act-${action}`).waitFor(WAIT);
  if (reason) await card.getByTestId('queue-reason').fill(reason);
  await card.getByTestId(`act-${action}`).click();
  await page.getByTestId('console-message').filter({ hasText: '已办理' }).waitFor(WAIT);
}

/** The 公共信用信息报告's structured data (JSON), issued now and downloaded from the subject page as anyone would. */
async function reportJson(code: string): Promise<string> {
  let text = '';
  await onPage(`/subject/${code}`, async (page) => {
    await page.getByTestId('subject-name').waitFor(WAIT);
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByTestId('report-json').click(),
    ]);
    assert.match(download.suggestedFilename(), /^公共信用信息报告-XY\d{20}\.json$/);
    text = readFileSync(await download.path(), 'utf8');
    JSON.parse(text);
  });
  return text;
}

async function myCase(page: Page, state: string) {
  await page.getByTestId('my-state').filter({ hasText: state }).waitFor(WAIT);
}

describe('信用修复 and 异议: the whole journey in the browser', () => {
  let queryCode = '';

  it('the enterprise signs in from the record, fills the guided form and gets its 查询码', async () => {
    assert.match(await reportJson(firm), new RegExp(FIRM_FACTS), 'before: the record is in the report');
    await onPage(blackTab(firm), async (page) => {
      const link = page.getByTestId('tab-black').getByTestId('repair-link');
      await link.waitFor(WAIT);
      await link.click();
      // Not signed in: the form asks for the enterprise's sign-in, and comes back to the record.
      await page.getByTestId('apply-sign-in').waitFor(WAIT);
      await page.getByTestId('apply-sign-in-link').click();
      await page.waitForURL(/\/auth\/dev\?returnTo=/, WAIT);
      // Coming from the record, the development sign-in offers the enterprise role and the record's USCC.
      assert.equal(await page.locator('input[name=role][value=enterprise]').isChecked(), true);
      assert.equal(await page.locator('#uscc').inputValue(), firm);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('apply-form').waitFor(WAIT);
      assert.match(page.url(), new RegExp(`/repair\\?kind=MAJOR_TAX_VIOLATION&record=${entryId}`));
      await useCjkFont(page, base);

      // The generated 信用承诺书, bound to the signed-in enterprise and the record; downloadable to print and sign.
      const template = page.getByTestId('apply-template');
      await template.filter({ hasText: firm }).waitFor(WAIT);
      assert.match(await template.innerText(), new RegExp(`记录编号 ${entryId}`));
      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByTestId('apply-template-download').click(),
      ]);
      assert.equal(download.suggestedFilename(), '信用修复承诺书.txt');
      assert.match(readFileSync(await download.path(), 'utf8'), /信用修复承诺书/);

      await page.getByLabel(/申请理由/).fill('已于2026年5月缴清税款、滞纳金和罚款，并完成整改。');
      // A file whose name says PDF but whose content is not: refused in the page, with the reason announced.
      await page.getByTestId('apply-file-PROOF').setInputFiles({
        name: '缴款凭证.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('这不是PDF文件'),
      });
      await page.getByTestId('apply-file-error-PROOF').filter({ hasText: '仅接受 PDF、JPG 或 PNG' }).waitFor(WAIT);
      // Submitting without the files says which are missing, and nothing is created.
      await page.getByTestId('apply-submit').click();
      await page.getByTestId('apply-error').waitFor(WAIT);
      await noSeriousViolations(page, 'the application form with its errors');
      await page
        .getByTestId('apply-file-PROOF')
        .setInputFiles({ name: '缴款凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page
        .getByTestId('apply-file-COMMITMENT')
        .setInputFiles({ name: '信用修复承诺书.png', mimeType: 'image/png', buffer: PNG });
      await page.getByTestId('apply-file-error-PROOF').waitFor({ state: 'detached', ...WAIT });
      // Keyboard: the submit button is reached and pressed without the mouse.
      await page.getByTestId('apply-submit').focus();
      await page.keyboard.press('Enter');
      const code = page.getByTestId('apply-query-code');
      await code.waitFor(WAIT);
      queryCode = (await code.innerText()).trim();
      assert.match(queryCode, /^[0-9A-Z]{12}$/);
      assert.match(await page.getByTestId('apply-done').innerText(), /已提交，平台形式审查中/);
      await noSeriousViolations(page, 'the submitted application');

      // 我的申请: state, the stage's last day, the 查询码.
      await page.getByTestId('apply-my-cases').click();
      await myCase(page, '已提交，平台形式审查中');
      assert.equal(await page.getByTestId('my-case').count(), 1);
      assert.equal((await page.getByTestId('my-query-code').innerText()).trim(), queryCode);
      assert.match(await page.getByTestId('my-due').innerText(), /^\d{4}年\d{1,2}月\d{1,2}日$/);
      await noSeriousViolations(page, '我的申请');
      // Signing out from 我的申请 ends the session (POST, same origin).
      await page.getByTestId('sign-out').click();
      await page.waitForURL(`${base}/`, WAIT);
    });
    const files = await tdb.db.prisma.$queryRawUnsafe<{ purpose: string; media_type: string }[]>(
      `SELECT purpose::text, media_type FROM repair.file ORDER BY purpose`,
    );
    assert.deepEqual(
      files.map((f) => [f.purpose, f.media_type]),
      [
        ['COMMITMENT', 'image/png'],
        ['PROOF', 'application/pdf'],
      ],
    );
  });

  it('another enterprise sees none of it in its 我的申请', async () => {
    const page = await context.newPage();
    try {
      await signInAsEnterprise(page, other, '/my');
      await page.getByTestId('my-empty').waitFor(WAIT);
      assert.equal(await page.getByTestId('my-case').count(), 0);
      // The console is not an enterprise's: it is sent to 我的申请.
      await page.goto(`${base}/console`);
      await page.getByTestId('console-enterprise').waitFor(WAIT);
    } finally {
      await page.close();
      await context.clearCookies();
    }
  });

  it('补正: asked in the console, seen in 我的申请, handed in through the form', async () => {
    await inConsole('platform', (page) => consoleMove(page, firm, 'forward'));
    await inConsole('tax', async (page) => {
      // The officer reads the materials (each read audited) before asking for more.
      const card = page.getByTestId('queue-case').filter({ hasText: firm });
      const [file] = await Promise.all([
        page.waitForEvent('download', WAIT),
        card.getByTestId('queue-file').filter({ hasText: '缴款凭证.pdf' }).click(),
      ]);
      assert.equal(file.suggestedFilename(), '缴款凭证.pdf');
      assert.deepEqual(readFileSync(await file.path()), PDF);
      await consoleMove(page, firm, 'return', '请补充滞纳金的缴款凭证');
    });
    const page = await context.newPage();
    try {
      await signInAsEnterprise(page, firm, '/my');
      await myCase(page, '待补正（办理时限暂停计算）');
      assert.equal(await page.getByTestId('my-reason').innerText(), '请补充滞纳金的缴款凭证');
      assert.match(await page.getByTestId('my-due').innerText(), /暂停计算（剩余 \d+ 个工作日）/);
      await page.getByTestId('my-continue').click();
      await page.getByTestId('apply-return-reason').filter({ hasText: '请补充滞纳金的缴款凭证' }).waitFor(WAIT);
      await noSeriousViolations(page, 'the 补正 form');
      await page
        .getByTestId('apply-file-PROOF')
        .setInputFiles({ name: '滞纳金缴款凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('apply-submit').click();
      await page.getByTestId('apply-done').filter({ hasText: '已转认定部门' }).waitFor(WAIT);
      assert.equal((await page.getByTestId('apply-query-code').innerText()).trim(), queryCode);
    } finally {
      await page.close();
      await context.clearCookies();
    }
  });

  it('the department accepts and approves in the console; the record leaves the page and the report', async () => {
    await onPage(blackTab(firm), async (page) => {
      await page.getByTestId('tab-black').getByTestId('repair-pending').waitFor(WAIT);
    });
    await inConsole('tax', async (page) => {
      await consoleMove(page, firm, 'accept');
      await consoleMove(page, firm, 'approve', '已缴清税款、滞纳金和罚款，公布满六个月，准予提前停止公布');
    });
    await hub.events!.settle();
    await hub.events!.settle();
    await onPage(blackTab(firm), async (page) => {
      const tab = page.getByTestId('tab-black');
      await tab.waitFor(WAIT);
      await page.getByTestId('subject-name').waitFor(WAIT);
      assert.equal(await tab.locator('h4', { hasText: '重大税收违法失信主体（' }).count(), 0);
      assert.equal(await tab.getByTestId('repair-pending').count(), 0);
    });
    assert.doesNotMatch(await reportJson(firm), new RegExp(FIRM_FACTS), 'after: the record is not in a new report');
    const page = await context.newPage();
    try {
      await signInAsEnterprise(page, firm, '/my');
      await myCase(page, '修复完成，已终止公示');
      assert.match(await page.getByTestId('my-reason').innerText(), /准予提前停止公布/);
    } finally {
      await page.close();
      await context.clearCookies();
    }
  });

  it('异议: filed from the record, 异议处理中 on the page, upheld in the console, the outcome in 我的申请', async () => {
    try {
      await onPage(blackTab(other), async (page) => {
        const link = page.getByTestId('tab-black').getByTestId('objection-link');
        await link.waitFor(WAIT);
        await link.click();
        await page.getByTestId('apply-sign-in-link').click();
        await signInAsEnterprise(page, other);
        await page.getByTestId('apply-form').waitFor(WAIT);
        assert.match(page.url(), new RegExp(`record=${recentId}.*objection=1`));
        await page.getByTestId('apply-template').filter({ hasText: '异议申诉信用承诺书' }).waitFor(WAIT);
        await page.getByLabel(/异议类型/).selectOption('WRONG');
        await page.getByLabel(/异议理由/).fill('公示的违法事实与税务处理决定书不一致，少缴税额应为48万元。');
        await page
          .getByTestId('apply-file-EVIDENCE')
          .setInputFiles({ name: '税务处理决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page
          .getByTestId('apply-file-COMMITMENT')
          .setInputFiles({ name: '异议承诺书.pdf', mimeType: 'application/pdf', buffer: PDF });
        await noSeriousViolations(page, 'the objection form');
        await page.getByTestId('apply-submit').click();
        await page.getByTestId('apply-query-code').waitFor(WAIT);
      });
    } finally {
      await context.clearCookies();
    }
    await inConsole('platform', (page) => consoleMove(page, other, 'forward'));
    await onPage(blackTab(other), async (page) => {
      const mark = page.getByTestId('tab-black').getByTestId('objection-pending');
      await mark.waitFor(WAIT);
      assert.equal((await mark.innerText()).trim(), '异议处理中');
    });
    await inConsole('tax', (page) => consoleMove(page, other, 'uphold', '经核查，公示信息与原处理决定一致'));
    await hub.events!.settle();
    await onPage(blackTab(other), async (page) => {
      await page.getByTestId('tab-black').getByTestId('repair-unavailable').waitFor(WAIT);
      assert.equal(await page.getByTestId('tab-black').getByTestId('objection-pending').count(), 0);
    });
    const page = await context.newPage();
    try {
      await signInAsEnterprise(page, other, '/my');
      await myCase(page, '异议不成立，维持原记录');
      assert.equal(await page.getByTestId('my-reason').innerText(), '经核查，公示信息与原处理决定一致');
    } finally {
      await page.close();
      await context.clearCookies();
    }
  });
});
