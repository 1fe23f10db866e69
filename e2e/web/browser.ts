import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * A headless Chromium for the site's tests: Debian's chromium when installed, else the one the npm package
 * @sparticuz/chromium ships inside itself (a fresh machine with only Node and npm can run the tests). Background
 * services that would reach outside hosts are switched off.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const quiet = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--disable-domain-reliability',
    '--metrics-recording-only',
    ...extraArgs,
  ];
  if (existsSync('/usr/bin/chromium'))
    return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', ...quiet] });
  const { default: packaged } = (await import('@sparticuz/chromium')) as unknown as {
    default: { executablePath(): Promise<string>; args: string[] };
  };
  // The package unpacks its binary into the system's temporary directory on first use. Two test runs on one machine
  // can meet there: one still writing the file while the other executes it fails with ETXTBSY. The writer finishes
  // within moments, so a launch that meets a busy file waits and tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath: await packaged.executablePath(),
        headless: true,
        args: [...packaged.args, ...quiet],
      });
    } catch (error) {
      if (attempt >= 5 || !String((error as Error).message).includes('ETXTBSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
  }
}

/** What a page did that the site must never do: console errors, failed or external requests, error responses. */
export interface PageWatch {
  problems: string[];
  /** Requests to expect failing in this test (a simulated outage): not counted as problems. */
  allowFailure(pattern: RegExp): void;
}

export async function openPage(context: BrowserContext, base: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await context.newPage();
  // Waits are for correctness, not speed (speed is measured in `npm run bench`): on a loaded two-core CI machine,
  // with the e2e files running in parallel beside this browser, a page has been seen to need more than
  // Playwright's default 30 s to render.
  page.setDefaultTimeout(90_000);
  page.setDefaultNavigationTimeout(90_000);
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  const isAllowed = (url: string) => allowed.some((p) => p.test(url));
  page.on('console', (message) => {
    if (message.type() === 'error' && !isAllowed(message.location().url ?? ''))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`external request: ${url}`);
  });
  page.on('requestfailed', (request) => {
    if (!isAllowed(request.url())) problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isAllowed(response.url()))
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return { page, watch: { problems, allowFailure: (p) => allowed.push(p) } };
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const require = createRequire(import.meta.url);

/**
 * Screenshots for docs/ need CJK glyphs, which headless Chromium here lacks. In the TEST browser only, a font
 * request is answered with Noto Sans SC from the npm package @expo-google-fonts/noto-sans-sc and the page is given
 * an @font-face for it; the built site itself names only system fonts and loads none.
 */
export async function useCjkFont(page: Page, base: string): Promise<void> {
  const file = path.join(
    path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
    '400Regular',
    'NotoSansSC_400Regular.ttf',
  );
  const font = readFileSync(file);
  await page.route(`${base}/__test-font/noto-sans-sc.ttf`, (route) =>
    route.fulfill({ status: 200, contentType: 'font/ttf', body: font }),
  );
  await page.addStyleTag({
    content: `@font-face { font-family: 'Test CJK'; src: url('/__test-font/noto-sans-sc.ttf'); }
      :root, body, button, input, select { font-family: 'Test CJK', sans-serif !important; }`,
  });
  await page.evaluate('document.fonts.ready.then(() => document.fonts.size)');
}
