import { readEnv } from './env.ts';
import { startGateway } from './index.ts';

// Runs the gateway alone, in front of subgraphs started elsewhere (see docs/operations.md).
const env = readEnv();
const service = await startGateway({
  port: env.GATEWAY_PORT,
  host: env.GATEWAY_HOST,
  supergraphPath: env.SUPERGRAPH_PATH,
  subgraphUrls: env.subgraphUrls,
  production: env.NODE_ENV === 'production',
});
console.log(`credit-hub gateway at ${service.url}`);
