import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { migrationsDir } from './paths.ts';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies the committed SQL migrations in prisma/migrations in name order, each in its own
 * transaction, recording name and checksum. Prisma's own `migrate deploy` is not used: through the
 * driver adapter it fails on Postgres catalog types offline (docs/adr/0002-migrations-offline.md).
 * An advisory lock makes concurrent starts (several replicas, parallel test files) safe.
 */
export async function migrate(url: string, log: (line: string) => void = () => undefined): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url, application_name: 'credit-hub-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['credit-hub-migrations']);
    await client.query(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map<string, string>(
      (
        await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM public.schema_migrations')
      ).rows.map((r) => [r.name, r.checksum]),
    );
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory() && /^\d{4}_/.test(d.name))
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        // An edited migration that already ran would leave databases that differ silently.
        if (previous !== checksum) {
          throw new Error(
            `Migration ${name} was changed after it was applied (checksum mismatch): add a new migration instead`,
          );
        }
        continue;
      }
      log(`applying migration ${name}`);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO public.schema_migrations (name, checksum) VALUES ($1, $2)', [name, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['credit-hub-migrations']).catch(() => undefined);
    await client.end();
  }
}
