/**
 * Feeds `credit_hub_event_backlog` (docs/operations.md, "Metrics") from the event backbone: per outbox the committed
 * rows not yet relayed (`{service: <department>, stream: "outbox"}`), per embedded consumer the bus events past its
 * cursor (`{service: <consumer>, stream: "bus"}`). Nothing runs between scrapes: the counts are read when Prometheus
 * asks, in ONE statement for every series (the gauge reads its sources one after the other; the first read's answer
 * serves the others of the same scrape).
 */
import type pg from 'pg';
import { reportEventBacklog } from '../observability/metrics.ts';
import { readsAfterSql } from './consumer.ts';
import { OUTBOX_SCHEMAS, type OutboxSchema } from './envelope.ts';

export interface BacklogOptions {
  /** The outboxes to count (default every department's; the relay, embedded or NATS, drains them). */
  outboxes?: readonly OutboxSchema[];
  /** Embedded consumers (their cursors in events.cursor); JetStream consumers keep their lag in the broker. */
  consumers?: readonly string[];
}

/** Registers the backbone's series; returns the function that removes them (the backbone stopped). */
export function reportBacklog(pool: pg.Pool, options: BacklogOptions = {}): () => void {
  const outboxes = options.outboxes ?? OUTBOX_SCHEMAS;
  const consumers = options.consumers ?? [];
  // Outbox counts use the partial index on unrelayed rows; a lag counts bus positions after the cursor (an index
  // range that is as long as the lag itself).
  const parts = [
    ...outboxes.map(
      (s) =>
        `SELECT 'outbox' AS stream, '${s}' AS name, count(*)::int AS n FROM "${s}".outbox WHERE relayed_at IS NULL`,
    ),
    ...consumers.map(
      (_c, i) => `SELECT 'bus' AS stream, $${i + 1}::text AS name, count(*)::int AS n FROM events.event
        WHERE position > ${readsAfterSql(`$${i + 1}`)}`,
    ),
  ];
  if (parts.length === 0) return () => undefined;
  const sql = parts.join(' UNION ALL ');
  let shared: Promise<Map<string, number>> | null = null;
  const counts = () => {
    if (!shared) {
      const current = pool
        .query<{ stream: string; name: string; n: number }>(sql, [...consumers])
        .then(({ rows }) => new Map(rows.map((r) => [`${r.stream}/${r.name}`, r.n])));
      shared = current;
      // Kept while the scrape's other reads of these series take their value (they follow as microtasks), then
      // dropped: the next scrape reads anew, so a value is never older than its scrape. A failure is not kept.
      current.then(
        () => setImmediate(() => (shared = shared === current ? null : shared)),
        () => (shared = shared === current ? null : shared),
      );
    }
    return shared;
  };
  const read = (stream: string, name: string) => async () => {
    const n = (await counts()).get(`${stream}/${name}`);
    if (n === undefined) throw new Error(`no backlog row for ${stream}/${name}`);
    return n;
  };
  const removers = [
    ...outboxes.map((s) => reportEventBacklog({ service: s, stream: 'outbox', read: read('outbox', s) })),
    ...consumers.map((c) => reportEventBacklog({ service: c, stream: 'bus', read: read('bus', c) })),
  ];
  return () => removers.forEach((remove) => remove());
}
