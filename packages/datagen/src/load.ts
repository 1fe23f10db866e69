/**
 * Bulk loading with COPY FROM STDIN. Subjects and ratings stream over two connections at once (one
 * PostgreSQL backend each, so both cores work while this process generates the next batch); persons
 * and black-list entries, which are few, follow on the same connections once their parents are in.
 * Each connection loads in one transaction: a failed load leaves nothing behind.
 */
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { checkOptions, generate } from './generate.ts';
import type { GenerateOptions, PersonIdentityRow, RatingRow, SubjectRow, ViolationRow } from './types.ts';

export interface LoadOptions extends GenerateOptions {
  log?: (line: string) => void;
  /** Add to a table that already has subjects (start index defaults to the current row count). */
  append?: boolean;
  /**
   * Drop the secondary indexes for the load and rebuild them after it. Default: for loads of 100,000
   * subjects or more, where one index build beats a million incremental GIN insertions.
   */
  dropIndexes?: boolean;
}

export interface LoadResult {
  subjects: number;
  persons: number;
  ratings: number;
  violations: number;
  ms: number;
}

export const DROP_INDEXES_FROM = 100_000;

/** Subjects per write: big enough that a COPY message is worth its header, small enough to interleave. */
const BATCH = 1000;

const SUBJECT_COPY =
  'COPY subject.credit_subject (code, name, kind, region_code, industry_code, legal_representative, registration_status, established_on) FROM STDIN';
const PERSON_COPY = 'COPY subject.person_identity (code, id_number) FROM STDIN';
const RATING_COPY =
  'COPY tax.credit_rating (subject_code, region_code, year, level, score, evaluated_on, authority) FROM STDIN';
const VIOLATION_COPY =
  'COPY tax.major_violation (subject_code, region_code, taxpayer_name, registered_address, responsible_person_name, responsible_person_sex, ' +
  'responsible_person_id_number, situation, main_facts, legal_basis, penalty, amount_involved, inspecting_authority, authority_code, ' +
  'decision_served_on, published_on, publicity_ends_on, status, removed_on, removal_reason) FROM STDIN';

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: tab-separated, \N for NULL, backslash escapes. Generated text never needs them, but names from elsewhere might. */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return SPECIAL.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

function line(values: (string | number | null)[]): string {
  let out = field(values[0]!);
  for (let i = 1; i < values.length; i++) out += '\t' + field(values[i]!);
  return out + '\n';
}

const subjectLine = (s: SubjectRow) =>
  line([
    s.code,
    s.name,
    s.kind,
    s.regionCode,
    s.industryCode,
    s.legalRepresentative,
    s.registrationStatus,
    s.establishedOn,
  ]);
const personLine = (p: PersonIdentityRow) => line([p.code, p.idNumber]);
const ratingLine = (r: RatingRow) =>
  line([r.subjectCode, r.regionCode, r.year, r.level, r.score, r.evaluatedOn, r.authority]);
const violationLine = (v: ViolationRow) =>
  line([
    v.subjectCode,
    v.regionCode,
    v.taxpayerName,
    v.registeredAddress,
    v.responsiblePersonName,
    v.responsiblePersonSex,
    v.responsiblePersonIdNumber,
    v.situation,
    v.mainFacts,
    v.legalBasis,
    v.penalty,
    v.amountInvolved,
    v.inspectingAuthority,
    v.authorityCode,
    v.decisionServedOn,
    v.publishedOn,
    v.publicityEndsOn,
    v.status,
    v.removedOn,
    v.removalReason,
  ]);

interface IndexDef {
  name: string;
  definition: string;
}

/**
 * Indexes of a table that are not backing a constraint (primary keys must stay: person_identity's
 * foreign key needs credit_subject's). Definitions are read from the catalogue, so what is rebuilt
 * is exactly what the migrations created, including indexes added by later migrations.
 */
async function secondaryIndexes(client: pg.Client, schema: string, table: string): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
      ORDER BY i.relname`,
    [schema, table],
  );
  return rows;
}

async function dropIndexes(client: pg.Client, tables: readonly (readonly [string, string])[]): Promise<IndexDef[]> {
  const all: IndexDef[] = [];
  for (const [schema, table] of tables) {
    for (const index of await secondaryIndexes(client, schema, table)) {
      await client.query(`DROP INDEX "${schema}"."${index.name}"`);
      all.push(index);
    }
  }
  return all;
}

async function recreate(client: pg.Client, indexes: readonly IndexDef[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
}

/**
 * Writes and waits only when the socket pushes back. A COPY that fails (a duplicate key, say) makes
 * the wait reject instead of hang; listeners are removed either way, as this runs once per batch.
 */
function write(stream: CopyStreamQuery, chunk: string): Promise<void> {
  if (chunk.length === 0 || stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/** Starts a COPY whose failure is remembered, so that an error between two writes is not an unhandled 'error' event. */
function startCopy(client: pg.Client, sql: string, failures: Error[]): CopyStreamQuery {
  const stream = client.query(copyFrom(sql));
  stream.on('error', (error: Error) => failures.push(error));
  return stream;
}

async function copyAll(client: pg.Client, sql: string, lines: readonly string[], failures: Error[]): Promise<void> {
  if (lines.length === 0) return;
  const stream = startCopy(client, sql, failures);
  for (let i = 0; i < lines.length; i += BATCH) await write(stream, lines.slice(i, i + BATCH).join(''));
  stream.end();
  await finished(stream);
}

async function connect(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: `credit-hub-datagen-${name}` });
  await client.connect();
  return client;
}

/**
 * Loads `subjects` generated subjects with their person identities, tax ratings and black-list entries.
 * Refuses to touch a database that already has subjects unless `append` is set, because mixing a demo
 * load into real data is a mistake nobody wants to make silently.
 */
export async function loadDemoData(url: string, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const s = await connect(url, 'subjects');
  let t: pg.Client | null = null;
  const streams: CopyStreamQuery[] = [];
  try {
    const existing = Number(
      (await s.query<{ n: string }>('SELECT count(*) AS n FROM subject.credit_subject')).rows[0]!.n,
    );
    if (existing > 0 && !options.append) {
      throw new Error(
        `subject.credit_subject already has ${existing} rows: refusing to load demo data into it (pass { append: true } / --append to add more)`,
      );
    }
    const { subjects, seed, personKeySecret, startIndex } = checkOptions({
      ...options,
      startIndex: options.startIndex ?? (options.append ? existing : 0),
    });
    t = await connect(url, 'tax');
    const tax = t;

    for (const c of [s, tax]) {
      await c.query('BEGIN');
      // Losing the last commit on a crash is harmless for demo data and saves a WAL flush per batch.
      await c.query(`SET LOCAL synchronous_commit = off`);
      await c.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    }

    const drop = options.dropIndexes ?? subjects >= DROP_INDEXES_FROM;
    let subjectIndexes: IndexDef[] = [];
    let taxIndexes: IndexDef[] = [];
    if (drop) {
      subjectIndexes = await dropIndexes(s, [
        ['subject', 'credit_subject'],
        ['subject', 'person_identity'],
      ]);
      taxIndexes = await dropIndexes(tax, [
        ['tax', 'credit_rating'],
        ['tax', 'major_violation'],
      ]);
      log(`dropped ${subjectIndexes.length + taxIndexes.length} secondary indexes for the load`);
    }

    const failures: Error[] = [];
    const subjectStream = startCopy(s, SUBJECT_COPY, failures);
    const ratingStream = startCopy(tax, RATING_COPY, failures);
    streams.push(subjectStream, ratingStream);
    const persons: string[] = [];
    const violations: string[] = [];
    const counts = { subjects: 0, persons: 0, ratings: 0, violations: 0 };

    let subjectChunk = '';
    let ratingChunk = '';
    let inBatch = 0;
    const reportEvery = Math.max(BATCH, Math.ceil(subjects / 20 / BATCH) * BATCH);
    for (const g of generate({ subjects, seed, personKeySecret, startIndex })) {
      subjectChunk += subjectLine(g.subject);
      counts.subjects++;
      if (g.person) {
        persons.push(personLine(g.person));
        counts.persons++;
      }
      for (const r of g.ratings) ratingChunk += ratingLine(r);
      counts.ratings += g.ratings.length;
      if (g.violation) {
        violations.push(violationLine(g.violation));
        counts.violations++;
      }
      if (++inBatch === BATCH) {
        if (failures.length > 0) throw failures[0];
        await Promise.all([write(subjectStream, subjectChunk), write(ratingStream, ratingChunk)]);
        subjectChunk = ratingChunk = '';
        inBatch = 0;
        if (counts.subjects % reportEvery === 0) {
          log(`${counts.subjects} subjects generated (${Math.round(performance.now() - started)} ms)`);
          // Lets socket events (and a COPY error) through even when the writes never pushed back.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    await Promise.all([write(subjectStream, subjectChunk), write(ratingStream, ratingChunk)]);
    subjectStream.end();
    ratingStream.end();
    await Promise.all([finished(subjectStream), finished(ratingStream)]);
    log(`subjects and ratings copied (${Math.round(performance.now() - started)} ms)`);

    await Promise.all([copyAll(s, PERSON_COPY, persons, failures), copyAll(tax, VIOLATION_COPY, violations, failures)]);

    if (drop) {
      const rebuild = performance.now();
      await Promise.all([recreate(s, subjectIndexes), recreate(tax, taxIndexes)]);
      log(
        `rebuilt ${subjectIndexes.length + taxIndexes.length} indexes in ${Math.round(performance.now() - rebuild)} ms`,
      );
    }
    // Tax rows never point at a subject that is not committed with them: commit subjects first.
    await s.query('COMMIT');
    await tax.query('COMMIT');
    // Fresh statistics, or the first queries on a million new rows plan as if the tables were empty.
    await Promise.all([
      s.query('ANALYZE subject.credit_subject, subject.person_identity'),
      tax.query('ANALYZE tax.credit_rating, tax.major_violation'),
    ]);
    const ms = Math.round(performance.now() - started);
    log(
      `loaded ${counts.subjects} subjects, ${counts.persons} persons, ${counts.ratings} ratings, ${counts.violations} black-list entries in ${ms} ms`,
    );
    return { ...counts, ms };
  } catch (error) {
    for (const stream of streams) if (!stream.destroyed) stream.destroy();
    await Promise.all([s, t].map((c) => c?.query('ROLLBACK').catch(() => undefined)));
    throw error;
  } finally {
    await Promise.all([s.end().catch(() => undefined), t?.end().catch(() => undefined)]);
  }
}
