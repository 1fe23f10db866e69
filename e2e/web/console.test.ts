import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { fixClock } from '@credit-hub/kit';
import { pgSql } from '@credit-hub/kit/db';
import { recordEvents, type NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, initSeed, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureWebBuild } from '@credit-hub/web/build';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestHub } from '../support/hub.ts';
import { launchBrowser, openPage, seriousViolations, type PageWatch } from './browser.ts';

// The supervisors' console (监管看板) in a real browser against the whole hub: the metrics come from department events
// recorded in the departments' outboxes and carried by the hub's own event backbone to the metrics consumer.
let tdb: TestDatabase;
let hub: Hub;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
let listed: { code: string; name: string };
let codes: string[];

const entry = (code: string, list: 'DISHONEST_DEBTOR' | 'SERIOUS_ILLEGAL', listedOn: string): NewEvent => ({
  source: 'court',
  type: 'list.entry.added',
  department: 'court',
  subject: code,
  occurredAt: new Date(`${listedOn}T02:00:00Z`),
  payload: { list, entryId: `${code}-${list}-${listedOn}`, listedOn, endsOn: null, authority: null },
});

before(async () => {
  await ensureWebBuild();
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  const a = await seed.subject({ name: '杭州看板测试贸易有限公司', regionCode: '330106' });
  const b = await seed.subject({ name: '宁波看板测试制造有限公司', regionCode: '330203' });
  listed = { code: a.code, name: a.name };
  codes = [a.code, b.code];
  hub = await startTestHub(tdb.url, tdb.db, { enforceSafelist: true });
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
  await recordEvents(pgSql(tdb.db.pool), [
    entry(a.code, 'DISHONEST_DEBTOR', '2026-02-10'),
    entry(b.code, 'SERIOUS_ILLEGAL', '2026-03-05'),
  ]);
  await hub.events!.settle();
  browser = await launchBrowser();
  context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  ({ page, watch } = await openPage(context, base));
});

after(async () => {
  await context?.close();
  await browser?.close();
  await hub?.close();
  await tdb?.drop();
});

const VARS = 'from=2026-01-01&to=2026-06-30';
/** Well above a blank canvas of the same size (about 3 KB): the pie's sectors, labels and legend. */
const PNG_MIN_BYTES = 8000;

describe('the supervisors’ console', () => {
  it('signs a supervisor in and opens a built-in dashboard with its variables from the URL', async () => {
    await page.goto(`${base}/auth/dev?returnTo=${encodeURIComponent(`/console/dashboards/builtin-lists?${VARS}`)}`);
    await page.check('input[name=role][value=supervisor]');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/dashboards\/builtin-lists/);
    await page.getByTestId('dashboard-title').filter({ hasText: '红黑名单监测' }).waitFor();
    await page.getByTestId('stat-entries-total').filter({ hasText: '2' }).waitFor();
    assert.equal(await page.getByTestId('var-from').inputValue(), '2026-01-01');
  });

  it('applies a changed variable to every panel and keeps it in the shareable URL', async () => {
    // The period ends before the second listing: one entry in force.
    await page.getByTestId('var-to').fill('2026-02-28');
    await page.getByTestId('var-to').dispatchEvent('change');
    await page.waitForURL(/to=2026-02-28/);
    await page
      .getByTestId('stat-entries-total')
      .filter({ hasText: /^\s*1\s*$/ })
      .waitFor();
    await page
      .getByTestId('stat-additions-total')
      .filter({ hasText: /^\s*1\s*$/ })
      .waitFor();
    assert.match(await page.getByTestId('share-url').inputValue(), /to=2026-02-28/);
    // Region: the cascade narrows to 宁波市, where nothing was listed by then.
    await page.getByTestId('var-region').locator('select').first().selectOption('330000');
    await page.getByTestId('var-region').locator('select').nth(1).selectOption('330200');
    await page.waitForURL(/region=330200/);
    await page
      .getByTestId('stat-entries-total')
      .filter({ hasText: /^\s*0\s*$/ })
      .waitFor();
    await page.getByTestId('region-up').click();
    await page
      .getByTestId('stat-entries-total')
      .filter({ hasText: /^\s*1\s*$/ })
      .waitFor();
  });

  it('drills from a number to the list behind it and on to the subject page', async () => {
    await page.getByTestId('stat-entries-total').click();
    const dialog = page.getByTestId('facts-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('fact-subject').filter({ hasText: listed.code }).click();
    await page.waitForURL(new RegExp(`/subject/${listed.code}`));
    await page.getByText(listed.name).first().waitFor();
  });

  it('exports a panel as CSV', async () => {
    await page.goto(`${base}/console/dashboards/builtin-lists?${VARS}`);
    await page.getByTestId('stat-entries-total').filter({ hasText: '2' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-entries-by-list').click(),
    ]);
    assert.equal(download.suggestedFilename(), '在册数（按名单）.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    assert.match(text, /名单,名单在册数/);
    assert.match(text, /失信被执行人,1/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-entries-by-list').click()]);
    assert.equal(xlsx.suggestedFilename(), '在册数（按名单）.xlsx');
  });

  it('exports a chart panel as a PNG image of the chart', async () => {
    const panel = page.locator('section.panel', { hasText: '在册数（按名单）' });
    await panel.locator('canvas').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('png-entries-by-list').click(),
    ]);
    assert.equal(download.suggestedFilename(), '在册数（按名单）.png');
    const png = readFileSync((await download.path())!);
    // A real PNG: the signature, an IHDR chunk first, the chart's size at twice the pixels, and drawn content.
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const box = (await panel.locator('canvas').first().boundingBox())!;
    assert.equal(width, Math.round(box.width * 2), 'width: the canvas at pixel ratio 2');
    assert.equal(height, Math.round(box.height * 2), 'height: the canvas at pixel ratio 2');
    assert.ok(width >= 400 && height >= 300, `a chart-sized image, got ${width}×${height}`);
    assert.ok(png.length > PNG_MIN_BYTES, `a drawn chart, not a blank canvas (${png.length} bytes)`);
    assert.equal(png.subarray(png.length - 8, png.length - 4).toString('ascii'), 'IEND');
  });

  it('adds a threshold alert on a metric and lists the breach once data crosses it', async () => {
    const restore = fixClock('2026-05-10');
    try {
      await page.goto(`${base}/console/dashboards/builtin-lists?${VARS}`);
      await page.getByText('暂无预警').waitFor();
      await page.getByTestId('alert-metric').selectOption('lists.additions');
      await page.getByTestId('alert-comparator').selectOption('ABOVE');
      await page.getByTestId('alert-threshold').fill('2');
      await page.getByTestId('alert-add').click();
      await page.getByTestId('alert-message').filter({ hasText: '已添加预警规则：新增列入数高于2' }).waitFor();
      // The scheduler judges the last full month (April): nothing listed then, nothing fires.
      await hub.events!.scheduler!.runNow();
      await page.reload();
      await page.getByText('暂无预警').waitFor();
      // Three listings in April cross the threshold; the next run records the breach once.
      await recordEvents(pgSql(tdb.db.pool), [
        entry(codes[0]!, 'SERIOUS_ILLEGAL', '2026-04-03'),
        entry(codes[1]!, 'DISHONEST_DEBTOR', '2026-04-15'),
        entry(codes[1]!, 'DISHONEST_DEBTOR', '2026-04-30'),
      ]);
      await hub.events!.settle();
      await hub.events!.scheduler!.runNow();
      await hub.events!.scheduler!.runNow();
      await page.reload();
      const alert = page.getByTestId('alert');
      await alert.filter({ hasText: '新增列入数 高于 2：3（2026-04-01至2026-04-30）' }).waitFor();
      assert.equal(await alert.count(), 1);
      assert.deepEqual(await seriousViolations(page), [], 'no serious or critical axe-core violation');
    } finally {
      restore();
    }
  });

  it('builds a custom panel and saves the dashboard as a new version', async () => {
    await page.getByTestId('add-panel').click();
    await page.getByTestId('panel-metric').selectOption('lists.additions');
    await page.getByTestId('panel-title').fill('按名单新增');
    await page.getByTestId('panel-viz').selectOption('TABLE');
    await page.getByTestId('panel-dim-list').check();
    await page.getByTestId('panel-add').click();
    const panel = page.locator('section.panel', { hasText: '按名单新增' });
    await panel.getByText('严重违法失信名单').waitFor();
    await page.getByTestId('save-title').fill('我的名单看板');
    await page.getByTestId('save').click();
    await page.getByTestId('save-message').filter({ hasText: '已保存（第 1 版）' }).waitFor();
    await page.waitForURL(/\/console\/dashboards\/[0-9a-f-]{36}/);
    await page.getByTestId('dashboard-title').filter({ hasText: '我的名单看板' }).waitFor();
    await page.getByTestId('save').click();
    await page.getByTestId('save-message').filter({ hasText: '已保存（第 2 版）' }).waitFor();
    // A panel's query superseded by a variable change or a page change is cancelled by the client: the browser reports
    // it as aborted. Anything else (console errors, failed or outside requests, error responses) fails the test.
    assert.deepEqual(
      watch.problems.filter((p) => !/^failed request: .*\/graphql \(net::ERR_ABORTED\)$/.test(p)),
      [],
    );
  });
});
