import { clockFromEnv, logger, readEnvOrExit, setClock, startObservability } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { gatewayOptionsFromEnv, readEnv } from './env.ts';
import { startGateway } from './index.ts';

// Runs the gateway alone, in front of subgraphs started elsewhere (see docs/operations.md).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'gateway');
if (!env.INTERNAL_IDENTITY_SECRET) {
  logger.fatal('INTERNAL_IDENTITY_SECRET is required: the gateway signs every caller identity it forwards');
  process.exit(2);
}
const db = env.DATABASE_URL ? createDb(env.DATABASE_URL, { applicationName: 'gateway', poolSize: 4 }) : null;
const service = await startGateway(gatewayOptionsFromEnv(env, { db, internalSecret: env.INTERNAL_IDENTITY_SECRET }));
logger.info({ service: 'gateway', url: service.url }, 'gateway listening');
