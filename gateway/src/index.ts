import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { formatError, type RunningService } from '@credit-hub/kit';
import express from 'express';
import { GraphQLError } from 'graphql';
import { supergraphFromFile } from './supergraph.ts';

export interface GatewayContext {
  requestId: string;
  /** Caller headers the subgraphs need, forwarded on every subgraph request. */
  forward: Record<string, string>;
}

/** Headers propagated to subgraphs; anything else a client sends stops at the gateway. */
const FORWARDED_HEADERS = ['authorization', 'x-purpose', 'accept-language'];

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
  ) {
    super({ url });
  }

  // A department that is down or failing costs only its own fields; the error says which one, with a
  // stable code clients can branch on, instead of a bare connection error.
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    throw new GraphQLError(`The ${this.subgraph} subgraph is unavailable: its fields are missing from this answer`, {
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: this.subgraph,
        ...(response ? { status: response.status } : {}),
      },
      originalError: error,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!context?.requestId) return; // the gateway's own health checks carry no caller
    request.http?.headers.set('x-request-id', context.requestId);
    for (const [name, value] of Object.entries(context.forward)) request.http?.headers.set(name, String(value));
  }
}

export interface GatewayOptions {
  supergraphPath?: string;
  port: number;
  host?: string;
  /** Per-subgraph URL overrides (deployment topology differs from the composed defaults). */
  subgraphUrls?: Record<string, string>;
  production?: boolean;
  log?: (line: string) => void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(here, '../../supergraph.graphql');

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = options.log ?? ((line: string) => console.log(line));
  const production = options.production ?? false;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, log),
    buildService: ({ name, url }) => new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url ?? ''),
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: !production,
    formatError: formatError(production),
    // The hosted Apollo explorer loads from a CDN, which air-gapped networks cannot reach; the gateway
    // serves its own small query page at / instead.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const forward: Record<string, string> = {};
        for (const name of FORWARDED_HEADERS) {
          const value = req.header(name);
          if (value) forward[name] = value;
        }
        return { requestId: req.header('x-request-id') ?? randomUUID(), forward };
      },
    }),
  );
  app.use(express.static(path.resolve(here, '../public'), { index: 'index.html' }));

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(options.port, host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { name: 'gateway', port, url: `http://${host}:${port}/graphql`, close: () => server.stop() };
}
