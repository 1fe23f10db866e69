import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hub } from '@credit-hub/hub';
import { pgSql } from '@credit-hub/kit/db';
import { recordEvents, type NewEvent } from '@credit-hub/kit/events';
import { createTestDatabase, initSeed, type TestDatabase } from '@credit-hub/kit/testing';
import { ensureWebBuild } from '@credit-hub/web/build';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestHub } from '../support/hub.ts';
import { launchBrowser, openPage, type PageWatch } from './browser.ts';

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

before(async () => {
  await ensureWebBuild();
  tdb = await createTestDatabase();
  const seed = initSeed(tdb.db);
  const a = await seed.subject({ name: '杭州看板测试贸易有限公司', regionCode: '330106' });
  const b = await seed.subject({ name: '宁波看板测试制造有限公司', regionCode: '330203' });
  listed = { code: a.code, name: a.name };
  hub = await startTestHub(tdb.url, tdb.db, { enforceSafelist: true });
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
  const entry = (code: string, list: 'DISHONEST_DEBTOR' | 'SERIOUS_ILLEGAL', listedOn: string): NewEvent => ({
    source: 'court',
    type: 'list.entry.added',
    department: 'court',
    subject: code,
    occurredAt: new Date(`${listedOn}T02:00:00Z`),
    payload: { list, entryId: `${code}-${list}`, listedOn, endsOn: null, authority: null },
  });
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
