import { SUBGRAPHS, type RunningService, type SubgraphName } from '@credit-hub/kit';
import { createDb, type Db } from '@credit-hub/kit/db';
import { startGateway } from '@credit-hub/gateway';
import { startSubjectSubgraph } from '@credit-hub/subgraph-subject';
import { startTaxSubgraph } from '@credit-hub/subgraph-tax';

const starters: Record<SubgraphName, (o: { db: Db; port: number; production?: boolean }) => Promise<RunningService>> = {
  subject: startSubjectSubgraph,
  tax: startTaxSubgraph,
};

export interface Hub {
  gatewayUrl: string;
  gateway: RunningService;
  subgraphs: Record<SubgraphName, { service: RunningService; db: Db }>;
  /** SQL statements per subgraph since the last reset (query-count tests and benchmarks). */
  statements(): Record<SubgraphName, number>;
  resetStatements(): void;
  close(): Promise<void>;
}

/**
 * Every subgraph and the gateway in one process, each subgraph with its own connection pool as if it
 * were its own service. `ports: 'ephemeral'` picks free ports (tests); otherwise the topology defaults.
 */
export async function startHub(options: {
  databaseUrl: string;
  ports?: 'default' | 'ephemeral';
  gatewayPort?: number;
  supergraphPath?: string;
  production?: boolean;
  log?: (line: string) => void;
}): Promise<Hub> {
  const ephemeral = options.ports === 'ephemeral';
  const subgraphs = {} as Hub['subgraphs'];
  for (const { name, port } of SUBGRAPHS) {
    const db = createDb(options.databaseUrl, { applicationName: `subgraph-${name}`, poolSize: 8 });
    const service = await starters[name]({ db, port: ephemeral ? 0 : port, production: options.production });
    subgraphs[name] = { service, db };
  }
  const gateway = await startGateway({
    port: options.gatewayPort ?? (ephemeral ? 0 : 4000),
    supergraphPath: options.supergraphPath,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.service.url])),
    production: options.production,
    log: options.log,
  });
  const all = Object.entries(subgraphs) as [SubgraphName, { service: RunningService; db: Db }][];
  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    statements: () =>
      Object.fromEntries(all.map(([name, s]) => [name, s.db.statements()])) as Record<SubgraphName, number>,
    resetStatements: () => all.forEach(([, s]) => s.db.resetStatements()),
    close: async () => {
      await gateway.close();
      for (const [, s] of all) {
        await s.service.close();
        await s.db.close();
      }
    },
  };
}
