import {
  badInput,
  checkSubjectCode,
  chinaToday,
  notFound,
  notInFuture,
  regionFor,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { kindFromUscc, validateIdNumber, validateUscc } from '@credit-hub/kit/codes';
import type { RatingRow, ViolationRow } from './model.ts';
import { entryStatus } from './rules.ts';

type Ctx = SubgraphContext<unknown>;
const today = () => chinaToday();

/** Level and score must agree (国家税务总局公告2014年第40号 / 2025年第12号). */
export function checkLevelScore(level: RatingRow['level'], score: number | null | undefined): void {
  if (score === null || score === undefined) {
    if (level !== 'D')
      throw badInput(
        'input.score',
        'REQUIRED',
        `\`input.score\` is required for level ${level}; only D may be assigned directly`,
      );
    return;
  }
  if (score < 0 || score > 100) throw badInput('input.score', 'RANGE', '`input.score` must be between 0 and 100');
  const ok = {
    A: score >= 90,
    B: score >= 70 && score < 90,
    M: score >= 70,
    C: score >= 40 && score < 70,
    D: score < 40,
  }[level];
  if (!ok)
    throw badInput(
      'input.score',
      'LEVEL_SCORE',
      `\`input.score\` ${score} does not fit level ${level} (A ≥ 90, B 70–<90, M ≥ 70, C 40–<70, D < 40)`,
    );
}

export interface RatingInput {
  subjectCode: string;
  year: number;
  level: RatingRow['level'];
  score?: number | null;
  evaluatedOn: Date;
  authority: string;
  regionCode?: string | null;
}

export async function recordRating(ctx: Ctx, input: RatingInput): Promise<RatingRow> {
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  const thisYear = today().getUTCFullYear();
  if (input.year < 2014 || input.year > thisYear)
    throw badInput('input.year', 'RANGE', `\`input.year\` must be between 2014 and ${thisYear}`);
  checkLevelScore(input.level, input.score);
  notInFuture(input.evaluatedOn, 'input.evaluatedOn');
  const data = {
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    level: input.level,
    score: input.score ?? null,
    evaluatedOn: input.evaluatedOn,
    authority: requiredText(input.authority, 'input.authority', 200),
  };
  return ctx.audited(
    { subjectCode, fields: ['Mutation.recordTaxCreditRating'], detail: `${input.year} ${input.level}` },
    (tx) =>
      tx.taxCreditRating.upsert({
        where: { subjectCode_year: { subjectCode, year: input.year } },
        create: { subjectCode, year: input.year, ...data },
        update: data,
      }),
  );
}

export interface ViolationInput {
  subjectCode: string;
  taxpayerName: string;
  registeredAddress?: string | null;
  responsiblePersonName?: string | null;
  responsiblePersonSex?: string | null;
  responsiblePersonIdNumber?: string | null;
  situation: ViolationRow['situation'];
  mainFacts: string;
  legalBasis: string;
  penalty: string;
  amountInvolved?: number | null;
  inspectingAuthority: string;
  authorityCode: string;
  decisionServedOn: Date;
  publishedOn: Date;
  regionCode?: string | null;
}

/** The 15th of the month after service: the latest publication date 总局令第54号 allows. */
export function latestPublication(served: Date): Date {
  return new Date(Date.UTC(served.getUTCFullYear(), served.getUTCMonth() + 1, 15));
}

export async function publishViolation(ctx: Ctx, input: ViolationInput): Promise<ViolationRow> {
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  const authority = validateUscc(input.authorityCode.trim().toUpperCase());
  if (!authority.valid)
    throw badInput('input.authorityCode', authority.reason, `\`input.authorityCode\`: ${authority.message}`);
  if (kindFromUscc(authority.code) !== 'GOVERNMENT_BODY') {
    throw badInput(
      'input.authorityCode',
      'AUTHORITY_KIND',
      '`input.authorityCode` must be the USCC of a government body (机关, 11…)',
    );
  }
  let idNumber: string | null = null;
  if (input.responsiblePersonIdNumber) {
    const id = validateIdNumber(input.responsiblePersonIdNumber);
    if (!id.valid)
      throw badInput(
        'input.responsiblePersonIdNumber',
        id.reason,
        `\`input.responsiblePersonIdNumber\`: ${id.message}`,
      );
    idNumber = id.idNumber;
  }
  if (input.responsiblePersonSex && !['男', '女'].includes(input.responsiblePersonSex)) {
    throw badInput('input.responsiblePersonSex', 'ENUM', '`input.responsiblePersonSex` must be 男 or 女');
  }
  if (input.amountInvolved !== null && input.amountInvolved !== undefined && input.amountInvolved < 0) {
    throw badInput('input.amountInvolved', 'RANGE', '`input.amountInvolved` must not be negative');
  }
  notInFuture(input.decisionServedOn, 'input.decisionServedOn');
  if (input.publishedOn.getTime() < input.decisionServedOn.getTime()) {
    throw badInput('input.publishedOn', 'ORDER', '`input.publishedOn` must not be before `input.decisionServedOn`');
  }
  if (input.publishedOn.getTime() > latestPublication(input.decisionServedOn).getTime()) {
    throw badInput(
      'input.publishedOn',
      'DEADLINE',
      '`input.publishedOn` must be by the 15th of the month after the decision was served (总局令第54号)',
    );
  }
  const publicityEndsOn = new Date(
    Date.UTC(input.publishedOn.getUTCFullYear() + 3, input.publishedOn.getUTCMonth(), input.publishedOn.getUTCDate()),
  );
  const regionCode = regionFor(subjectCode, input.regionCode, 'input.regionCode');
  const year = input.decisionServedOn.getUTCFullYear();
  return ctx.audited(
    { subjectCode, fields: ['Mutation.publishMajorTaxViolation'], detail: input.situation },
    async (tx) => {
      const entry = await tx.majorTaxViolation.create({
        data: {
          subjectCode,
          regionCode,
          taxpayerName: requiredText(input.taxpayerName, 'input.taxpayerName', 200),
          registeredAddress: input.registeredAddress?.trim() || null,
          responsiblePersonName: input.responsiblePersonName?.trim() || null,
          responsiblePersonSex: input.responsiblePersonSex ?? null,
          responsiblePersonIdNumber: idNumber,
          situation: input.situation,
          mainFacts: requiredText(input.mainFacts, 'input.mainFacts'),
          legalBasis: requiredText(input.legalBasis, 'input.legalBasis'),
          penalty: requiredText(input.penalty, 'input.penalty'),
          amountInvolved: input.amountInvolved ?? null,
          inspectingAuthority: requiredText(input.inspectingAuthority, 'input.inspectingAuthority', 200),
          authorityCode: authority.code,
          decisionServedOn: input.decisionServedOn,
          publishedOn: input.publishedOn,
          publicityEndsOn,
        },
      });
      // A major violator is graded D directly for the year (总局令第54号): both change together or neither.
      await tx.taxCreditRating.upsert({
        where: { subjectCode_year: { subjectCode, year } },
        create: {
          subjectCode,
          year,
          regionCode,
          level: 'D',
          score: null,
          evaluatedOn: input.decisionServedOn,
          authority: entry.inspectingAuthority,
        },
        update: { level: 'D', score: null },
      });
      return entry;
    },
  );
}

export async function removeViolation(ctx: Ctx, id: string, reason: string): Promise<ViolationRow> {
  if (!/^\d{1,18}$/.test(id))
    throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
  const why = requiredText(reason, 'reason', 500);
  // An entry's subject never changes: read it first so the audit entry names whom the removal concerns.
  const found = await ctx.db.prisma.majorTaxViolation.findUnique({
    where: { id: BigInt(id) },
    select: { subjectCode: true },
  });
  if (!found) throw notFound('Major tax violation entry', id);
  return ctx.audited(
    { subjectCode: found.subjectCode, fields: ['Mutation.removeMajorTaxViolation'], detail: `entry ${id}: ${why}` },
    async (tx) => {
      const entry = await tx.majorTaxViolation.findUniqueOrThrow({ where: { id: BigInt(id) } });
      const status = entryStatus(entry, today());
      if (status !== 'PUBLISHED') {
        throw badInput(
          'id',
          'NOT_LISTED',
          `entry ${id} is not published (${status === 'REMOVED' ? 'removed' : 'publicity period ended'}): nothing to remove`,
        );
      }
      return tx.majorTaxViolation.update({
        where: { id: entry.id },
        data: { status: 'REMOVED', removedOn: today(), removalReason: why },
      });
    },
  );
}
