/**
 * The public site's figures (`npm run bench`, or `npm run bench -- --only web`): initial JavaScript per page
 * (gzip), search-to-first-result time through the real stack, and Lighthouse performance and accessibility
 * scores in mobile emulation for the home, search and subject pages. Goals (issue 14): ≤ 250 KB initial JS,
 * performance ≥ 90, accessibility ≥ 95. Figures depend on the machine; they are printed, not asserted.
 *
 * Lighthouse is pinned to 12.2.x: 13 needs Node 22. It drives the same headless Chromium as the browser tests
 * through its remote-debugging port.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '@credit-hub/kit/db';
import { launchBrowser } from '../e2e/web/browser.ts';

const DIST = path.join(repoRoot, 'web', 'dist');

export async function benchWeb(options: { base: string; subjectCode: string; fragment: string }): Promise<void> {
  const { base, subjectCode, fragment } = options;
  const pages: [string, string][] = [
    ['home', '/'],
    ['search', `/search?q=${encodeURIComponent(fragment)}`],
    ['subject', `/subject/${subjectCode}`],
  ];
  const browser = await launchBrowser();
  try {
    console.log('\npublic site (bench/web.ts):');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    for (const [name, url] of pages) {
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('request', (r) => {
        if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.add(new URL(r.url()).pathname);
      });
      await page.goto(`${base}${url}`, { waitUntil: 'networkidle' });
      let raw = 0;
      let gzip = 0;
      for (const file of scripts) {
        const body = readFileSync(path.join(DIST, file));
        raw += body.length;
        gzip += gzipSync(body, { level: 9 }).length;
      }
      console.log(
        `  ${name.padEnd(8)} initial JS ${(gzip / 1024).toFixed(0).padStart(4)} KB gzip (${(raw / 1024).toFixed(0)} KB, ${scripts.size} files)`,
      );
      await page.close();
    }
    // Search to first result: from the search button's click to the first result drawn, through the real stack.
    const page = await context.newPage();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${base}/`, { waitUntil: 'networkidle' });
      await page.getByTestId('search-input').fill(fragment.slice(0, 2 + (i % 3)));
      const started = performance.now();
      await page.getByTestId('search-button').click();
      await page.getByTestId('result-list').or(page.getByTestId('search-empty')).first().waitFor();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`  search to first result: median ${times[2]!.toFixed(0)} ms (5 runs, min ${times[0]!.toFixed(0)} ms)`);
  } finally {
    await browser.close();
  }
  let lighthouse: typeof import('lighthouse').default;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch (error) {
    console.log(`  Lighthouse could not run: ${(error as Error).message}`);
    return;
  }
  for (const [name, url] of pages) {
    // A browser of its own per page: the packaged Chromium runs as one process, and Lighthouse closes its page.
    const port = 9300 + Math.floor(Math.random() * 500);
    const own = await launchBrowser([`--remote-debugging-port=${port}`]);
    const result = await lighthouse(`${base}${url}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
      // Loopback: the simulated slow-4G throttling of mobile emulation stands in for the network.
      throttlingMethod: 'simulate',
      screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
    });
    await own.close().catch(() => undefined);
    const categories = result?.lhr.categories;
    const score = (c: { score: number | null } | undefined) => (c?.score == null ? 'n/a' : Math.round(c.score * 100));
    console.log(
      `  Lighthouse ${name.padEnd(8)} performance ${score(categories?.performance)}  accessibility ${score(categories?.accessibility)}`,
    );
  }
}
