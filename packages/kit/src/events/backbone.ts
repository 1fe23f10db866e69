/**
 * The embedded event backbone that `npm start` (apps/hub) and the tests run: the relay loop (outboxes → bus,
 * woken by the writers' NOTIFY, polled as a fallback) and the consumers. Postgres only; no broker.
 */
import type pg from 'pg';
import { startConsumer, type BusNotices, type ConsumerDefinition, type RunningConsumer } from './consumer.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import { BUS_CHANNEL, relayAll } from './relay.ts';
import { waker } from './waker.ts';

export interface BackboneOptions {
  consumers?: readonly ConsumerDefinition[];
  /** Run the embedded relay (default true). False where the NATS relay moves the outboxes instead. */
  relay?: boolean;
  pollMs?: number;
}

export interface RunningBackbone {
  consumers: RunningConsumer[];
  /** Relays what is committed now, then waits until every consumer has caught up (tests; no timing involved). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEventBackbone(pool: pg.Pool, options: BackboneOptions = {}): Promise<RunningBackbone> {
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  const wake = waker();
  // One connection listens for the whole backbone (the relay's outbox wake-ups and the consumers' bus wake-ups):
  // a held connection per consumer would exhaust the pool once there are more consumers than connections.
  const definitions = options.consumers ?? [];
  const relay = options.relay ?? true;
  const busListeners = new Set<() => void>();
  const busNotices: BusNotices = {
    subscribe: (notice) => {
      busListeners.add(notice);
      return () => busListeners.delete(notice);
    },
  };
  const channels = [...(relay ? [OUTBOX_CHANNEL] : []), ...(definitions.length > 0 ? [BUS_CHANNEL] : [])];
  let listener: pg.PoolClient | null = null;
  if (channels.length > 0) {
    listener = await pool.connect();
    listener.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) wake.signal();
      else busListeners.forEach((notice) => notice());
    });
    for (const channel of channels) await listener.query(`LISTEN ${channel}`);
  }
  let relayLoop: Promise<void> = Promise.resolve();
  if (relay) {
    relayLoop = (async () => {
      while (!stopped) {
        try {
          await relayAll(pool);
        } catch (error) {
          if (!stopped) console.error('event relay:', error);
        }
        if (stopped) break;
        await wake.sleep(pollMs);
      }
    })();
  }
  const consumers = definitions.map((def) => startConsumer(pool, def, { pollMs, busNotices }));
  return {
    consumers,
    settle: async () => {
      await relayAll(pool);
      await Promise.all(consumers.map((c) => c.caughtUp()));
    },
    stop: async () => {
      stopped = true;
      wake.signal();
      await relayLoop;
      await Promise.all(consumers.map((c) => c.stop()));
      if (listener) {
        await listener.query('UNLISTEN *').catch(() => undefined);
        listener.release();
      }
    },
  };
}
