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
import { isPersonKey, validateIdNumber } from '@credit-hub/kit/codes';
import { Prisma } from '@credit-hub/kit/db';
import { parseCaseNumber } from './case-number.ts';
import { toCaseRow, type CaseRow, type RestrictionRow } from './model.ts';

type Ctx = SubgraphContext<unknown>;
const today = () => chinaToday();
const iso = (d: Date) => d.toISOString().slice(0, 10);

function optional(value: string | null | undefined, field: string, max = 2000): string | null {
  return value?.trim() ? requiredText(value, field, max) : null;
}

function absent(value: string | null | undefined, field: string, why: string) {
  if (value?.trim()) throw badInput(field, 'NOT_APPLICABLE', `\`${field}\` must be left out ${why}`);
}

function courtName(value: string, field: string): string {
  const name = requiredText(value, field, 100);
  if (!name.endsWith('法院'))
    throw badInput(field, 'COURT_NAME', `\`${field}\` must be the court's full name, e.g. 杭州市西湖区人民法院`);
  return name;
}

/** Age in whole years on `on`, from a birth date YYYY-MM-DD. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age -= 1;
  return age;
}

/** 履行情况: partly performed states both parts; nothing performed has no performed part. */
function performanceParts(
  performance: CaseRow['performance'],
  performedPart: string | null | undefined,
  unperformedPart: string | null | undefined,
  prefix: string,
): { performedPart: string | null; unperformedPart: string | null } {
  if (performance === 'PARTLY_PERFORMED') {
    return {
      performedPart: requiredText(performedPart, `${prefix}performedPart`),
      unperformedPart: requiredText(unperformedPart, `${prefix}unperformedPart`),
    };
  }
  absent(performedPart, `${prefix}performedPart`, 'when nothing was performed (NONE_PERFORMED)');
  return { performedPart: null, unperformedPart: optional(unperformedPart, `${prefix}unperformedPart`) };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

const duplicate = (caseNumber: string) =>
  badInput('input.caseNumber', 'DUPLICATE', `case ${caseNumber} is already published`, { conflict: true });

export interface CaseInput {
  caseNumber: string;
  subjectCode: string;
  debtorKind: CaseRow['debtorKind'];
  debtorName: string;
  legalRepresentative?: string | null;
  idNumber?: string | null;
  regionCode?: string | null;
  courtName: string;
  filedOn: Date;
  basisDocumentNumber: string;
  basisIssuer: string;
  obligation: string;
  performance: CaseRow['performance'];
  performedPart?: string | null;
  unperformedPart?: string | null;
  behaviour: CaseRow['behaviour'];
  publishedOn: Date;
}

/** Everything a case row holds, validated; throws BAD_USER_INPUT naming the field and rule. */
export function checkCase(input: CaseInput): Prisma.DishonestDebtorCaseCreateInput {
  const { caseNumber, year } = parseCaseNumber(input.caseNumber, 'input.caseNumber', today());
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  const person = isPersonKey(subjectCode);
  const expectedKind = person ? 'NATURAL_PERSON' : 'ORGANISATION';
  if (input.debtorKind !== expectedKind) {
    throw badInput(
      'input.debtorKind',
      'KIND_MISMATCH',
      `\`input.debtorKind\` must be ${expectedKind}: the subject code is ${person ? 'a person key' : 'a USCC'}`,
    );
  }
  let idNumber: string | null = null;
  let sex: string | null = null;
  let age: number | null = null;
  let legalRepresentative: string | null = null;
  if (person) {
    // The person key is an HMAC of the ID number under the platform secret, which a department never holds:
    // the pair cannot be matched here, so the ID number is validated on its own.
    if (!input.idNumber?.trim())
      throw badInput('input.idNumber', 'REQUIRED', '`input.idNumber` is required for a natural person');
    const id = validateIdNumber(input.idNumber, today());
    if (!id.valid) throw badInput('input.idNumber', id.reason, `\`input.idNumber\`: ${id.message}`);
    idNumber = id.idNumber;
    sex = id.sex === 'MALE' ? '男' : '女';
    age = ageOn(id.birthDate, input.publishedOn);
    absent(input.legalRepresentative, 'input.legalRepresentative', 'for a natural person');
  } else {
    legalRepresentative = requiredText(input.legalRepresentative, 'input.legalRepresentative', 100);
    absent(input.idNumber, 'input.idNumber', 'for an organisation (its USCC identifies it)');
  }
  notInFuture(input.filedOn, 'input.filedOn');
  if (input.filedOn.getUTCFullYear() < year) {
    throw badInput(
      'input.filedOn',
      'CASE_YEAR',
      `\`input.filedOn\` ${iso(input.filedOn)} is before the year ${year} of the case number (收案年度)`,
    );
  }
  notInFuture(input.publishedOn, 'input.publishedOn');
  if (input.publishedOn.getTime() < input.filedOn.getTime()) {
    throw badInput('input.publishedOn', 'ORDER', '`input.publishedOn` must not be before `input.filedOn`');
  }
  return {
    caseNumber,
    subjectCode,
    debtorKind: input.debtorKind,
    debtorName: requiredText(input.debtorName, 'input.debtorName', 200),
    legalRepresentative,
    sex,
    age,
    idNumber,
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    courtName: courtName(input.courtName, 'input.courtName'),
    filedOn: input.filedOn,
    basisDocumentNumber: requiredText(input.basisDocumentNumber, 'input.basisDocumentNumber', 200),
    basisIssuer: requiredText(input.basisIssuer, 'input.basisIssuer', 200),
    obligation: requiredText(input.obligation, 'input.obligation'),
    performance: input.performance,
    ...performanceParts(input.performance, input.performedPart, input.unperformedPart, 'input.'),
    behaviour: input.behaviour,
    publishedOn: input.publishedOn,
    status: 'ACTIVE',
  };
}

export async function publishCase(ctx: Ctx, input: CaseInput): Promise<CaseRow> {
  const data = checkCase(input);
  try {
    return await ctx.audited(
      {
        subjectCode: data.subjectCode,
        fields: ['Mutation.publishDishonestDebtorCase'],
        detail: `${data.caseNumber} ${data.behaviour}`,
      },
      async (tx) => {
        const existing = await tx.dishonestDebtorCase.findUnique({
          where: { caseNumber: data.caseNumber },
          select: { id: true },
        });
        if (existing) throw duplicate(data.caseNumber);
        return toCaseRow(await tx.dishonestDebtorCase.create({ data }));
      },
    );
  } catch (error) {
    // Two courts' clerks publishing the same number at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(error)) throw duplicate(data.caseNumber);
    throw error;
  }
}

/** The case a mutation acts on, read first so that the audit entry names its subject (which never changes). */
async function caseToChange(ctx: Ctx, raw: string): Promise<{ id: bigint; caseNumber: string; subjectCode: string }> {
  const { caseNumber } = parseCaseNumber(raw, 'caseNumber', today());
  const found = await ctx.db.prisma.dishonestDebtorCase.findUnique({
    where: { caseNumber },
    select: { id: true, subjectCode: true },
  });
  if (!found) throw notFound('Dishonest debtor case', caseNumber);
  return { ...found, caseNumber };
}

const notListed = (caseNumber: string) =>
  badInput('caseNumber', 'NOT_LISTED', `case ${caseNumber} has been withdrawn from the list: it cannot be changed`);

export async function recordPerformance(
  ctx: Ctx,
  args: {
    caseNumber: string;
    performance: CaseRow['performance'];
    performedPart?: string | null;
    unperformedPart?: string | null;
  },
): Promise<CaseRow> {
  const target = await caseToChange(ctx, args.caseNumber);
  const parts = performanceParts(args.performance, args.performedPart, args.unperformedPart, '');
  return ctx.audited(
    {
      subjectCode: target.subjectCode,
      fields: ['Mutation.recordPerformance'],
      detail: `${target.caseNumber} ${args.performance}`,
    },
    async (tx) => {
      // Conditional on ACTIVE in the same statement: a concurrent withdrawal cannot slip in between.
      const { count } = await tx.dishonestDebtorCase.updateMany({
        where: { id: target.id, status: 'ACTIVE' },
        data: { performance: args.performance, ...parts },
      });
      if (count === 0) throw notListed(target.caseNumber);
      return toCaseRow(await tx.dishonestDebtorCase.findUniqueOrThrow({ where: { id: target.id } }));
    },
  );
}

export async function withdrawCase(
  ctx: Ctx,
  args: {
    caseNumber: string;
    reason: NonNullable<CaseRow['withdrawalReason']>;
    note?: string | null;
    withdrawnOn?: Date | null;
  },
): Promise<CaseRow> {
  const target = await caseToChange(ctx, args.caseNumber);
  const note = args.reason === 'OTHER' ? requiredText(args.note, 'note', 500) : optional(args.note, 'note', 500);
  const withdrawnOn = args.withdrawnOn ?? today();
  notInFuture(withdrawnOn, 'withdrawnOn');
  return ctx.audited(
    {
      subjectCode: target.subjectCode,
      fields: ['Mutation.withdrawDishonestDebtorCase'],
      detail: `${target.caseNumber} ${args.reason}${note ? `: ${note}` : ''}`,
    },
    async (tx) => {
      const current = await tx.dishonestDebtorCase.findUniqueOrThrow({
        where: { id: target.id },
        select: { publishedOn: true },
      });
      if (withdrawnOn.getTime() < current.publishedOn.getTime()) {
        throw badInput(
          'withdrawnOn',
          'ORDER',
          `\`withdrawnOn\` must not be before the publication date ${iso(current.publishedOn)}`,
        );
      }
      const { count } = await tx.dishonestDebtorCase.updateMany({
        where: { id: target.id, status: 'ACTIVE' },
        data: { status: 'WITHDRAWN', withdrawnOn, withdrawalReason: args.reason, withdrawalNote: note },
      });
      if (count === 0) throw notListed(target.caseNumber);
      return toCaseRow(await tx.dishonestDebtorCase.findUniqueOrThrow({ where: { id: target.id } }));
    },
  );
}

export interface RestrictionInput {
  subjectCode: string;
  caseNumber: string;
  courtName: string;
  restrictedPerson?: string | null;
  issuedOn: Date;
  regionCode?: string | null;
}

export async function issueRestriction(ctx: Ctx, input: RestrictionInput): Promise<RestrictionRow> {
  const { caseNumber } = parseCaseNumber(input.caseNumber, 'input.caseNumber', today());
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  notInFuture(input.issuedOn, 'input.issuedOn');
  const data = {
    subjectCode,
    caseNumber,
    courtName: courtName(input.courtName, 'input.courtName'),
    restrictedPerson: optional(input.restrictedPerson, 'input.restrictedPerson', 100),
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    issuedOn: input.issuedOn,
  };
  return ctx.audited(
    { subjectCode, fields: ['Mutation.issueConsumptionRestriction'], detail: caseNumber },
    async (tx) => {
      const inForce = await tx.consumptionRestriction.count({
        where: { subjectCode, caseNumber, status: 'ACTIVE' },
      });
      if (inForce > 0) {
        throw badInput(
          'input.caseNumber',
          'DUPLICATE',
          `a consumption restriction in case ${caseNumber} is already in force against this subject`,
          { conflict: true },
        );
      }
      return tx.consumptionRestriction.create({ data });
    },
  );
}

export async function liftRestriction(ctx: Ctx, id: string, reason: string): Promise<RestrictionRow> {
  if (!/^\d{1,18}$/.test(id))
    throw badInput('id', 'FORMAT', `\`id\` must be a numeric order id, got ${JSON.stringify(id)}`);
  const why = requiredText(reason, 'reason', 500);
  const found = await ctx.db.prisma.consumptionRestriction.findUnique({
    where: { id: BigInt(id) },
    select: { subjectCode: true },
  });
  if (!found) throw notFound('Consumption restriction', id);
  return ctx.audited(
    {
      subjectCode: found.subjectCode,
      fields: ['Mutation.liftConsumptionRestriction'],
      detail: `order ${id}: ${why}`,
    },
    async (tx) => {
      const { count } = await tx.consumptionRestriction.updateMany({
        where: { id: BigInt(id), status: 'ACTIVE' },
        data: { status: 'WITHDRAWN', liftedOn: today(), liftReason: why },
      });
      if (count === 0) throw badInput('id', 'ALREADY_LIFTED', `consumption restriction ${id} has already been lifted`);
      return tx.consumptionRestriction.findUniqueOrThrow({ where: { id: BigInt(id) } });
    },
  );
}
