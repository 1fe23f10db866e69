/**
 * Bulk import of a national-format 双公示 file (CSV with the column codes as header, or a JSON array), as the
 * department's system:
 *
 *   npm run import:disclosure -- --file penalties.csv --department market [--kind CF] [--database-url …]
 *
 * Prints progress per chunk (rows/s, counts) and the final reconciliation. Running the same file again
 * resumes an interrupted import after its last committed row, or reports the finished one. Exit status: 0
 * when the job is DONE, 1 when it failed (the reason is printed), 2 for wrong usage.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEPARTMENTS, DEV_SECRETS, readEnvOrExit, type Identity } from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { progressLine, reconciliationLines } from '../subgraphs/disclosure/src/imports/events.ts';
import { readImportEnv } from '../subgraphs/disclosure/src/imports/env.ts';
import { importFile, SimulatedCrash } from '../subgraphs/disclosure/src/imports/jobs.ts';
import { formatOf, ImportRejected } from '../subgraphs/disclosure/src/imports/rules.ts';

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run import:disclosure -- --file <x.csv|x.json> --department <code> [--kind CF|XK] [--format CSV|JSON] [--database-url <url>]`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    department: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const env = readEnvOrExit(readImportEnv);
if (env.PERSON_KEY_SECRET === DEV_SECRETS.PERSON_KEY_SECRET)
  console.error(
    'note: PERSON_KEY_SECRET is not set, persons are keyed with the public development secret ' +
      "(right for a development hub; against real data set the services' secret, and NODE_ENV=production)",
  );
const file = values.file ?? usage('--file is required');
if (!existsSync(file)) usage(`--file ${file}: no such file`);
const department = values.department ?? usage('--department is required');
if (!Object.hasOwn(DEPARTMENTS, department))
  usage(`--department ${department} is not a department (${Object.keys(DEPARTMENTS).join(', ')})`);
const kind = values.kind?.toUpperCase();
if (kind !== undefined && kind !== 'CF' && kind !== 'XK') usage('--kind must be CF (行政处罚) or XK (行政许可)');
const format = values.format ? (values.format.toUpperCase() as 'CSV' | 'JSON') : formatOf(path.extname(file));
if (format !== 'CSV' && format !== 'JSON') usage('--format must be CSV or JSON');
const databaseUrl = values['database-url'] ?? env.DATABASE_URL ?? usage('--database-url or DATABASE_URL is required');

// The command acts as the department's system; the audit trail names the person who ran it.
const identity: Identity = {
  actor: `cli:${userInfo().username}`,
  role: 'SYSTEM',
  department,
  scopes: ['write'],
  purpose: null,
  client: `cli ${hostname()}`,
};
const db = createDb(databaseUrl, { applicationName: 'import-disclosure', poolSize: 2 });
let status = 1;
try {
  console.log(`importing ${file} (${format}) for ${department} as ${identity.actor}`);
  const result = await importFile(
    db,
    { path: file, format, fileName: path.basename(file), kind: kind as 'CF' | 'XK' | undefined },
    { identity, department, channel: 'FILE', requestId: randomUUID() },
    {
      chunkSize: env.IMPORT_CHUNK_SIZE,
      personKeySecret: env.PERSON_KEY_SECRET,
      ...(env.IMPORT_TODAY ? { today: env.IMPORT_TODAY } : {}),
      ...(env.IMPORT_CRASH_AFTER_CHUNKS ? { crashAfterChunks: env.IMPORT_CRASH_AFTER_CHUNKS } : {}),
      onProgress: (p) => console.log(progressLine(p)),
    },
  );
  if (result.finished) console.log('this file was imported before: nothing to do');
  else if (result.resumed) console.log(`resumed an interrupted import (run ${result.job.runs})`);
  if (result.phases)
    console.log(
      `phases: scan ${Math.round(result.phases.scanMs)} ms, parse ${Math.round(result.phases.parseMs)} ms, ` +
        `ingest ${Math.round(result.phases.ingestMs)} ms, bookkeeping ${Math.round(result.phases.bookkeepingMs)} ms`,
    );
  for (const line of reconciliationLines(result.job)) console.log(line);
  status = result.job.status === 'DONE' ? 0 : 1;
} catch (error) {
  if (error instanceof SimulatedCrash) {
    console.error(`stopped: ${error.message}`);
    status = 3;
  } else if (error instanceof ImportRejected) {
    console.error(`file refused (${error.rule}): ${error.message}`);
  } else console.error(`import failed: ${(error as Error).message}`);
} finally {
  await db.close();
}
process.exit(status);
