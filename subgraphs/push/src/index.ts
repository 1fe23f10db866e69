import {
  clock,
  loadSchemaFile,
  startSubgraph,
  type RunningService,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { prismaSql } from '@credit-hub/kit/db';
import { takeEvents, type IncomingEvent } from './events.ts';
import { createDispatcher, type Dispatcher } from './jobs.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { DEFAULT_CONFIG, type PushConfig } from './rules.ts';

export { fromDelivered, takeEvents, catalogueTypes, pushConsumer, type IncomingEvent } from './events.ts';
export { createDispatcher, type Dispatcher } from './jobs.ts';
export { configOf as pushConfigOf, pushSettingsEnv } from './env.ts';
export { RETRY_DELAYS_SECONDS, MAX_ATTEMPTS, JITTER, DEFAULT_CONFIG, type PushConfig } from './rules.ts';

/** 推送 (push): webhook subscriptions, deliveries and their log, measure-lift requests, delivery metrics. */
export const pushSubgraph: SubgraphDefinition<Loaders, PushConfig> = {
  name: 'push',
  department: 'platform',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

/** The running push service: the GraphQL subgraph, its dispatcher (when it runs one) and its event intake. */
export interface PushService extends RunningService {
  dispatcher: Dispatcher | null;
  /** Takes events (idempotent by id) and queues their deliveries, in one transaction. */
  take(events: readonly IncomingEvent[]): Promise<number>;
}

/**
 * Starts the subgraph and, unless `config.dispatch` is false, its dispatcher in the background. Outside production
 * private webhook URLs are allowed unless the config says otherwise (docs/push.md, "SSRF").
 */
export async function startPushSubgraph(
  options: SubgraphOptions & { config?: Partial<PushConfig>; log?: (line: string) => void },
): Promise<PushService> {
  const config: PushConfig = {
    ...DEFAULT_CONFIG,
    allowPrivateUrls: !options.production,
    ...options.config,
  };
  const service = await startSubgraph(pushSubgraph, { ...options, config });
  const dispatcher = config.dispatch ? createDispatcher(options.db, config, { log: options.log }) : null;
  dispatcher?.start();
  return {
    ...service,
    dispatcher,
    take: (events) => options.db.prisma.$transaction((tx) => takeEvents(prismaSql(tx), events, config, clock.now())),
    close: async () => {
      await dispatcher?.stop();
      await service.close();
    },
  };
}
