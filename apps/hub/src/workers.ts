/**
 * The all-in-one hub on every core (ADR 0114): a primary process and HUB_WORKERS workers (node:cluster). The primary
 * prepares the database and the site once, runs the hub's singletons (the event backbone: relay, consumers, time
 * rules) and aggregates the workers' metrics; each worker is a whole hub without them — every subgraph and a gateway
 * that executes them in-process — and the workers share the gateway's port (the primary hands each new connection to
 * the next worker).
 *
 * What the primary and its workers say to each other over the cluster's IPC channel is here: a worker's /metrics asks
 * the primary, which asks every worker for its series, adds its own (the event backlog, its process) and answers
 * with them aggregated; and the state the workers share without Redis (rate limits, search budgets, used challenge
 * solutions and identity headers, logouts) is held by the primary and asked for by the workers (ADR 0127).
 */
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import {
  aggregateMetrics,
  answerStateRequest,
  ClusterStateClient,
  isStateRequest,
  processChannel,
  processMetricsAsJson,
  reportSharedState,
  StateStore,
} from '@credit-hub/kit';

type Series = Awaited<ReturnType<typeof processMetricsAsJson>>;

type Message =
  | { kind: 'credit-hub:metrics?'; id: string }
  | { kind: 'credit-hub:metrics'; id: string; text: string }
  | { kind: 'credit-hub:series?'; id: string }
  | { kind: 'credit-hub:series'; id: string; series: Series };

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && String((value as { kind?: unknown }).kind).startsWith('credit-hub:');

/** How long the primary waits for a worker's series before answering a scrape without them (a worker starting). */
const SERIES_WAIT_MS = 3_000;

/** In the primary: answers the workers' scrapes with every process's series. Call once, before forking. */
export function serveClusterMetrics(): void {
  const pending = new Map<string, (series: Series) => void>();
  const seriesOf = (worker: Worker): Promise<Series | null> =>
    new Promise((resolve) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, SERIES_WAIT_MS);
      pending.set(id, (series) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(series);
      });
      try {
        worker.send({ kind: 'credit-hub:series?', id } satisfies Message);
      } catch {
        clearTimeout(timer);
        pending.delete(id);
        resolve(null);
      }
    });
  cluster.on('message', async (worker, message: unknown) => {
    if (!isMessage(message)) return;
    if (message.kind === 'credit-hub:series') pending.get(message.id)?.(message.series);
    if (message.kind !== 'credit-hub:metrics?') return;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w.isConnected());
    const all = await Promise.all([processMetricsAsJson(), ...workers.map(seriesOf)]);
    const answered = all.filter((s): s is Series => s !== null);
    const text =
      (await aggregateMetrics(answered)) +
      '\n# HELP credit_hub_workers_scraped Workers whose series this scrape adds up (the others did not answer in time)' +
      `\n# TYPE credit_hub_workers_scraped gauge\ncredit_hub_workers_scraped ${answered.length - 1}\n`;
    if (worker.isConnected()) worker.send({ kind: 'credit-hub:metrics', id: message.id, text } satisfies Message);
  });
}

/**
 * In a worker: answers the primary's requests for this process's series, and returns what the gateway's /metrics
 * answers (the whole hub's series, from the primary).
 */
export function clusterMetricsOfWorker(): () => Promise<string> {
  const waiting = new Map<string, (text: string) => void>();
  process.on('message', async (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.kind === 'credit-hub:series?')
      process.send?.({
        kind: 'credit-hub:series',
        id: message.id,
        series: await processMetricsAsJson(),
      } satisfies Message);
    if (message.kind === 'credit-hub:metrics') waiting.get(message.id)?.(message.text);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary process did not answer the metrics scrape'));
      }, SERIES_WAIT_MS * 2);
      waiting.set(id, (text) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(text);
      });
      process.send?.({ kind: 'credit-hub:metrics?', id } satisfies Message);
    });
}

/**
 * In the primary: holds the workers' shared state and answers their requests (kit cluster-state.ts). Each request is
 * answered in one synchronous step, so a claim is atomic across workers. Call once, before forking; the returned
 * store is closed with the hub.
 */
export function serveClusterState(): StateStore {
  const store = new StateStore();
  cluster.on('message', (worker, message: unknown) => {
    if (!isStateRequest(message) || !worker.isConnected()) return;
    // A worker that ended meanwhile: its requests already failed on its side.
    worker.send(answerStateRequest(store, message), undefined, () => undefined);
  });
  return store;
}

/** In a worker: the client of the state its primary holds (serveClusterState), its traffic in /metrics. */
export function clusterStateOfWorker(): ClusterStateClient {
  const client = new ClusterStateClient(processChannel());
  reportSharedState(() => client.counts);
  return client;
}
