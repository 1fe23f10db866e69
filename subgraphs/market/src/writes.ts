/**
 * The market department's writes to its register (登记信息) and what the features' writes share: each mutation
 * validates what it is given (the generated input and argument types; BAD_USER_INPUT naming the field and the rule,
 * CONFLICT for what is already stored, NOT_FOUND for a subject not registered) and runs its change and its audit
 * entry in one transaction (`ctx.audited`). The 经营异常名录's writes are in abnormal/writes.ts, the 严重违法失信名单's
 * in serious/writes.ts.
 */
import { badInput, notFound, notInFuture, requiredText, type SubgraphContext } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { MarketRegistrationInput } from './__generated__/types.ts';
import type { RegistrationMapper } from './mappers.ts';
import { checkMarketSubjectCode } from './rules.ts';

/** What a write needs of the request: the database, the caller, and `audited` (no loader, no GraphQL). */
export type Ctx = SubgraphContext<unknown>;
export type Tx = Db['prisma'];
export const iso = (d: Date) => d.toISOString().slice(0, 10);

export function optional(value: string | null | undefined, field: string, max = 2000): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (text.length > max) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most ${max} characters`);
  return text;
}

export function checkId(id: string): bigint {
  if (!/^\d{1,18}$/.test(id))
    throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
  return BigInt(id);
}

/**
 * Serialises the market department's list writes per subject (a transaction-scoped advisory lock), so
 * that two officers listing the same reason at once cannot both pass the "not already listed" check.
 */
export const lockSubject = (tx: Tx, subjectCode: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('market'), hashtext(${subjectCode}))`;

/** Only subjects in the market register can be listed: the registration authority decides about its own. */
export async function registrationOf(
  tx: Tx,
  subjectCode: string,
  field = 'input.subjectCode',
): Promise<RegistrationMapper> {
  const registration = await tx.registration.findUnique({ where: { subjectCode } });
  if (!registration) {
    throw notFound('Market registration (登记信息) of', subjectCode, {
      field,
      hint: 'register it with registerMarketSubject first',
    });
  }
  return registration;
}

export function notBeforeEstablishment(date: Date, registration: RegistrationMapper, field: string) {
  if (date.getTime() < registration.establishedOn.getTime()) {
    throw badInput(
      field,
      'BEFORE_ESTABLISHMENT',
      `\`${field}\` must not be before the subject was established (${iso(registration.establishedOn)})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// 登记信息

/** Decimal(16, 4): twelve digits before the point. */
const MAX_CAPITAL = 1e12;

export async function registerMarketSubject(ctx: Ctx, input: MarketRegistrationInput): Promise<RegistrationMapper> {
  const subjectCode = checkMarketSubjectCode(input.subjectCode);
  const capital = input.registeredCapital;
  if (capital !== null && capital !== undefined && !(capital >= 0 && capital < MAX_CAPITAL)) {
    throw badInput('input.registeredCapital', 'RANGE', '`input.registeredCapital` (万元) must be 0 or more');
  }
  notInFuture(input.establishedOn, 'input.establishedOn');
  if (input.approvedOn) {
    notInFuture(input.approvedOn, 'input.approvedOn');
    if (input.approvedOn.getTime() < input.establishedOn.getTime())
      throw badInput('input.approvedOn', 'ORDER', '`input.approvedOn` must not be before `input.establishedOn`');
  }
  let regionCode = subjectCode.slice(2, 8);
  if (input.regionCode) {
    if (!/^\d{6}$/.test(input.regionCode))
      throw badInput(
        'input.regionCode',
        'FORMAT',
        '`input.regionCode` must be a six-digit administrative division code',
      );
    regionCode = input.regionCode;
  }
  const data = {
    name: requiredText(input.name, 'input.name', 200),
    entityType: requiredText(input.entityType, 'input.entityType', 100),
    legalRepresentative: optional(input.legalRepresentative, 'input.legalRepresentative', 100),
    establishedOn: input.establishedOn,
    registeredCapital: capital ?? null,
    currency: optional(input.currency, 'input.currency', 16) ?? '人民币',
    businessScope: requiredText(input.businessScope, 'input.businessScope', 5000),
    address: optional(input.address, 'input.address', 500),
    registrationAuthority: requiredText(input.registrationAuthority, 'input.registrationAuthority', 200),
    regionCode,
    approvedOn: input.approvedOn ?? null,
  };
  return ctx.audited(
    {
      subjectCode,
      fields: ['Mutation.registerMarketSubject'],
      detail: `${data.name}${input.status ? ` ${input.status}` : ''}`,
    },
    (tx) =>
      tx.registration.upsert({
        where: { subjectCode },
        create: { subjectCode, ...data, status: input.status ?? 'EXISTING' },
        // An update that leaves the status out keeps the stored one (a revoked licence is not reinstated by a
        // change of address); every other field is the registration as submitted.
        update: { ...data, ...(input.status ? { status: input.status } : {}) },
      }),
  );
}
