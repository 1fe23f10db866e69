import { badInput, clock, conflict, regionPrefix, requiredText, z, type SubgraphContext } from '@credit-hub/kit';
import { Prisma, prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent } from '@credit-hub/kit/events';
import { sampleDrawnEvent } from '../events.ts';
import type {
  InspectionSampleInput,
  MutationDrawInspectionSampleArgs,
  MutationRecordEvaluationRefreshArgs,
} from '../__generated__/types.ts';
import { toDrawMapper, type DrawRecord } from './mappers.ts';
import { coveringRegions, drawSample, populationRefusal, POPULATION_MAX_AGE_DAYS } from './rules.ts';

type Tx = Db['prisma'];
type Ctx = SubgraphContext<unknown>;

const populationRows = z.array(
  z.object({ code: z.string(), level: z.string(), label: z.string(), ratio: z.coerce.number() }),
);
const countRow = z.tuple([z.object({ count: z.number().int() })]);

export function checkDrawInput(input: InspectionSampleInput) {
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
 * The staleness guard: the newest refresh of the region or of a region containing it (a province's refresh covers
 * its cities) must be at most POPULATION_MAX_AGE_DAYS old, else the draw is refused with CONFLICT and nothing is
 * recorded (sampling/rules.ts says why it is a refusal).
 */
async function requireFreshPopulation(tx: Tx, regionCode: string, prefix: string): Promise<void> {
  const latest = await tx.evaluationRefresh.findFirst({
    where: { regionCode: { in: coveringRegions(prefix) } },
    orderBy: { recordedAt: 'desc' },
  });
  const refusal = populationRefusal(latest?.recordedAt ?? null, clock.now());
  if (refusal === 'NOT_REFRESHED')
    throw conflict(
      'input.regionCode',
      refusal,
      `no refresh of the stored evaluations of ${regionCode} was recorded: run \`npm run evaluate\` for the region first`,
      { maxAgeDays: POPULATION_MAX_AGE_DAYS },
    );
  if (refusal === 'STALE_POPULATION')
    throw conflict(
      'input.regionCode',
      refusal,
      `the stored evaluations of ${regionCode} were last refreshed at ${latest!.recordedAt.toISOString()}, more than ` +
        `${POPULATION_MAX_AGE_DAYS} days ago: run \`npm run evaluate\` for the region before drawing`,
      { maxAgeDays: POPULATION_MAX_AGE_DAYS, refreshedAt: latest!.recordedAt.toISOString() },
    );
}

/**
 * Draws and records a sample inside the caller's transaction: the freshness of the population checked, the
 * population (stored evaluations of the region and industry, in code order), the coverage from the region's latest
 * refresh, the draw itself.
 */
async function drawAndRecord(
  tx: Tx,
  input: InspectionSampleInput,
  actor: string,
  department: string,
): Promise<DrawRecord> {
  const { prefix, industry, seed, matter } = checkDrawInput(input);
  await requireFreshPopulation(tx, input.regionCode, prefix);
  const population = populationRows.parse(
    await tx.$queryRaw<unknown[]>(Prisma.sql`
    SELECT subject_code AS code, supervision_level AS level, supervision_label AS label, sampling_ratio AS ratio
    FROM evaluation.subject_evaluation
    WHERE region_code LIKE ${prefix + '%'} ${industry ? Prisma.sql`AND industry_code LIKE ${industry + '%'}` : Prisma.empty}
    ORDER BY subject_code COLLATE "C"`),
  );
  const draw = drawSample(
    population.map((p) => ({ code: p.code, level: p.level, label: p.label, samplingRatio: p.ratio })),
    seed,
  );
  // Registered subjects of the region (as the latest refresh of this exact region counted them) without a stored
  // evaluation.
  const refresh = await tx.evaluationRefresh.findFirst({
    where: { regionCode: input.regionCode },
    orderBy: { recordedAt: 'desc' },
  });
  let unevaluated: number | null = null;
  if (refresh) {
    const [{ count }] = countRow.parse(
      await tx.$queryRaw<unknown[]>(Prisma.sql`
      SELECT count(*)::int AS count FROM evaluation.subject_evaluation WHERE region_code LIKE ${prefix + '%'}`),
    );
    unevaluated = Math.max(0, refresh.registeredSubjects - count);
  }
  const row = await tx.inspectionDraw.create({
    data: {
      regionCode: input.regionCode,
      industryCode: industry,
      seed,
      matter,
      populationCount: population.length,
      strata: draw.strata.map((s) => ({ ...s })),
      selectedCodes: draw.selected,
      unevaluatedCount: unevaluated,
      refreshId: refresh?.id ?? null,
      drawnBy: actor,
      department,
      // The kit clock, so the draw and its event tell the same time (the metrics snapshot restates it from the row).
      drawnAt: clock.now(),
    },
  });
  // 双随机 draws for the supervisors' metrics: recorded with the draw, in its transaction (docs/events.md).
  await recordEvent(
    prismaSql(tx),
    sampleDrawnEvent({
      id: String(row.id),
      department,
      regionCode: input.regionCode,
      industryCode: industry,
      matter,
      strata: draw.strata,
      drawnAt: row.drawnAt,
    }),
  );
  return toDrawMapper(row);
}

/** drawInspectionSample: one transaction with its audit entry. */
export function drawInspectionSample(ctx: Ctx, { input }: MutationDrawInspectionSampleArgs): Promise<DrawRecord> {
  return ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.drawInspectionSample'],
      detail: `${input.regionCode} ${input.industryCode ?? '*'} seed=${input.seed}`,
    },
    (tx) => drawAndRecord(tx, input, ctx.identity.actor, ctx.identity.department ?? 'platform'),
  );
}

/** recordEvaluationRefresh: the counts of a refresh run, stamped with the clock (the draws' freshness reads it). */
export function recordEvaluationRefresh(ctx: Ctx, args: MutationRecordEvaluationRefreshArgs) {
  regionPrefix(args.regionCode);
  if (!Number.isInteger(args.registeredSubjects) || args.registeredSubjects < 0)
    throw badInput('registeredSubjects', 'RANGE', '`registeredSubjects` must be 0 or more');
  if (args.evaluatedSubjects < 0 || args.evaluatedSubjects > args.registeredSubjects)
    throw badInput('evaluatedSubjects', 'RANGE', '`evaluatedSubjects` must be between 0 and `registeredSubjects`');
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.recordEvaluationRefresh'], detail: args.regionCode },
    (tx) =>
      tx.evaluationRefresh.create({
        data: {
          regionCode: args.regionCode,
          registeredSubjects: args.registeredSubjects,
          evaluatedSubjects: args.evaluatedSubjects,
          recordedBy: ctx.identity.actor,
          recordedAt: clock.now(),
        },
      }),
  );
}
