import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../db/client.ts';
import { createDatabaseIfMissing } from '../db/embedded.ts';
import { setLogLevel } from '../observability/log.ts';

// Test processes log warnings and errors only: an access line per request would bury the test report (the logging
// test captures at info level itself, e2e/observability.test.ts).
setLogLevel('warn');

/**
 * Test isolation: scripts/test.ts prepares one migrated template database per run; every test file
 * clones it (CREATE DATABASE ... TEMPLATE, tens of milliseconds) and drops its clone at the end, so
 * tests never share rows and can run in parallel against the embedded or an external server.
 */
export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

function required(name: string): string {
  // The test harness is the one other place that reads process.env: it is configured by scripts/test.ts.
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: a test that needs the database runs in the subgraph or e2e tier — put it under a ` +
        '`test/` folder (or `e2e/`) and run it with `npm test` or `npx tsx scripts/test.ts <file>`, which prepare one',
    );
  return value;
}

/**
 * How the e2e tier's hubs run (scripts/test.ts --layout): `http` (default) — the gateway fetches every subgraph over
 * HTTP, as one process per service does; `in-process` — the gateway executes the subgraphs in its own process, as the
 * all-in-one hub's workers do (ADR 0114).
 */
export function testHubLayout(): 'http' | 'in-process' {
  const value = process.env.CREDIT_HUB_TEST_LAYOUT ?? 'http';
  if (value !== 'http' && value !== 'in-process')
    throw new Error(`CREDIT_HUB_TEST_LAYOUT=${value}: one of http, in-process`);
  return value;
}

export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required('CREDIT_HUB_TEST_ADMIN_URL');
  const template = required('CREDIT_HUB_TEST_TEMPLATE');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name, template);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { poolSize: 4, applicationName: 'credit-hub-test' });
  return {
    url,
    db,
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
export * from './fixtures.ts';
export * from './clock.ts';
export * from './mutations.ts';
export * from './seed.ts';
