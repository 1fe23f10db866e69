/**
 * The embedded event backbone that `npm start` (apps/hub) and the tests run: the relay loop (outboxes → bus,
 * woken by the writers' NOTIFY, polled as a fallback) and the consumers. Postgres only; no broker.
 */
import type pg from 'pg';
import { startConsumer, type ConsumerDefinition, type RunningConsumer } from './consumer.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import { relayAll } from './relay.ts';
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
  let relayLoop: Promise<void> = Promise.resolve();
  let listener: pg.PoolClient | null = null;
  if (options.relay ?? true) {
    listener = await pool.connect();
    listener.on('notification', () => wake.signal());
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
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
  const consumers = (options.consumers ?? []).map((def) => startConsumer(pool, def, { pollMs }));
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
        await listener.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => undefined);
        listener.release();
      }
    },
  };
}
