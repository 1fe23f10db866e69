/**
 * Credit report benchmark (信用报告, docs/reports.md), run by bench/run.ts against its hub process (loopback only,
 * bounded in count): generation latency of the 公共信用信息报告 one at a time (p50/p95), reports per second with 8
 * requests in flight, and the hub process's memory (resident set before, after and its peak).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const OPERATION = readFileSync(path.resolve(here, '../gateway/operations/PublicCreditReport.graphql'), 'utf8');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The process's resident and peak resident memory in MB (Linux /proc), or null elsewhere. */
function memory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export async function benchReports(options: {
  gatewayUrl: string;
  codes: string[];
  /** The hub's process id, for its memory. */
  pid?: number | undefined;
  sequential?: number;
  concurrent?: number;
  total?: number;
}): Promise<void> {
  const sequential = Math.min(options.sequential ?? 30, 100);
  const concurrent = Math.min(options.concurrent ?? 8, 16);
  const total = Math.min(options.total ?? 80, 400);
  let next = 0;
  const one = async () => {
    const code = options.codes[next++ % options.codes.length]!;
    const started = performance.now();
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: OPERATION, variables: { subjectCode: code } }),
    });
    const body = (await response.json()) as {
      data?: { publicCreditReport?: { pdfBase64: string } };
      errors?: unknown[];
    };
    if (!body.data?.publicCreditReport) throw new Error(`report failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return {
      ms: performance.now() - started,
      bytes: Buffer.from(body.data.publicCreditReport.pdfBase64, 'base64').length,
    };
  };
  const before = options.pid ? memory(options.pid) : null;
  await one(); // loads the fonts
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < sequential; i++) {
    const { ms, bytes } = await one();
    times.push(ms);
    sizes.push(bytes);
  }
  times.sort((a, b) => a - b);
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrent }, async () => {
      while (done < total) {
        done++;
        await one();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = options.pid ? memory(options.pid) : null;
  console.log(
    `${'公共信用信息报告 (PDF + record)'.padEnd(36)} ${sequential} one at a time: p50 ${percentile(times, 50).toFixed(0)} ms  ` +
      `p95 ${percentile(times, 95).toFixed(0)} ms  (PDF ${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024)} KB)`,
  );
  console.log(
    `${'reports at 8 in flight'.padEnd(36)} ${(total / seconds).toFixed(1)} reports/s  (${total} reports, ${concurrent} concurrent)`,
  );
  if (before && after)
    console.log(
      `${'hub memory'.padEnd(36)} RSS ${before.rss.toFixed(0)} MB before, ${after.rss.toFixed(0)} MB after, peak ${after.peak.toFixed(0)} MB`,
    );
}
