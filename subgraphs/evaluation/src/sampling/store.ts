import { badInput, regionPrefix, requiredText, type Connection, type Page } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import { drawSample, type Stratum } from './draw.ts';

type Tx = Db['prisma'];

/** The InspectionSample parent. */
export interface DrawRecord {
  id: bigint;
  regionCode: string;
  industryCode: string | null;
  seed: string;
  matter: string;
  populationCount: number;
  strata: Stratum[];
  selectedCodes: string[];
  unevaluatedCount: number | null;
  refreshId: bigint | null;
  drawnBy: string;
  drawnAt: Date;
}

/** The EvaluationRefresh parent. */
export type RefreshRecord = Awaited<ReturnType<Tx['evaluationRefresh']['create']>>;
/** The InspectionSampleConnection parent. */
export type DrawConnection = Connection<DrawRecord>;

export interface DrawInput {
  regionCode: string;
  industryCode?: string | null;
  seed: string;
  matter: string;
}

const toDraw = (row: Awaited<ReturnType<Tx['inspectionDraw']['create']>>): DrawRecord => ({
  ...row,
  strata: row.strata as unknown as Stratum[],
});

export function checkDrawInput(input: DrawInput) {
  const prefix = regionPrefix(input.regionCode, 'input.regionCode');
  const industry = input.industryCode?.trim() || null;
  if (industry !== null && !/^[A-T][0-9]{0,4}$/.test(industry))
    throw badInput(
      'input.industryCode',
      'FORMAT',
      '`input.industryCode` must be a GB/T 4754 section letter A–T, optionally followed by up to 4 digits',
    );
  const seed = input.seed;
  if (seed.length < 1 || seed.length > 100)
    throw badInput('input.seed', 'LENGTH', '`input.seed` must be 1–100 characters');
  const matter = requiredText(input.matter, 'input.matter', 200);
  return { prefix, industry, seed, matter };
}

/**
 * Draws and records a sample inside the caller's transaction: the population (stored evaluations of the
 * region and industry, in code order), the coverage from the region's latest refresh, the draw itself.
 */
export async function drawAndRecord(tx: Tx, input: DrawInput, actor: string): Promise<DrawRecord> {
  const { prefix, industry, seed, matter } = checkDrawInput(input);
  const population = await tx.$queryRaw<{ code: string; level: string; label: string; ratio: number }[]>(Prisma.sql`
    SELECT subject_code AS code, supervision_level AS level, supervision_label AS label, sampling_ratio AS ratio
    FROM evaluation.subject_evaluation
    WHERE region_code LIKE ${prefix + '%'} ${industry ? Prisma.sql`AND industry_code LIKE ${industry + '%'}` : Prisma.empty}
    ORDER BY subject_code COLLATE "C"`);
  const draw = drawSample(
    population.map((p) => ({ code: p.code, level: p.level, label: p.label, samplingRatio: Number(p.ratio) })),
    seed,
  );
  // Registered subjects of the region (as the latest refresh counted them) without a stored evaluation.
  const refresh = await tx.evaluationRefresh.findFirst({
    where: { regionCode: input.regionCode },
    orderBy: { recordedAt: 'desc' },
  });
  let unevaluated: number | null = null;
  if (refresh) {
    const [{ count }] = await tx.$queryRaw<[{ count: number }]>(Prisma.sql`
      SELECT count(*)::int AS count FROM evaluation.subject_evaluation WHERE region_code LIKE ${prefix + '%'}`);
    unevaluated = Math.max(0, refresh.registeredSubjects - count);
  }
  const row = await tx.inspectionDraw.create({
    data: {
      regionCode: input.regionCode,
      industryCode: industry,
      seed,
      matter,
      populationCount: population.length,
      strata: draw.strata as unknown as Prisma.InputJsonValue,
      selectedCodes: draw.selected,
      unevaluatedCount: unevaluated,
      refreshId: refresh?.id ?? null,
      drawnBy: actor,
    },
  });
  return toDraw(row);
}

export async function findDraw(db: Db, id: string): Promise<DrawRecord | null> {
  if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'FORMAT', '`id` must be a draw id (digits)');
  const row = await db.prisma.inspectionDraw.findUnique({ where: { id: BigInt(id) } });
  return row ? toDraw(row) : null;
}

/** Newest first, keyset on id (ids grow with time). */
export async function listDraws(db: Db, regionCode: string | null | undefined, page: Page<string>) {
  const prefix = regionCode ? regionPrefix(regionCode) : null;
  const rows = await db.prisma.inspectionDraw.findMany({
    where: {
      ...(prefix ? { regionCode: { startsWith: prefix } } : {}),
      ...(page.after ? { id: { lt: BigInt(page.after) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: page.limit,
  });
  return rows.map(toDraw);
}

export async function findRefresh(db: Db, id: bigint) {
  return db.prisma.evaluationRefresh.findUnique({ where: { id } });
}

export async function recordRefresh(
  tx: Tx,
  input: { regionCode: string; registeredSubjects: number; evaluatedSubjects: number },
  actor: string,
) {
  regionPrefix(input.regionCode);
  if (!Number.isInteger(input.registeredSubjects) || input.registeredSubjects < 0)
    throw badInput('registeredSubjects', 'RANGE', '`registeredSubjects` must be 0 or more');
  if (input.evaluatedSubjects < 0 || input.evaluatedSubjects > input.registeredSubjects)
    throw badInput('evaluatedSubjects', 'RANGE', '`evaluatedSubjects` must be between 0 and `registeredSubjects`');
  return tx.evaluationRefresh.create({ data: { ...input, recordedBy: actor } });
}
