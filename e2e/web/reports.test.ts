import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { fixClock } from '@credit-hub/kit';
import { createTestDatabase, initSeed, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureWebBuild } from '@credit-hub/web/build';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestHub } from '../support/hub.ts';
import { launchBrowser, openPage } from './browser.ts';

// The credit report in a real browser (docs/reports.md): download the 公共信用信息报告 from the subject page, open
// the verification page from the report's address, verify it, and compare the downloaded PDF in the browser.
const restoreClock = fixClock('2026-11-20');
let tdb: TestDatabase;
let hub: Hub;
let base: string;
let browser: Browser;
let context: BrowserContext;
let firm: { code: string; name: string };

before(async () => {
  await ensureWebBuild();
  tdb = await createTestDatabase();
  firm = await initSeed(tdb.db).subject({ name: '杭州淏䶮信用报告测试有限公司', regionCode: '330106' });
  hub = await startTestHub(tdb.url, tdb.db, { enforceSafelist: true });
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
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

it('downloads the report from the subject page, then verifies it on the verification page', async () => {
  const { page, watch } = await openPage(context, base);
  await page.goto(`${base}/subject/${firm.code}`);
  await page.getByTestId('subject-name').waitFor({ timeout: 90_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByTestId('report-pdf').click(),
  ]);
  const file = await download.path();
  const pdf = readFileSync(file);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(download.suggestedFilename(), /^公共信用信息报告-XY\d{20}\.pdf$/);
  const issued = (await page.getByTestId('report-issued').innerText()).match(
    /报告编号 (XY\d{20})，查验码 ([0-9A-Z]{4}-[0-9A-Z]{4})/,
  );
  assert.ok(issued, 'the page shows the number and the 查验码');
  const [, number, code] = issued;
  const [row] = await tdb.db.prisma.$queryRawUnsafe<{ pdf_sha256: string }[]>(
    `SELECT pdf_sha256 FROM report.issued_report WHERE number = '${number}'`,
  );
  assert.equal(createHash('sha256').update(pdf).digest('hex'), row?.pdf_sha256, 'the download is the issued PDF');

  // The QR code's address: the page verifies on opening.
  await page.goto(`${base}/verify?no=${number}&c=${code}`);
  await page.getByTestId('verify-result').waitFor({ timeout: 90_000 });
  assert.match(await page.getByTestId('verify-statement').innerText(), /真实有效/);
  assert.equal(await page.getByTestId('verify-subject').innerText(), firm.name);
  assert.equal(await page.getByTestId('verify-changed').innerText(), '未发生变化');
  await page.getByTestId('verify-file').setInputFiles(file);
  assert.equal(await page.getByTestId('verify-file-result').innerText(), '文件与出具的报告一致。');
  const tampered = Buffer.from(pdf);
  tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 1;
  await page
    .getByTestId('verify-file')
    .setInputFiles({ name: 'tampered.pdf', mimeType: 'application/pdf', buffer: tampered });
  await page.getByTestId('verify-file-result').filter({ hasText: '不一致' }).waitFor({ timeout: 30_000 });

  // Typing a wrong code by hand.
  await page.goto(`${base}/verify`);
  await page.getByTestId('verify-number').fill(number!);
  await page.getByTestId('verify-code').fill('0000-0000');
  await page.getByTestId('verify-submit').click();
  assert.match(await page.getByTestId('verify-error').innerText({ timeout: 90_000 }), /未找到/);
  // The wrong code's NOT_FOUND is an answer the page expects, not a failure.
  assert.deepEqual(
    watch.problems.filter((p) => !/graphql/.test(p)),
    [],
    'no console error, failed or external request',
  );
  await page.close();
});

it('gives a signed-in enterprise its own 专项信用报告', async () => {
  const { page } = await openPage(context, base);
  await page.goto(`${base}/report/special`);
  await page.getByTestId('special-sign-in').waitFor({ timeout: 90_000 });
  // The development sign-in as the enterprise itself (production signs in through the identity provider).
  await page.goto(`${base}/auth/dev?returnTo=%2Freport%2Fspecial`);
  await page.locator('input[name=role][value=enterprise]').check();
  await page.locator('#uscc').fill(firm.code);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('special-form').waitFor({ timeout: 90_000 });
  assert.equal(await page.getByTestId('special-code').inputValue(), firm.code);
  await page.getByTestId('special-from').fill('2025-01-01');
  await page.getByTestId('special-to').fill('2026-11-20');
  await page.getByTestId('special-submit').click();
  await page.getByTestId('special-issued').waitFor({ timeout: 90_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByTestId('special-pdf').click(),
  ]);
  assert.match(download.suggestedFilename(), /^专项信用报告-XY\d{20}\.pdf$/);
  assert.equal(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );
  const [row] = await tdb.db.prisma.$queryRawUnsafe<{ requester_role: string; period_from: string }[]>(
    `SELECT requester_role, period_from::text FROM report.issued_report WHERE kind = 'SPECIAL_NO_VIOLATION' AND subject_code = '${firm.code}'`,
  );
  assert.deepEqual(row, { requester_role: 'ENTERPRISE', period_from: '2025-01-01' });
  await page.close();
});
