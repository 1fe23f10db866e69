import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { Db } from './db/client.ts';
import { ErrorCode } from './errors.ts';

/** Per-request context shared by every subgraph; `loaders` is built fresh for each request. */
export interface SubgraphContext<L> extends BaseContext {
  db: Db;
  loaders: L;
  requestId: string;
}

export interface SubgraphDefinition<L> {
  /** Subgraph name as composed into the supergraph (subject, tax, ...). */
  name: string;
  typeDefs: DocumentNode;
  // Typed per subgraph by the generated `Resolvers` type (GraphQL Code Generator); any map fits here.
  resolvers: object;
  createLoaders: (db: Db) => L;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Reads a subgraph's schema.graphql next to its src/ folder. */
export function loadSchemaFile(moduleUrl: string, relative = '../schema.graphql'): DocumentNode {
  return parse(readFileSync(new URL(relative, moduleUrl), 'utf8'));
}

/**
 * Hides internals in production: errors without a code of ours (database errors, bugs) become a
 * generic INTERNAL_SERVER_ERROR, and no stack trace leaves the process.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const known = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR;
    if (!production || known) return formatted;
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original) console.error('internal error', original);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * Starts one subgraph: Apollo Server over buildSubgraphSchema, behind Express for the health route.
 * Port 0 picks a free port (tests); the returned URL is what the gateway calls.
 */
export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  options: { db: Db; port: number; host?: string; production?: boolean },
): Promise<RunningService> {
  const app = express();
  const httpServer = http.createServer(app);
  const production = options.production ?? false;
  const server = new ApolloServer<SubgraphContext<L>>({
    schema: buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers as never }]),
    includeStacktraceInErrorResponses: !production,
    formatError: formatError(production),
    // Inline traces feed Apollo's hosted Studio, which an air-gapped hub never reaches.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    try {
      await options.db.prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', subgraph: definition.name });
    } catch {
      res.status(503).json({ status: 'unavailable', subgraph: definition.name, reason: 'database unreachable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({
        db: options.db,
        loaders: definition.createLoaders(options.db),
        requestId: req.header('x-request-id') ?? randomUUID(),
      }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: definition.name,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    close: () => server.stop(),
  };
}
