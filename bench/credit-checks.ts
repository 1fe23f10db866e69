/**
 * Credit-check benchmark (信用核查), run by bench/run.ts against its hub process (loopback only, bounded):
 * the batch check of 1,000 subjects (latency over several sequential runs) and single checks (throughput with
 * autocannon, the scenario's fixed duration).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type autocannon from 'autocannon';

/** utime + stime (+ waited-for children's) of a process, in clock ticks (100 per second on Linux); 0 once gone. */
function ticksOf(pid: number): { ticks: number; ppid: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return { ticks: 0, ppid: 0 };
  }
}

/**
 * CPU milliseconds spent so far by these processes and all their descendants (the hub and its workers, the PostgreSQL
 * server and its backends): steadier than wall time on a shared machine, and it counts the event consumers' work that
 * follows a batch after its answer.
 */
export function cpuMsOf(roots: readonly number[]): number {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => ({ pid: Number(d), ...ticksOf(Number(d)) }));
  const wanted = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!wanted.has(p.pid) && wanted.has(p.ppid)) {
        wanted.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => wanted.has(p.pid)).reduce((sum, p) => sum + p.ticks * 10, 0);
}

/**
 * Waits until the processes are idle (under 100 ms of CPU in a second, at most 120 s): the consumers have drained. An
 * idle hub with its PostgreSQL spends about 50 ms a second (nine consumers and the relay polling, the workers' timers),
 * so a lower bar is never reached; the consumers of a batch spend several times more while they work.
 */
async function settled(roots: readonly number[]): Promise<number> {
  let last = cpuMsOf(roots);
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuMsOf(roots);
    if (now - last < 100) return now;
    last = now;
  }
  return last;
}

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
  /** Processes whose CPU a batch is charged with (the hub, the PostgreSQL server): CPU ms per batch is reported. */
  cpuPids?: readonly number[];
}): Promise<void> {
  const size = options.batchSize ?? 1000;
  // The figure is for exactly this many subjects: fewer sampled codes would silently measure a smaller batch.
  if (new Set(options.codes).size < size)
    throw new Error(`the batch check needs ${size} distinct subjects, the sample has ${new Set(options.codes).size}`);
  const runs = Math.min(options.batchRuns ?? 10, 30);
  const headers = { 'content-type': 'application/json', ...options.headers };
  const pids = options.cpuPids ?? [];
  /** One batch of `size` subjects (window `i` of the sampled codes, so each run checks others): its time in ms. */
  const batch = async (i: number) => {
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
    return ms;
  };
  const line = (title: string, times: number[]) => {
    times.sort((a, b) => a - b);
    console.log(
      `${title.padEnd(36)} ${times.length} runs   p50 ${percentile(times, 50).toFixed(0)} ms  ` +
        `p90 ${percentile(times, 90).toFixed(0)} ms  max ${times[times.length - 1]!.toFixed(0)} ms`,
    );
  };
  // Back to back: each batch while the event consumers still work through the previous one's 1,000 checks (a hub
  // checking tenders without pause; on a small machine the consumers and PostgreSQL share its cores with the answer).
  const times: number[] = [];
  let cpuStart = 0;
  for (let i = 0; i < runs + 1; i++) {
    // After the warm-up and its consumers: the CPU from here on is the measured batches' (answers and consumers).
    if (i === 1 && pids.length > 0) cpuStart = await settled(pids);
    const ms = await batch(i);
    // The first run only warms up.
    if (i > 0) times.push(ms);
  }
  if (pids.length > 0)
    console.log(
      `${'batch check CPU (hub + PostgreSQL)'.padEnd(36)} ${(((await settled(pids)) - cpuStart) / runs).toFixed(0)} ms per batch, consumers included`,
    );
  line(`batch check ${size.toLocaleString('en')} subjects`, times);
  // One at a time: each batch on a settled hub (the previous batch's consumers done), as a tender's check arrives.
  if (pids.length > 0) {
    const alone: number[] = [];
    for (let i = runs + 1; i < 2 * runs + 1; i++) {
      await settled(pids);
      alone.push(await batch(i));
    }
    line(`  the same, each on a settled hub`, alone);
  }
  options.report(
    await options.run(
      'single credit check (recorded)',
      options.codes.map((code) => JSON.stringify({ query: SINGLE, variables: { codes: [code] } })),
      options.headers,
    ),
  );
}
