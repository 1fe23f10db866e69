/**
 * The environment subgraph's writes: each mutation validates what it is given (the generated input types;
 * BAD_USER_INPUT naming the field and the rule, CONFLICT for what is already stored) and runs its change and its
 * audit entry in one transaction (`ctx.audited`).
 */
import {
  badInput,
  checkUscc,
  clock,
  conflict,
  notInFuture,
  regionFor,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { Prisma } from '@credit-hub/kit/db';
import type {
  DischargePermitInput,
  EnvironmentalPenaltyInput,
  EnvironmentalRatingInput,
} from './__generated__/types.ts';
import type { Config } from './context.ts';
import type { DischargePermitMapper, EnvironmentalPenaltyMapper, EnvironmentalRatingMapper } from './mappers.ts';
import {
  checkFine,
  checkGradeInUse,
  checkIndustryCode,
  checkPermitNumber,
  checkScore,
  checkValidity,
  FIRST_RATING_YEAR,
  ratingValidUntil,
} from './rules.ts';
import { penaltyPublished, ratingChanged } from './events.ts';

/** What a write needs of the request: the database, the caller, `audited` and the configuration (no loader). */
type Ctx = SubgraphContext<unknown, Config>;
const iso = (d: Date) => d.toISOString().slice(0, 10);

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Runs a create whose key must be new: checked first (a clear message), and if two officers submit the same key at
 * once the unique index decides and the loser gets the same CONFLICT error.
 */
async function createOnce<T>(work: () => Promise<T>, duplicate: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// 企业环境信用评价

/** Publishes a year's rating, replacing an earlier one of the same subject and year. */
export async function publishRating(ctx: Ctx, input: EnvironmentalRatingInput): Promise<EnvironmentalRatingMapper> {
  const subjectCode = checkUscc(input.subjectCode, 'input.subjectCode');
  const thisYear = clock.today().getUTCFullYear();
  if (input.year < FIRST_RATING_YEAR || input.year > thisYear)
    throw badInput('input.year', 'RANGE', `\`input.year\` must be between ${FIRST_RATING_YEAR} and ${thisYear}`);
  const grade = checkGradeInUse(input.grade, ctx.config.grades, 'input.grade');
  const scores = {
    pollutionPrevention: checkScore(input.pollutionPrevention, 'input.pollutionPrevention'),
    ecologicalProtection: checkScore(input.ecologicalProtection, 'input.ecologicalProtection'),
    environmentalManagement: checkScore(input.environmentalManagement, 'input.environmentalManagement'),
    socialSupervision: checkScore(input.socialSupervision, 'input.socialSupervision'),
  };
  notInFuture(input.evaluatedOn, 'input.evaluatedOn');
  if (input.evaluatedOn.getUTCFullYear() < input.year) {
    throw badInput(
      'input.evaluatedOn',
      'ORDER',
      `\`input.evaluatedOn\` ${iso(input.evaluatedOn)} is before the rating year ${input.year}`,
    );
  }
  const data = {
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    industryCode: input.industryCode?.trim() ? checkIndustryCode(input.industryCode, 'input.industryCode') : null,
    grade,
    ...scores,
    authority: requiredText(input.authority, 'input.authority', 200),
    evaluatedOn: input.evaluatedOn,
  };
  return ctx.audited(
    { subjectCode, fields: ['Mutation.publishEnvironmentalRating'], detail: `${input.year} ${grade}` },
    async (tx) => {
      const before = await tx.environmentalRating.findUnique({
        where: { subjectCode_year: { subjectCode, year: input.year } },
        select: { grade: true },
      });
      const rating = await tx.environmentalRating.upsert({
        where: { subjectCode_year: { subjectCode, year: input.year } },
        create: { subjectCode, year: input.year, ...data },
        // A year published again is the department's new decision: an earlier repair of that year is superseded.
        update: { ...data, repairedOn: null, gradeBeforeRepair: null, repairBasis: null },
      });
      if (before?.grade !== rating.grade)
        await ratingChanged(tx, rating, before?.grade ?? null, ratingValidUntil(rating.year, ctx.config.validThrough));
      return rating;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// 环境行政处罚

const duplicateDecision = (decisionNumber: string) =>
  conflict('input.decisionNumber', 'ALREADY_RECORDED', `penalty decision ${decisionNumber} is already recorded`);

/** Records a 环境行政处罚 decision; a decision number is recorded once. */
export async function recordPenalty(ctx: Ctx, input: EnvironmentalPenaltyInput): Promise<EnvironmentalPenaltyMapper> {
  const subjectCode = checkUscc(input.subjectCode, 'input.subjectCode');
  const data = {
    subjectCode,
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    decisionNumber: requiredText(input.decisionNumber, 'input.decisionNumber', 100),
    violationType: requiredText(input.violationType, 'input.violationType', 200),
    facts: requiredText(input.facts, 'input.facts', 5000),
    legalBasis: requiredText(input.legalBasis, 'input.legalBasis', 2000),
    fine: checkFine(input.fine, 'input.fine'),
    decidedOn: input.decidedOn,
    authority: requiredText(input.authority, 'input.authority', 200),
  };
  notInFuture(input.decidedOn, 'input.decidedOn');
  return createOnce(
    () =>
      ctx.audited(
        {
          subjectCode,
          fields: ['Mutation.recordEnvironmentalPenalty'],
          detail: `${data.decisionNumber} ${data.violationType} ${data.fine}元`,
        },
        async (tx) => {
          const existing = await tx.environmentalPenalty.findUnique({
            where: { decisionNumber: data.decisionNumber },
            select: { id: true },
          });
          if (existing) throw duplicateDecision(data.decisionNumber);
          const penalty = await tx.environmentalPenalty.create({ data });
          await penaltyPublished(tx, penalty);
          return penalty;
        },
      ),
    () => duplicateDecision(data.decisionNumber),
  );
}

// ---------------------------------------------------------------------------------------------------------
// 排污许可证

const duplicatePermit = (permitNumber: string) =>
  conflict('input.permitNumber', 'ALREADY_ISSUED', `permit ${permitNumber} has already been issued`);

/** Issues a 排污许可证 (stored VALID); a permit number is issued once. */
export async function issuePermit(ctx: Ctx, input: DischargePermitInput): Promise<DischargePermitMapper> {
  const subjectCode = checkUscc(input.subjectCode, 'input.subjectCode');
  const permitNumber = checkPermitNumber(input.permitNumber, subjectCode, 'input.permitNumber');
  checkValidity(input.validFrom, input.validUntil, 'input.validUntil');
  const data = {
    subjectCode,
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    permitNumber,
    industry: requiredText(input.industry, 'input.industry', 200),
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    status: 'VALID' as const,
    authority: requiredText(input.authority, 'input.authority', 200),
  };
  return createOnce(
    () =>
      ctx.audited(
        {
          subjectCode,
          fields: ['Mutation.issueDischargePermit'],
          detail: `${permitNumber} ${iso(input.validFrom)}–${iso(input.validUntil)}`,
        },
        async (tx) => {
          const existing = await tx.dischargePermit.findUnique({ where: { permitNumber }, select: { id: true } });
          if (existing) throw duplicatePermit(permitNumber);
          return tx.dischargePermit.create({ data });
        },
      ),
    () => duplicatePermit(permitNumber),
  );
}
