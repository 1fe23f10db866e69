/**
 * The embedded event backbone that `npm start` (apps/hub) and the tests run: the relay loop (outboxes → bus,
 * woken by the writers' NOTIFY, polled as a fallback) and the consumers. Postgres only; no broker.
 *
 * The backbone holds exactly one pool connection for notifications, whatever the number of consumers: it LISTENs
 * on the outbox channel (wakes the relay) and on the bus channel (wakes every consumer). Every other connection of
 * the pool stays free for relay and consumer batches, so any pool of two or more connections makes progress.
 */
import type pg from 'pg';
import { startConsumer, type ConsumerDefinition, type RunningConsumer } from './consumer.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import { BUS_CHANNEL, relayAll } from './relay.ts';
import { waker } from './waker.ts';

export interface BackboneOptions {
  consumers?: readonly ConsumerDefinition[];
  /** Run the embedded relay (default true). False where the NATS relay moves the outboxes instead. */
  relay?: boolean;
  pollMs?: number;
  /**
   * How long the relay waits after a wake-up before it moves what has been committed (default 50 ms). A request's
   * outbox rows are announced when its last transaction commits, a few milliseconds before its answer is complete:
   * woken at once, the relay and then every consumer took the cores from the rest of that answer (on two cores a
   * batch check's last merge and its second audit append). Waiting also gathers the rows of requests that commit
   * close together into one relay pass.
   */
  gatherMs?: number;
}

export interface RunningBackbone {
  consumers: RunningConsumer[];
  /** Relays what is committed now, then waits until every consumer has caught up (tests; no timing involved). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEventBackbone(pool: pg.Pool, options: BackboneOptions = {}): Promise<RunningBackbone> {
  const pollMs = options.pollMs ?? 1000;
  const gatherMs = options.gatherMs ?? 50;
  const relay = options.relay ?? true;
  let stopped = false;
  const wake = waker();
  let relayLoop: Promise<void> = Promise.resolve();
  const definitions = options.consumers ?? [];
  const consumers: RunningConsumer[] = [];
  const channels = [...(relay ? [OUTBOX_CHANNEL] : []), ...(definitions.length > 0 ? [BUS_CHANNEL] : [])];
  let listener: pg.PoolClient | null = null;
  if (channels.length > 0) {
    listener = await pool.connect();
    listener.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) wake.signal();
      else for (const consumer of consumers) consumer.wake();
    });
    for (const channel of channels) await listener.query(`LISTEN ${channel}`);
  }
  // Started after the listener holds its connection, so a notification is never missed for want of one.
  consumers.push(...definitions.map((def) => startConsumer(pool, def, { pollMs, listen: false })));
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
        if (!stopped && gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
      }
    })();
  }
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
