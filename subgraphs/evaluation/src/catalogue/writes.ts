import { readFileSync } from 'node:fs';
import { badInput, conflict, notFound, z, type SubgraphContext } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type {
  MutationCreateMeasureArgs,
  MutationRetireMeasureArgs,
  MutationReviseMeasureArgs,
} from '../__generated__/types.ts';
import { measureRow, measureRows, type MeasureRow } from './mappers.ts';
import { MEASURE_COLUMNS } from './reads.ts';
import { sameDefinition, validateMeasure, type MeasureDefinition } from './rules.ts';

type Client = Db['prisma'];
type Ctx = SubgraphContext<unknown>;

/** The current version of a measure, locked for a revision (concurrent revisions queue here). */
async function lockedCurrent(tx: Client, code: string): Promise<MeasureRow | null> {
  const [row] = measureRows.parse(
    await tx.$queryRaw<unknown[]>`
      SELECT ${MEASURE_COLUMNS} FROM evaluation.measure WHERE code = ${code} ORDER BY version DESC LIMIT 1 FOR UPDATE`,
  );
  return row ?? null;
}

async function insertVersion(
  tx: Client,
  definition: MeasureDefinition,
  version: number,
  status: 'ACTIVE' | 'RETIRED',
  changeNote: string,
  changedBy: string,
): Promise<MeasureRow> {
  const [row] = z.tuple([measureRow]).parse(
    await tx.$queryRaw<unknown[]>`
    INSERT INTO evaluation.measure (code, version, name, kind, lists, matters, content, basis_title, basis_number,
                                    basis_article, basis_verification, basis_sources, basis_note, status, change_note,
                                    changed_by)
    VALUES (${definition.code}, ${version}, ${definition.name}, ${definition.kind}, ${definition.lists}::text[],
            ${definition.matters}::text[], ${definition.content}, ${definition.basisTitle}, ${definition.basisNumber},
            ${definition.basisArticle}, ${definition.basisVerification}, ${definition.basisSources}::text[],
            ${definition.basisNote}, ${status}, ${changeNote}, ${changedBy})
    RETURNING ${MEASURE_COLUMNS}`,
  );
  return row;
}

const definitionOf = (row: Omit<MeasureRow, 'id' | 'changeNote' | 'createdAt'>): MeasureDefinition => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  lists: row.lists,
  matters: row.matters,
  content: row.content,
  basisTitle: row.basisTitle,
  basisNumber: row.basisNumber,
  basisArticle: row.basisArticle,
  basisVerification: row.basisVerification,
  basisSources: row.basisSources,
  basisNote: row.basisNote,
});

function changeNoteOf(value: string | null | undefined, field: string, fallback?: string): string {
  const note = (value ?? '').trim() || fallback;
  if (!note) throw badInput(field, 'REQUIRED', `\`${field}\` must say why the measure changes`);
  if (note.length > 500) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most 500 characters`);
  return note;
}

/** createMeasure: version 1 of a new code (CONFLICT when the code exists, retired or not). */
export async function createMeasure(ctx: Ctx, { input }: MutationCreateMeasureArgs): Promise<MeasureRow> {
  const definition = validateMeasure(input);
  const note = changeNoteOf(input.changeNote, 'input.changeNote', '新增措施');
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.createMeasure'], detail: `${definition.code} v1` },
    async (tx) => {
      if (await lockedCurrent(tx, definition.code))
        throw conflict('input.code', 'ALREADY_EXISTS', `measure ${definition.code} already exists: revise it instead`, {
          key: definition.code,
        });
      try {
        return await insertVersion(tx, definition, 1, 'ACTIVE', note, ctx.identity.actor);
      } catch (error) {
        // Two creations of the same code at once: the unique (code, version) index decides.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
          throw conflict('input.code', 'ALREADY_EXISTS', `measure ${definition.code} already exists`, {
            key: definition.code,
          });
        throw error;
      }
    },
  );
}

/** reviseMeasure: a new version of a measure in force with changed content. */
export async function reviseMeasure(ctx: Ctx, { input }: MutationReviseMeasureArgs): Promise<MeasureRow> {
  const definition = validateMeasure(input);
  const note = changeNoteOf(input.changeNote, 'input.changeNote');
  return ctx.audited({ subjectCode: null, fields: ['Mutation.reviseMeasure'], detail: definition.code }, async (tx) => {
    const current = await lockedCurrent(tx, definition.code);
    if (!current) throw notFound('measure', definition.code);
    if (current.status === 'RETIRED')
      throw conflict(
        'input.code',
        'ALREADY_RETIRED',
        `measure ${definition.code} is retired: create a new measure instead`,
        {
          key: definition.code,
        },
      );
    if (sameDefinition(definitionOf(current), definition))
      throw badInput('input', 'UNCHANGED', `the revision of ${definition.code} changes nothing`);
    return insertVersion(tx, definition, current.version + 1, 'ACTIVE', note, ctx.identity.actor);
  });
}

/** retireMeasure: a RETIRED copy of the current version; checks stop applying it. */
export async function retireMeasure(ctx: Ctx, { code, changeNote }: MutationRetireMeasureArgs): Promise<MeasureRow> {
  const key = code.trim().toUpperCase();
  const note = changeNoteOf(changeNote, 'changeNote');
  return ctx.audited({ subjectCode: null, fields: ['Mutation.retireMeasure'], detail: key }, async (tx) => {
    const current = await lockedCurrent(tx, key);
    if (!current) throw notFound('measure', key);
    if (current.status === 'RETIRED')
      throw conflict('code', 'ALREADY_RETIRED', `measure ${key} is already retired`, { key });
    return insertVersion(tx, definitionOf(current), current.version + 1, 'RETIRED', note, ctx.identity.actor);
  });
}

/** The starter catalogue shipped with the service. */
export function starterCatalogue(): MeasureDefinition[] {
  const file = JSON.parse(readFileSync(new URL('../../data/measures.json', import.meta.url), 'utf8')) as {
    measures: (Record<string, unknown> & { basis: Record<string, unknown> })[];
  };
  return file.measures.map((m, i) => {
    const verification = (m.basis.verification ?? {}) as Record<string, unknown>;
    return validateMeasure(
      {
        ...m,
        basisTitle: m.basis.title,
        basisNumber: m.basis.number,
        basisArticle: m.basis.article,
        basisVerification: verification.status,
        basisSources: verification.sources,
        basisNote: verification.note,
      },
      `measures[${i}]`,
    );
  });
}

/** What ensureMeasureCatalogue needs of a database client (a pg Client or Pool). */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: R[] }>;
}

/** Who installs the starter catalogue: versions by anyone else are an administrator's. */
const CATALOGUE = 'catalogue';

/**
 * Installs the starter catalogue (data/measures.json) idempotently: a measure whose code is not yet in the catalogue
 * gets version 1; a measure whose current version is still the starter catalogue's own and differs from the shipped
 * one (a corrected citation, a verification) gets a new version — the history keeps the old one, and checks name the
 * version they applied. A measure an administrator revised or retired is never touched. Three statements.
 */
export async function ensureMeasureCatalogue(client: SqlClient): Promise<{ added: number; revised: number }> {
  const measures = starterCatalogue();
  const stored = await client.query(
    `SELECT DISTINCT ON (code) code, version, name, kind, lists, matters, content, basis_title AS "basisTitle",
       basis_number AS "basisNumber", basis_article AS "basisArticle", basis_verification AS "basisVerification",
       basis_sources AS "basisSources", basis_note AS "basisNote", status, changed_by AS "changedBy"
     FROM evaluation.measure ORDER BY code, version DESC`,
  );
  const current = z.array(measureRow.omit({ id: true, changeNote: true, createdAt: true })).parse(stored.rows);
  const byCode = new Map(current.map((r) => [r.code, r]));
  const rows = measures.flatMap((m) => {
    const stored = byCode.get(m.code);
    if (!stored) return [{ ...m, version: 1, changeNote: '初始目录 (data/measures.json)' }];
    if (stored.changedBy !== CATALOGUE || stored.status !== 'ACTIVE' || sameDefinition(definitionOf(stored), m))
      return [];
    return [{ ...m, version: stored.version + 1, changeNote: '更正法律依据及核实状态 (data/measures.json)' }];
  });
  if (rows.length === 0) return { added: 0, revised: 0 };
  await client.query(
    `INSERT INTO evaluation.measure (code, version, name, kind, lists, matters, content, basis_title, basis_number,
                                     basis_article, basis_verification, basis_sources, basis_note, status,
                                     change_note, changed_by)
     SELECT m.code, m.version, m.name, m.kind,
            ARRAY(SELECT jsonb_array_elements_text(m.lists)), ARRAY(SELECT jsonb_array_elements_text(m.matters)),
            m.content, m."basisTitle", m."basisNumber", m."basisArticle", m."basisVerification",
            ARRAY(SELECT jsonb_array_elements_text(m."basisSources")), m."basisNote", 'ACTIVE', m."changeNote", $2
     FROM jsonb_to_recordset($1::jsonb) AS m(code text, version int, name text, kind text, lists jsonb, matters jsonb,
                                             content text, "basisTitle" text, "basisNumber" text, "basisArticle" text,
                                             "basisVerification" text, "basisSources" jsonb, "basisNote" text,
                                             "changeNote" text)
     ON CONFLICT (code, version) DO NOTHING`,
    [JSON.stringify(rows), CATALOGUE],
  );
  const added = rows.filter((r) => r.version === 1).length;
  return { added, revised: rows.length - added };
}
