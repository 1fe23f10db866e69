/**
 * The tax department's writes: each mutation validates what it is given (the generated input and argument types;
 * BAD_USER_INPUT naming the field and the rule) and runs its change and its audit entry in one transaction
 * (`ctx.audited`). "Today" is read once per mutation from the kit's clock.
 */
import {
  badInput,
  checkSubjectCode,
  clock,
  notFound,
  notInFuture,
  regionFor,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { kindFromUscc, validateIdNumber, validateUscc } from '@credit-hub/kit/codes';
import { prismaSql } from '@credit-hub/kit/db';
import { recordEvent } from '@credit-hub/kit/events';
import type {
  MajorTaxViolationInput,
  MajorTaxViolationStopInput,
  MutationRemoveMajorTaxViolationArgs,
  TaxCreditRatingInput,
  TaxResponsiblePersonInput,
} from './__generated__/types.ts';
import { ratingChangedEvent, violatorListedEvent, violatorRemovedEvent } from './events.ts';
import type { MajorTaxViolationMapper, TaxCreditRatingMapper } from './mappers.ts';
import {
  APPLICATION_GROUNDS,
  checkLevelScore,
  entryStatus,
  isRepeatOffender,
  latestPublication,
  paidInFullFrom,
  publicityEnd,
  STOP_GROUND_LABELS,
} from './rules.ts';

/** What a write needs of the request: the database, the caller, and `audited` (no loader, no GraphQL). */
type Ctx = SubgraphContext<unknown>;
type ViolationRow = MajorTaxViolationMapper;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function recordRating(ctx: Ctx, input: TaxCreditRatingInput): Promise<TaxCreditRatingMapper> {
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  const today = clock.today();
  const thisYear = today.getUTCFullYear();
  if (input.year < 2014 || input.year > thisYear)
    throw badInput('input.year', 'RANGE', `\`input.year\` must be between 2014 and ${thisYear}`);
  checkLevelScore(input.level, input.score);
  notInFuture(input.evaluatedOn, 'input.evaluatedOn', today);
  const data = {
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    level: input.level,
    score: input.score ?? null,
    evaluatedOn: input.evaluatedOn,
    authority: requiredText(input.authority, 'input.authority', 200),
  };
  return ctx.audited(
    { subjectCode, fields: ['Mutation.recordTaxCreditRating'], detail: `${input.year} ${input.level}` },
    async (tx) => {
      const before = await tx.taxCreditRating.findUnique({
        where: { subjectCode_year: { subjectCode, year: input.year } },
        select: { level: true },
      });
      const rating = await tx.taxCreditRating.upsert({
        where: { subjectCode_year: { subjectCode, year: input.year } },
        create: { subjectCode, year: input.year, ...data },
        update: data,
      });
      if (before?.level !== rating.level) await ratingChanged(tx, rating, before?.level ?? null);
      return rating;
    },
  );
}

/** The event of a level that changed (a re-recorded same level is no change and tells no one anything). */
function ratingChanged(
  tx: Parameters<typeof prismaSql>[0],
  rating: TaxCreditRatingMapper,
  previousLevel: string | null,
) {
  return recordEvent(prismaSql(tx), ratingChangedEvent(rating, previousLevel));
}

function checkSex(sex: string | null | undefined, field: string): string | null {
  if (sex && !['男', '女'].includes(sex)) throw badInput(field, 'ENUM', `\`${field}\` must be 男 or 女`);
  return sex ?? null;
}

function checkIdNumber(raw: string | null | undefined, field: string): string | null {
  if (!raw) return null;
  const id = validateIdNumber(raw);
  if (!id.valid) throw badInput(field, id.reason, `\`${field}\`: ${id.message}`);
  return id.idNumber;
}

/** At most this many further persons per entry: a gang of a few dozen is the most a judgment names. */
export const MAX_OTHER_PERSONS = 50;

function checkPersons(persons: readonly TaxResponsiblePersonInput[] | null | undefined) {
  const list = persons ?? [];
  if (list.length > MAX_OTHER_PERSONS)
    throw badInput(
      'input.otherResponsiblePersons',
      'LENGTH',
      `\`input.otherResponsiblePersons\` may hold at most ${MAX_OTHER_PERSONS} persons`,
    );
  return list.map((p, i) => {
    const field = `input.otherResponsiblePersons[${i}]`;
    return {
      role: p.role,
      name: requiredText(p.name, `${field}.name`, 100),
      sex: checkSex(p.sex, `${field}.sex`),
      idNumber: checkIdNumber(p.idNumber, `${field}.idNumber`),
    };
  });
}

export async function publishViolation(ctx: Ctx, input: MajorTaxViolationInput): Promise<ViolationRow> {
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
  const idNumber = checkIdNumber(input.responsiblePersonIdNumber, 'input.responsiblePersonIdNumber');
  checkSex(input.responsiblePersonSex, 'input.responsiblePersonSex');
  const others = checkPersons(input.otherResponsiblePersons);
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
  const publicityEndsOn = publicityEnd(input.publishedOn);
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
          otherResponsiblePersons: { create: others },
        },
      });
      await recordEvent(prismaSql(tx), violatorListedEvent(entry));
      // A major violator is graded D directly for the year (总局令第54号): both change together or neither.
      const before = await tx.taxCreditRating.findUnique({
        where: { subjectCode_year: { subjectCode, year } },
        select: { level: true },
      });
      const rating = await tx.taxCreditRating.upsert({
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
      if (before?.level !== 'D') await ratingChanged(tx, rating, before?.level ?? null);
      return entry;
    },
  );
}

/** The dates an early stop needs, checked against the entry (and, for PAID_IN_FULL, the subject's other entries). */
function checkStop(
  entry: ViolationRow,
  input: MajorTaxViolationStopInput,
  others: readonly ViolationRow[],
  today: Date,
) {
  const { ground, appliedOn, paidOn } = input;
  if (APPLICATION_GROUNDS.includes(ground) && !appliedOn)
    throw badInput(
      'input.appliedOn',
      'REQUIRED',
      `\`input.appliedOn\` is required for ${ground}: it answers an application`,
    );
  if (appliedOn) {
    notInFuture(appliedOn, 'input.appliedOn', today);
    if (appliedOn.getTime() < entry.publishedOn.getTime())
      throw badInput(
        'input.appliedOn',
        'ORDER',
        `\`input.appliedOn\` must not be before publication (${iso(entry.publishedOn)})`,
      );
  }
  if (ground !== 'PAID_IN_FULL') {
    if (paidOn) throw badInput('input.paidOn', 'GROUND', '`input.paidOn` belongs to PAID_IN_FULL only');
    return;
  }
  if (!paidOn) throw badInput('input.paidOn', 'REQUIRED', '`input.paidOn` is required for PAID_IN_FULL');
  if (paidOn.getTime() < entry.decisionServedOn.getTime() || paidOn.getTime() > appliedOn!.getTime())
    throw badInput(
      'input.paidOn',
      'ORDER',
      '`input.paidOn` must lie between the service of the decision and the application',
    );
  const from = paidInFullFrom(entry.publishedOn);
  if (appliedOn!.getTime() < from.getTime()) {
    throw badInput(
      'input.appliedOn',
      'TOO_EARLY',
      `entry ${entry.id} was published on ${iso(entry.publishedOn)}: after paying in full the subject may apply from ` +
        `${iso(from)}, once published six months (国家税务总局令第54号)`,
    );
  }
  if (isRepeatOffender(entry, others)) {
    throw badInput(
      'input.ground',
      'REPEAT_OFFENDER',
      `the subject was determined a 重大税收违法失信主体 twice or more within five years of ${iso(entry.decisionServedOn)}: ` +
        'PAID_IN_FULL is not open to it (国家税务总局令第54号)',
    );
  }
}

export async function removeViolation(
  ctx: Ctx,
  { id, input }: MutationRemoveMajorTaxViolationArgs,
): Promise<ViolationRow> {
  if (!/^\d{1,18}$/.test(id))
    throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
  const why = requiredText(input.reason, 'input.reason', 500);
  const today = clock.today();
  // An entry's subject never changes: read it first so the audit entry names whom the removal concerns.
  const found = await ctx.db.prisma.majorTaxViolation.findUnique({
    where: { id: BigInt(id) },
    select: { subjectCode: true },
  });
  if (!found) throw notFound('Major tax violation entry', id);
  return ctx.audited(
    {
      subjectCode: found.subjectCode,
      fields: ['Mutation.removeMajorTaxViolation'],
      detail: `entry ${id}: ${input.ground} ${why}`,
    },
    async (tx) => {
      const entry = await tx.majorTaxViolation.findUniqueOrThrow({ where: { id: BigInt(id) } });
      const status = entryStatus(entry, today);
      if (status !== 'PUBLISHED') {
        throw badInput(
          'id',
          'NOT_LISTED',
          status === 'REMOVED'
            ? `entry ${id} is not published (stopped on ${iso(entry.removedOn!)}): nothing to remove`
            : `entry ${id} is not published: its three years ended on ${iso(entry.publicityEndsOn)} and publication stopped by itself`,
        );
      }
      const others =
        input.ground === 'PAID_IN_FULL'
          ? await tx.majorTaxViolation.findMany({ where: { subjectCode: entry.subjectCode } })
          : [];
      checkStop(entry, input, others, today);
      const removed = await tx.majorTaxViolation.update({
        where: { id: entry.id },
        data: {
          status: 'REMOVED',
          removedOn: today,
          removalGround: input.ground,
          removalReason: `${STOP_GROUND_LABELS[input.ground]}：${why}`,
          stopAppliedOn: input.appliedOn ?? null,
          paidOn: input.paidOn ?? null,
        },
      });
      await recordEvent(prismaSql(tx), violatorRemovedEvent(removed, iso(today), 'REMOVED', input.ground));
      return removed;
    },
  );
}
