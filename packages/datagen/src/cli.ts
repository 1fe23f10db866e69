/**
 * Loads demo data into a migrated database:
 *
 *   tsx packages/datagen/src/cli.ts --subjects 10000 [--seed 42] --database-url URL
 *        [--person-key-secret SECRET] [--append] [--start-index N] [--drop-indexes | --keep-indexes]
 *
 * The URL may also come from DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { DEV_SECRETS } from '@credit-hub/kit';
import { ensureReferenceData } from '@credit-hub/kit/reference';
import pg from 'pg';
import { loadDemoData } from './load.ts';

function usage(message: string): never {
  console.error(
    `${message}\nusage: tsx packages/datagen/src/cli.ts --subjects N [--seed S] --database-url URL [--person-key-secret SECRET] [--append] [--start-index N] [--drop-indexes|--keep-indexes]`,
  );
  process.exit(2);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n)) usage(`--${name} must be an integer, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        subjects: { type: 'string' },
        seed: { type: 'string' },
        'database-url': { type: 'string' },
        'person-key-secret': { type: 'string' },
        append: { type: 'boolean', default: false },
        'start-index': { type: 'string' },
        'drop-indexes': { type: 'boolean' },
        'keep-indexes': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  const subjects = integer('subjects', parsed.subjects);
  if (subjects === undefined) usage('--subjects is required');
  const url = parsed['database-url'] ?? process.env.DATABASE_URL;
  if (!url) usage('--database-url (or DATABASE_URL) is required');

  // Region and industry names are what the subject pages show next to the codes the demo data uses.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await ensureReferenceData(client);
  } finally {
    await client.end();
  }

  const result = await loadDemoData(url, {
    subjects,
    seed: integer('seed', parsed.seed),
    // Development default only (DEV_SECRETS): person keys are an HMAC of the ID number, so whoever knows the
    // secret can test guesses against them; demo data keyed with it must never be mixed with real records.
    personKeySecret: parsed['person-key-secret'] ?? DEV_SECRETS.PERSON_KEY_SECRET,
    append: parsed.append,
    startIndex: integer('start-index', parsed['start-index']),
    dropIndexes: parsed['drop-indexes'] ? true : parsed['keep-indexes'] ? false : undefined,
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
