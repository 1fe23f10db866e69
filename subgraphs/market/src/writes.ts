import {
  badInput,
  countForInput,
  ErrorCode,
  notFound,
  notInFuture,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { validateUscc } from '@credit-hub/kit/codes';
import type { Db } from '@credit-hub/kit/db';
import { GraphQLError } from 'graphql';
import type { AbnormalRow, RegistrationRow, SeriousRow } from './model.ts';
import { isMarketSubject, removalDeadline, startOfToday } from './rules.ts';

type Ctx = SubgraphContext<unknown>;
type Tx = Db['prisma'];
const today = () => startOfToday();
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A market subject's USCC as a department submits it: valid, and of an enterprise, 个体工商户 or 农民专业合作社. */
export function checkMarketSubjectCode(raw: string, field = 'input.subjectCode'): string {
  const result = validateUscc(raw);
  if (!result.valid) throw badInput(field, result.reason, `\`${field}\`: ${result.message}`);
  if (!isMarketSubject(result.code)) {
    throw badInput(
      field,
      'MARKET_SUBJECT',
      `\`${field}\` ${result.code} is not a market subject: market supervision registers enterprises (91…), ` +
        '个体工商户 (92…) and 农民专业合作社 (93…)',
    );
  }
  return result.code;
}

function optional(value: string | null | undefined, field: string, max = 2000): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (text.length > max) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most ${max} characters`);
  return text;
}

function checkId(id: string): bigint {
  if (!/^\d{1,18}$/.test(id))
    throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
  return BigInt(id);
}

/**
 * Serialises the market department's list writes per subject (a transaction-scoped advisory lock), so
 * that two officers listing the same reason at once cannot both pass the "not already listed" check.
 */
const lockSubject = (tx: Tx, subjectCode: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('market'), hashtext(${subjectCode}))`;

/** Only subjects in the market register can be listed: the registration authority decides about its own. */
async function registrationOf(tx: Tx, subjectCode: string, field = 'input.subjectCode'): Promise<RegistrationRow> {
  const registration = await tx.registration.findUnique({ where: { subjectCode } });
  if (!registration) {
    throw new GraphQLError(
      `${subjectCode} is not in the market register (no 登记信息): register it with registerMarketSubject first`,
      { extensions: { code: ErrorCode.NOT_FOUND, key: subjectCode, field } },
    );
  }
  return registration;
}

function notBeforeEstablishment(date: Date, registration: RegistrationRow, field: string) {
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

export interface RegistrationInput {
  subjectCode: string;
  name: string;
  entityType: string;
  legalRepresentative?: string | null;
  establishedOn: Date;
  registeredCapital?: number | null;
  currency?: string | null;
  businessScope: string;
  address?: string | null;
  registrationAuthority: string;
  regionCode?: string | null;
  status?: RegistrationRow['status'] | null;
  approvedOn?: Date | null;
}

/** Decimal(16, 4): twelve digits before the point. */
const MAX_CAPITAL = 1e12;

export async function registerMarketSubject(ctx: Ctx, input: RegistrationInput): Promise<RegistrationRow> {
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

// ---------------------------------------------------------------------------------------------------------
// 经营异常名录

export interface AbnormalInput {
  subjectCode: string;
  reason: AbnormalRow['reason'];
  listingAuthority: string;
  listingDocument: string;
  listedOn: Date;
}

export async function listAbnormalOperation(ctx: Ctx, input: AbnormalInput): Promise<AbnormalRow> {
  const subjectCode = checkMarketSubjectCode(input.subjectCode);
  const listingAuthority = requiredText(input.listingAuthority, 'input.listingAuthority', 200);
  const listingDocument = requiredText(input.listingDocument, 'input.listingDocument', 200);
  notInFuture(input.listedOn, 'input.listedOn');
  return ctx.audited(
    { subjectCode, fields: ['Mutation.listAbnormalOperation'], detail: `${input.reason} ${listingDocument}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const registration = await registrationOf(tx, subjectCode);
      notBeforeEstablishment(input.listedOn, registration, 'input.listedOn');
      const listed = await tx.abnormalOperation.findFirst({
        where: { subjectCode, reason: input.reason, status: 'LISTED' },
        select: { id: true, listedOn: true },
      });
      if (listed) {
        throw badInput(
          'input.reason',
          'ALREADY_LISTED',
          `${subjectCode} is already listed for ${input.reason} (entry ${listed.id}, since ${iso(listed.listedOn)})`,
        );
      }
      return tx.abnormalOperation.create({
        data: {
          subjectCode,
          regionCode: registration.regionCode,
          reason: input.reason,
          listingAuthority,
          listingDocument,
          listedOn: input.listedOn,
        },
      });
    },
  );
}

/** Reads an entry's subject before the write, so that the audit entry names whom the write concerns. */
async function abnormalSubject(ctx: Ctx, id: bigint): Promise<string> {
  const found = await ctx.db.prisma.abnormalOperation.findUnique({ where: { id }, select: { subjectCode: true } });
  if (!found) throw notFound('Abnormal operation entry', id.toString());
  return found.subjectCode;
}

function assertListed(entry: { status: AbnormalRow['status']; removedOn: Date | null }, id: bigint) {
  if (entry.status !== 'LISTED') {
    throw badInput(
      'id',
      'NOT_LISTED',
      `entry ${id} is not listed (removed on ${entry.removedOn ? iso(entry.removedOn) : 'an unknown date'})`,
    );
  }
}

export async function recordAbnormalCure(ctx: Ctx, rawId: string, curedOn: Date): Promise<AbnormalRow> {
  const id = checkId(rawId);
  notInFuture(curedOn, 'curedOn');
  // A cure in a year without its holiday notice has no countable deadline: refused, never guessed.
  const deadline = countForInput('curedOn', () => removalDeadline(curedOn));
  const subjectCode = await abnormalSubject(ctx, id);
  return ctx.audited(
    {
      subjectCode,
      fields: ['Mutation.recordAbnormalCure'],
      detail: `entry ${id}: cured ${iso(curedOn)}, removal due by ${iso(deadline)}`,
    },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const entry = await tx.abnormalOperation.findUniqueOrThrow({ where: { id } });
      assertListed(entry, id);
      if (entry.curedOn) {
        throw badInput(
          'id',
          'ALREADY_CURED',
          `entry ${id} was already cured on ${iso(entry.curedOn)} (removal due by ${iso(entry.removalDeadline ?? entry.curedOn)})`,
        );
      }
      if (curedOn.getTime() < entry.listedOn.getTime())
        throw badInput('curedOn', 'ORDER', `\`curedOn\` must not be before the listing (${iso(entry.listedOn)})`);
      return tx.abnormalOperation.update({ where: { id }, data: { curedOn, removalDeadline: deadline } });
    },
  );
}

export async function removeAbnormalOperation(
  ctx: Ctx,
  rawId: string,
  reason: string,
  authority: string,
): Promise<AbnormalRow> {
  const id = checkId(rawId);
  const removalReason = requiredText(reason, 'reason', 500);
  const removalAuthority = requiredText(authority, 'removalAuthority', 200);
  const subjectCode = await abnormalSubject(ctx, id);
  return ctx.audited(
    { subjectCode, fields: ['Mutation.removeAbnormalOperation'], detail: `entry ${id}: ${removalReason}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const entry = await tx.abnormalOperation.findUniqueOrThrow({ where: { id } });
      assertListed(entry, id);
      if (!entry.curedOn) {
        throw badInput(
          'id',
          'NOT_CURED',
          `entry ${id} has no recorded cure: record it with recordAbnormalCure before removing the entry`,
        );
      }
      return tx.abnormalOperation.update({
        where: { id },
        data: { status: 'REMOVED', removedOn: today(), removalReason, removalAuthority },
      });
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// 严重违法失信名单

export interface SeriousInput {
  subjectCode: string;
  basis: string;
  facts: string;
  decisionDocument: string;
  listingAuthority: string;
  listedOn: Date;
}

export async function listSeriousIllegal(ctx: Ctx, input: SeriousInput): Promise<SeriousRow> {
  const subjectCode = checkMarketSubjectCode(input.subjectCode);
  const data = {
    basis: requiredText(input.basis, 'input.basis'),
    facts: requiredText(input.facts, 'input.facts'),
    decisionDocument: requiredText(input.decisionDocument, 'input.decisionDocument', 200),
    listingAuthority: requiredText(input.listingAuthority, 'input.listingAuthority', 200),
  };
  notInFuture(input.listedOn, 'input.listedOn');
  return ctx.audited(
    { subjectCode, fields: ['Mutation.listSeriousIllegal'], detail: data.decisionDocument },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const registration = await registrationOf(tx, subjectCode);
      notBeforeEstablishment(input.listedOn, registration, 'input.listedOn');
      const same = await tx.seriousIllegalListing.findFirst({
        where: { subjectCode, decisionDocument: data.decisionDocument },
        select: { id: true },
      });
      if (same) {
        throw badInput(
          'input.decisionDocument',
          'ALREADY_LISTED',
          `${subjectCode} was already listed by decision ${data.decisionDocument} (entry ${same.id})`,
        );
      }
      return tx.seriousIllegalListing.create({
        data: { subjectCode, regionCode: registration.regionCode, ...data, listedOn: input.listedOn },
      });
    },
  );
}

export async function removeSeriousIllegal(ctx: Ctx, rawId: string, basis: string): Promise<SeriousRow> {
  const id = checkId(rawId);
  const removalBasis = requiredText(basis, 'basis', 500);
  const found = await ctx.db.prisma.seriousIllegalListing.findUnique({ where: { id }, select: { subjectCode: true } });
  if (!found) throw notFound('Serious illegal listing entry', id.toString());
  const subjectCode = found.subjectCode;
  return ctx.audited(
    { subjectCode, fields: ['Mutation.removeSeriousIllegal'], detail: `entry ${id}: ${removalBasis}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const entry = await tx.seriousIllegalListing.findUniqueOrThrow({ where: { id } });
      assertListed(entry, id);
      return tx.seriousIllegalListing.update({
        where: { id },
        data: { status: 'REMOVED', removedOn: today(), removalBasis },
      });
    },
  );
}
