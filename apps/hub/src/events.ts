/**
 * The hub's event backbone (docs/events.md, ADR 0070): what runs beside the subgraphs in `npm start` and in the
 * tests' hubs. Embedded default: the relay moves every department's outbox onto the platform bus (Postgres only),
 * the consumers listed here read it, and the scheduler records the events that time makes (terms and publicity
 * windows ending). With a NATS URL the outboxes are relayed to JetStream instead and the consumers are durable
 * JetStream consumers; the outboxes hold everything while the broker is away.
 */
import pg from 'pg';
import {
  reportBacklog,
  startEventBackbone,
  startTimeEvents,
  type ConsumerDefinition,
  type RunningBackbone,
  type RunningScheduler,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import {
  connectNats,
  consumerLeadership,
  startNatsConsumer,
  startNatsRelay,
  type NatsBus,
  type NatsBusOptions,
} from '@credit-hub/kit/events/nats';
import { commitmentRepairConsumer, commitmentTimeRules } from '@credit-hub/subgraph-commitment/events';
import { courtTimeRules } from '@credit-hub/subgraph-court/events';
import { disclosureRepairConsumer, disclosureTimeRules } from '@credit-hub/subgraph-disclosure/events';
import { environmentRepairConsumer } from '@credit-hub/subgraph-environment/events';
import { EVALUATION_CONSUMERS, evaluationTimeRules } from '@credit-hub/subgraph-evaluation/events';
import { marketRepairConsumer, marketTimeRules } from '@credit-hub/subgraph-market/events';
import { repairConsumers } from '@credit-hub/subgraph-repair/events';
import { taxRepairConsumer, taxTimeRules } from '@credit-hub/subgraph-tax/events';
import { DEFAULT_CONFIG, pushConsumer } from '@credit-hub/subgraph-push';
import { metricsFactsConsumer, metricsTimeRules } from '@credit-hub/subgraph-metrics/events';

/** Every department's time rules: the endings that a day makes, announced once each. */
export const HUB_TIME_RULES: readonly TimeEventRule[] = [
  ...taxTimeRules,
  ...courtTimeRules,
  ...marketTimeRules,
  ...disclosureTimeRules,
  ...metricsTimeRules,
  ...commitmentTimeRules,
  ...evaluationTimeRules,
];

/** The hub's own consumers (a platform subgraph that reacts to other departments' events adds its one here). */
export const HUB_CONSUMERS: readonly ConsumerDefinition[] = [
  // evaluation: kept and broken commitments into its own facts (docs/evaluation.md).
  ...EVALUATION_CONSUMERS,
  // push: every event fanned out to the webhook subscriptions, measure.lift.required made (docs/push.md).
  pushConsumer(DEFAULT_CONFIG),
  // metrics: the supervisors' fact store (docs/metrics.md).
  metricsFactsConsumer,
  // 信用修复 (docs/rules/repair.md): the window's record projection and SYNCED step, and each deciding department's
  // own repair act on `repair.approved`, in its own schema.
  ...repairConsumers,
  taxRepairConsumer,
  marketRepairConsumer,
  disclosureRepairConsumer,
  environmentRepairConsumer,
  commitmentRepairConsumer,
];

export interface HubEventsOptions {
  /** Default HUB_CONSUMERS. */
  consumers?: readonly ConsumerDefinition[];
  /** Run the time-made-event scheduler (default true). */
  timeEvents?: boolean;
  /** Relay to NATS JetStream at this URL instead of the embedded bus. */
  natsUrl?: string | undefined;
  /** Stream and subject prefix (tests use their own; default CREDIT_EVENTS and `credit`). */
  nats?: NatsBusOptions;
  /** Days to keep events.consumed, relayed outbox rows and passed bus events (EVENTS_RETENTION_DAYS); unset: kept for ever. */
  retentionDays?: number | undefined;
  /** Poll interval of relay and consumers besides the NOTIFY wake-ups (default 1 s). */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface HubEvents {
  /** The embedded backbone (relay to the bus and its consumers); without consumers in NATS mode. */
  backbone: RunningBackbone;
  scheduler: RunningScheduler | null;
  /** Relays what is committed now and waits until the consumers caught up (tests; no timing). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHubEvents(databaseUrl: string, options: HubEventsOptions = {}): Promise<HubEvents> {
  const log = options.log ?? ((line: string) => console.error(line));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 6, application_name: 'events' });
  pool.on('error', (error) => log(`events: database connection lost (${error.message}); reconnecting on next use`));
  const consumers = options.consumers ?? HUB_CONSUMERS;
  let nats: {
    bus: NatsBus;
    relay: Awaited<ReturnType<typeof startNatsRelay>>;
    consumers: { stop(): Promise<void> }[];
    leadership: Awaited<ReturnType<typeof consumerLeadership>>;
  } | null = null;
  if (options.natsUrl) {
    const bus = await connectNats(options.natsUrl, options.nats);
    const relay = await startNatsRelay(pool, bus, { pollMs: options.pollMs, log });
    // Replicas of the hub run the same consumers: each is led by one of them at a time (ADR 0118).
    const leadership = await consumerLeadership(pool);
    nats = {
      bus,
      relay,
      leadership,
      consumers: consumers.map((def) => startNatsConsumer(pool, bus, def, { leadership })),
    };
  }
  const backbone = await startEventBackbone(pool, {
    relay: !nats,
    consumers: nats ? [] : consumers,
    pollMs: options.pollMs,
  });
  const scheduler =
    options.timeEvents === false
      ? null
      : startTimeEvents(pool, HUB_TIME_RULES, { retentionDays: options.retentionDays });
  // credit_hub_event_backlog: every outbox (both relays drain them) and the embedded consumers' lag, counted only
  // when /metrics is scraped. JetStream consumers' lag is the broker's (`nats consumer info`, docs/operations.md).
  const stopBacklog = reportBacklog(pool, { consumers: nats ? [] : consumers.map((c) => c.name) });
  return {
    backbone,
    scheduler,
    settle: async () => {
      if (nats) await nats.relay.flush();
      else await backbone.settle();
    },
    close: async () => {
      stopBacklog();
      await scheduler?.stop();
      await backbone.stop();
      if (nats) {
        await nats.relay.stop();
        await Promise.all(nats.consumers.map((c) => c.stop()));
        await nats.leadership.close();
        await nats.bus.close();
      }
      await pool.end();
    },
  };
}
