/**
 * Credit-check benchmark (信用核查), run by bench/run.ts against its hub process (loopback only, bounded):
 * the batch check of 1,000 subjects (latency over several sequential runs) and single checks (throughput with
 * autocannon, the scenario's fixed duration).
 */
import type autocannon from 'autocannon';

const BATCH = `query Batch($codes: [ID!]!) { creditCheckSubjects(codes: $codes) { code
  creditCheck(matter: BIDDING, reference: "bench-tender") { id action lists { list } measures { code version } } } }`;
const SINGLE = `query Single($codes: [ID!]!) { creditCheckSubjects(codes: $codes) { code
  creditCheck(matter: PUBLIC_PROCUREMENT, reference: "bench-single") { id action measures { code version } } } }`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchCreditChecks(options: {
  gatewayUrl: string;
  headers: Record<string, string>;
  codes: string[];
  /** bench/run.ts's autocannon runner (same connections and duration as the other scenarios). */
  run: (title: string, bodies: string[], headers?: Record<string, string>) => Promise<autocannon.Result>;
  report: (result: autocannon.Result) => void;
  batchSize?: number;
  batchRuns?: number;
}): Promise<void> {
  const size = options.batchSize ?? 1000;
  // The figure is for exactly this many subjects: fewer sampled codes would silently measure a smaller batch.
  if (new Set(options.codes).size < size)
    throw new Error(`the batch check needs ${size} distinct subjects, the sample has ${new Set(options.codes).size}`);
  const runs = Math.min(options.batchRuns ?? 10, 30);
  const headers = { 'content-type': 'application/json', ...options.headers };
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    // Each run checks a different window of the sampled codes; the first run only warms up.
    const codes = Array.from({ length: size }, (_, k) => options.codes[(i * 97 + k) % options.codes.length]!);
    const started = performance.now();
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: BATCH, variables: { codes } }),
    });
    const body = (await response.json()) as { data?: { creditCheckSubjects: unknown[] }; errors?: unknown[] };
    const ms = performance.now() - started;
    if (response.status !== 200 || body.errors || body.data?.creditCheckSubjects.length !== size)
      throw new Error(`batch check failed: ${response.status} ${JSON.stringify(body.errors ?? '').slice(0, 300)}`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${`batch check ${size.toLocaleString('en')} subjects`.padEnd(36)} ${runs} runs   ` +
      `p50 ${percentile(times, 50).toFixed(0)} ms  p90 ${percentile(times, 90).toFixed(0)} ms  ` +
      `max ${times[times.length - 1]!.toFixed(0)} ms`,
  );
  options.report(
    await options.run(
      'single credit check (recorded)',
      options.codes.map((code) => JSON.stringify({ query: SINGLE, variables: { codes: [code] } })),
      options.headers,
    ),
  );
}
