import type { Db } from '@credit-hub/kit/db';
import { pgSql } from '@credit-hub/kit/db';
import { drainConsumer, recordEvents, relayAll, type NewEvent } from '@credit-hub/kit/events';
import { initSeed } from '@credit-hub/kit/testing';
import { metricsFactsConsumer } from '../src/events.ts';

/**
 * The metrics subgraph's data as it really arrives: department events recorded into the departments' outboxes,
 * relayed to the platform bus and consumed by the metrics consumer (no fact is inserted by hand).
 */
export function metricsSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    /** Records the events (occurredAt as given), relays them and lets the metrics consumer catch up. */
    async publish(events: NewEvent[]): Promise<number> {
      await recordEvents(pgSql(db.pool), events);
      await relayAll(db.pool);
      return drainConsumer(db.pool, metricsFactsConsumer);
    },
  };
}

export const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}+08:00`);
