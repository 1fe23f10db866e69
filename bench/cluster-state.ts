/**
 * The cost of the all-in-one hub's shared state (ADR 0127): a primary and one worker (node:cluster) exchanging the
 * state protocol of kit cluster-state.ts over the real IPC channel, as the hub's workers do. For batches of 1, 4 and
 * 12 checks (one rate-limit count; a plan's few parallel identity claims; a large plan's), it sends `--rounds` messages
 * one after the other and reports the CPU time (utime + stime, process.cpuUsage) the worker and the primary spent per
 * message and per check. CPU, not wall time: the figure holds on a loaded machine. `npx tsx bench/cluster-state.ts`.
 */
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { answerStateRequest, ClusterStateClient, isStateRequest, processChannel, StateStore } from '@credit-hub/kit';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

// The worker runs this file with the primary's arguments.
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5000' } } });
const rounds = Math.min(Number(values.rounds), 100_000);

if (cluster.isPrimary) {
  const store = new StateStore();
  let primaryCpu: NodeJS.CpuUsage = process.cpuUsage();
  const worker = cluster.fork();
  worker.on('message', (message: unknown) => {
    if (isStateRequest(message)) return void worker.send(answerStateRequest(store, message));
    const m = message as { kind?: string; batch?: number; workerMs?: number };
    if (m.kind === 'start') primaryCpu = process.cpuUsage();
    if (m.kind === 'done') {
      const primaryMs = cpuMs(primaryCpu);
      const perMessage = (ms: number) => ((ms / rounds) * 1000).toFixed(1);
      console.log(
        `batch of ${String(m.batch).padStart(2)}: worker ${perMessage(m.workerMs!)} µs, primary ${perMessage(primaryMs)} µs ` +
          `CPU per message; ${(((m.workerMs! + primaryMs) / rounds / m.batch!) * 1000).toFixed(1)} µs per check (both)`,
      );
    }
    if (m.kind === 'end') {
      worker.disconnect();
      store.close();
    }
  });
} else {
  const client = new ClusterStateClient(processChannel());
  let n = 0;
  for (const batch of [1, 4, 12]) {
    // Warm-up, then measured: each message waits for the previous answer, as one request's checks do.
    for (let i = 0; i < 200; i++)
      await Promise.all(Array.from({ length: batch }, () => client.claim(`w:${n++}`, 60_000)));
    process.send!({ kind: 'start' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const since = process.cpuUsage();
    for (let i = 0; i < rounds; i++)
      await Promise.all(Array.from({ length: batch }, () => client.claim(`n:${n++}`, 60_000)));
    process.send!({ kind: 'done', batch, workerMs: cpuMs(since) });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.send!({ kind: 'end' });
}
