import {
  badInput,
  conflict,
  countForInput,
  notFound,
  notInFuture,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { validateUscc } from '@credit-hub/kit/codes';
import type { Db } from '@credit-hub/kit/db';
import type { AbnormalRow, RegistrationRow, SeriousRow } from './mappers.ts';
import {
  abnormalKindFor,
  ABNORMAL_KIND_LABELS,
  ABNORMAL_REASON_LABELS,
  earliestEarlyRemoval,
  EARLY_REMOVAL_CONDITION_LABELS,
  isMarketSubject,
  isSeriousInForce,
  MARK_REASONS,
  removalDeadline,
  seriousExpiry,
  seriousStatus,
  startOfToday,
  transferDueFrom,
  unmetEarlyRemovalConditions,
  type AbnormalKind,
} from './rules.ts';

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
    throw notFound('Market registration (登记信息) of', subjectCode, {
      field,
      hint: 'register it with registerMarketSubject first',
    });
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
// 经营异常名录 (enterprises, 农民专业合作社) and 经营异常状态 (个体工商户)

export interface AbnormalInput {
  subjectCode: string;
  reason: AbnormalRow['reason'];
  listingAuthority: string;
  listingDocument: string;
  listedOn: Date;
}

/** The subject's kind decides listing or marking; the mutation named must be the right one. */
function checkKind(subjectCode: string, kind: AbnormalKind, reason: AbnormalRow['reason']) {
  const expected = abnormalKindFor(subjectCode);
  if (kind === 'LISTING' && expected === 'MARK') {
    throw badInput(
      'input.subjectCode',
      'INDIVIDUAL_BUSINESS_MARKED',
      `${subjectCode} is a 个体工商户: it is not listed in the 经营异常名录 but marked 经营异常状态 (《个体工商户年度报告暂行办法》); ` +
        'use markAbnormalStatus',
    );
  }
  if (kind === 'MARK' && expected === 'LISTING') {
    throw badInput(
      'input.subjectCode',
      'NOT_INDIVIDUAL_BUSINESS',
      `${subjectCode} is not a 个体工商户: only a 个体工商户 (92…) is marked 经营异常状态; list it with listAbnormalOperation`,
    );
  }
  if (kind === 'MARK' && !MARK_REASONS.includes(reason)) {
    throw badInput(
      'input.reason',
      'REASON_NOT_FOR_MARK',
      `a 个体工商户 is not marked for ${reason} (${ABNORMAL_REASON_LABELS[reason]}): it is marked for ` +
        MARK_REASONS.join(', '),
    );
  }
}

async function enter(ctx: Ctx, kind: AbnormalKind, input: AbnormalInput): Promise<AbnormalRow> {
  const mutation = kind === 'LISTING' ? 'listAbnormalOperation' : 'markAbnormalStatus';
  const subjectCode = checkMarketSubjectCode(input.subjectCode);
  checkKind(subjectCode, kind, input.reason);
  const listingAuthority = requiredText(input.listingAuthority, 'input.listingAuthority', 200);
  const listingDocument = requiredText(input.listingDocument, 'input.listingDocument', 200);
  notInFuture(input.listedOn, 'input.listedOn');
  return ctx.audited(
    { subjectCode, fields: [`Mutation.${mutation}`], detail: `${input.reason} ${listingDocument}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const registration = await registrationOf(tx, subjectCode);
      notBeforeEstablishment(input.listedOn, registration, 'input.listedOn');
      const listed = await tx.abnormalOperation.findFirst({
        where: { subjectCode, reason: input.reason, status: 'LISTED' },
        select: { id: true, listedOn: true },
      });
      if (listed) {
        throw conflict(
          'input.reason',
          'ALREADY_LISTED',
          `${subjectCode} is already ${kind === 'LISTING' ? 'listed' : 'marked'} for ${input.reason} (entry ${listed.id}, since ${iso(listed.listedOn)})`,
        );
      }
      return tx.abnormalOperation.create({
        data: {
          subjectCode,
          regionCode: registration.regionCode,
          kind,
          reason: input.reason,
          listingAuthority,
          listingDocument,
          listedOn: input.listedOn,
        },
      });
    },
  );
}

export const listAbnormalOperation = (ctx: Ctx, input: AbnormalInput) => enter(ctx, 'LISTING', input);
export const markAbnormalStatus = (ctx: Ctx, input: AbnormalInput) => enter(ctx, 'MARK', input);

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
      `entry ${id} is not in force (${entry.status === 'REVOKED' ? 'revoked' : 'removed'} on ${entry.removedOn ? iso(entry.removedOn) : 'an unknown date'})`,
    );
  }
}

/** A date that must lie between the listing and today, both included. */
function withinListing(date: Date, entry: AbnormalRow, field: string) {
  notInFuture(date, field);
  if (date.getTime() < entry.listedOn.getTime())
    throw badInput(field, 'ORDER', `\`${field}\` must not be before the listing (${iso(entry.listedOn)})`);
}

/** One audited, locked write on an existing entry: `change` checks the entry and returns the update. */
async function changeEntry(
  ctx: Ctx,
  rawId: string,
  mutation: string,
  detail: string,
  change: (entry: AbnormalRow, id: bigint) => Partial<AbnormalRow>,
): Promise<AbnormalRow> {
  const id = checkId(rawId);
  const subjectCode = await abnormalSubject(ctx, id);
  return ctx.audited(
    { subjectCode, fields: [`Mutation.${mutation}`], detail: `entry ${id}: ${detail}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const entry = await tx.abnormalOperation.findUniqueOrThrow({ where: { id } });
      assertListed(entry, id);
      return tx.abnormalOperation.update({ where: { id }, data: change(entry, id) });
    },
  );
}

export async function applyForAbnormalRemoval(
  ctx: Ctx,
  rawId: string,
  appliedOn: Date,
  curedOn: Date,
): Promise<AbnormalRow> {
  notInFuture(appliedOn, 'appliedOn');
  if (curedOn.getTime() > appliedOn.getTime())
    throw badInput('curedOn', 'ORDER', '`curedOn` must not be after `appliedOn`: the cause is cured before applying');
  // An application in a year without its holiday notice has no countable deadline: refused, never guessed.
  const deadline = countForInput('appliedOn', () => removalDeadline(appliedOn));
  return changeEntry(
    ctx,
    rawId,
    'applyForAbnormalRemoval',
    `applied ${iso(appliedOn)}, cured ${iso(curedOn)}, decision due by ${iso(deadline)}`,
    (entry, id) => {
      withinListing(appliedOn, entry, 'appliedOn');
      withinListing(curedOn, entry, 'curedOn');
      if (entry.removalDeadline) {
        throw conflict(
          'id',
          'ALREADY_APPLIED',
          `entry ${id} has a pending application of ${iso(entry.appliedOn!)} (decision due by ${iso(entry.removalDeadline)}): ` +
            'remove the entry or refuse the application first',
        );
      }
      if (entry.refusedOn && appliedOn.getTime() < entry.refusedOn.getTime()) {
        throw badInput(
          'appliedOn',
          'ORDER',
          `\`appliedOn\` must not be before the refusal of the last application (${iso(entry.refusedOn)})`,
        );
      }
      return { appliedOn, curedOn, removalDeadline: deadline, refusedOn: null, refusalReason: null };
    },
  );
}

/** A removal or refusal needs a pending application: the authority decides on applications. */
function assertApplied(entry: AbnormalRow, id: bigint) {
  if (!entry.removalDeadline) {
    throw badInput(
      'id',
      'NOT_APPLIED',
      `entry ${id} has no pending removal application: record it with applyForAbnormalRemoval first` +
        (entry.refusedOn ? ` (the last one was refused on ${iso(entry.refusedOn)})` : ''),
    );
  }
}

export function refuseAbnormalRemoval(ctx: Ctx, rawId: string, reason: string): Promise<AbnormalRow> {
  const refusalReason = requiredText(reason, 'reason', 500);
  return changeEntry(ctx, rawId, 'refuseAbnormalRemoval', `refused: ${refusalReason}`, (entry, id) => {
    assertApplied(entry, id);
    return { refusedOn: today(), refusalReason, removalDeadline: null };
  });
}

/** 移出 (a listing) or 恢复正常记载状态 (a mark): the kind must match the mutation. */
function removeEntry(ctx: Ctx, kind: AbnormalKind, rawId: string, reason: string, authority: string) {
  const mutation = kind === 'LISTING' ? 'removeAbnormalOperation' : 'restoreNormalStatus';
  const removalReason = requiredText(reason, 'reason', 500);
  const removalAuthority = requiredText(authority, 'removalAuthority', 200);
  return changeEntry(ctx, rawId, mutation, removalReason, (entry, id) => {
    if (entry.kind !== kind) {
      throw badInput(
        'id',
        kind === 'LISTING' ? 'MARK_NOT_LISTING' : 'LISTING_NOT_MARK',
        `entry ${id} is a ${ABNORMAL_KIND_LABELS[entry.kind]} entry: use ` +
          (entry.kind === 'MARK' ? 'restoreNormalStatus' : 'removeAbnormalOperation'),
      );
    }
    assertApplied(entry, id);
    return { status: 'REMOVED', removedOn: today(), removalReason, removalAuthority, removalDeadline: null };
  });
}

export const removeAbnormalOperation = (ctx: Ctx, rawId: string, reason: string, authority: string) =>
  removeEntry(ctx, 'LISTING', rawId, reason, authority);
export const restoreNormalStatus = (ctx: Ctx, rawId: string, reason: string, authority: string) =>
  removeEntry(ctx, 'MARK', rawId, reason, authority);

export function revokeAbnormalOperation(
  ctx: Ctx,
  rawId: string,
  reason: string,
  authority: string,
  objectionFiledOn: Date | null | undefined,
): Promise<AbnormalRow> {
  const removalReason = requiredText(reason, 'reason', 500);
  const removalAuthority = requiredText(authority, 'removalAuthority', 200);
  return changeEntry(ctx, rawId, 'revokeAbnormalOperation', `revoked: ${removalReason}`, (entry) => {
    if (objectionFiledOn) withinListing(objectionFiledOn, entry, 'objectionFiledOn');
    // Listed in error: no cure is owed, so none is recorded; a pending application has nothing left to decide.
    return {
      status: 'REVOKED',
      removedOn: today(),
      removalReason,
      removalAuthority,
      objectionFiledOn: objectionFiledOn ?? null,
      removalDeadline: null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// 严重违法失信名单

export interface SeriousInput {
  subjectCode: string;
  ground: SeriousRow['ground'];
  penaltyKind?: SeriousRow['penaltyKind'] | null;
  penaltyDecision?: string | null;
  abnormalOperationId?: string | null;
  measuresEndOn?: Date | null;
  basis: string;
  facts: string;
  decisionDocument: string;
  listingAuthority: string;
  listedOn: Date;
}

/** The ground's own fields: a penalty for HEAVY_PENALTY, a 经营异常名录 entry for ABNORMAL_TRANSFER, never both. */
function groundFields(input: SeriousInput) {
  if (input.ground === 'HEAVY_PENALTY') {
    if (!input.penaltyKind)
      throw badInput(
        'input.penaltyKind',
        'REQUIRED',
        '`input.penaltyKind` is required: a listing rests on a 较重行政处罚 (总局令第44号 第二条)',
      );
    if (input.abnormalOperationId)
      throw badInput(
        'input.abnormalOperationId',
        'GROUND',
        '`input.abnormalOperationId` is for ABNORMAL_TRANSFER only',
      );
    return {
      penaltyKind: input.penaltyKind,
      penaltyDecision: requiredText(input.penaltyDecision, 'input.penaltyDecision', 200),
      abnormalOperationId: null,
    };
  }
  if (input.penaltyKind || input.penaltyDecision)
    throw badInput(
      'input.penaltyKind',
      'GROUND',
      '`input.penaltyKind` and `penaltyDecision` are for HEAVY_PENALTY only',
    );
  if (!input.abnormalOperationId)
    throw badInput(
      'input.abnormalOperationId',
      'REQUIRED',
      '`input.abnormalOperationId` is required: name the 经营异常名录 entry listed three years',
    );
  return { penaltyKind: null, penaltyDecision: null, abnormalOperationId: checkId(input.abnormalOperationId) };
}

/** A transfer needs the subject's own listing, still in force, listed three full years before this listing. */
async function checkTransfer(tx: Tx, subjectCode: string, entryId: bigint, listedOn: Date) {
  const field = 'input.abnormalOperationId';
  const entry = await tx.abnormalOperation.findUnique({ where: { id: entryId }, include: { transfers: true } });
  if (!entry || entry.subjectCode !== subjectCode)
    throw badInput(field, 'NOT_FOUND', `\`${field}\`: ${subjectCode} has no 经营异常名录 entry ${entryId}`);
  if (entry.kind !== 'LISTING')
    throw badInput(field, 'GROUND', `entry ${entryId} is a 个体工商户's mark: marks are not transferred`);
  if (entry.status !== 'LISTED')
    throw badInput(
      field,
      'NOT_LISTED',
      `entry ${entryId} is no longer listed: its obligation was met or it was revoked`,
    );
  const due = transferDueFrom(entry.listedOn);
  if (listedOn.getTime() < due.getTime()) {
    throw badInput(
      field,
      'TRANSFER_NOT_DUE',
      `entry ${entryId} was listed on ${iso(entry.listedOn)}: it may be transferred from ${iso(due)}, after three full years`,
    );
  }
  if (entry.transfers.length > 0)
    throw conflict(
      field,
      'ALREADY_LISTED',
      `entry ${entryId} was already transferred (entry ${entry.transfers[0]!.id})`,
    );
}

export async function listSeriousIllegal(ctx: Ctx, input: SeriousInput): Promise<SeriousRow> {
  const subjectCode = checkMarketSubjectCode(input.subjectCode);
  const data = {
    ground: input.ground,
    ...groundFields(input),
    basis: requiredText(input.basis, 'input.basis'),
    facts: requiredText(input.facts, 'input.facts'),
    decisionDocument: requiredText(input.decisionDocument, 'input.decisionDocument', 200),
    listingAuthority: requiredText(input.listingAuthority, 'input.listingAuthority', 200),
    measuresEndOn: input.measuresEndOn ?? null,
  };
  notInFuture(input.listedOn, 'input.listedOn');
  if (data.measuresEndOn && data.measuresEndOn.getTime() <= input.listedOn.getTime())
    throw badInput('input.measuresEndOn', 'ORDER', '`input.measuresEndOn` must be after `input.listedOn`');
  return ctx.audited(
    { subjectCode, fields: ['Mutation.listSeriousIllegal'], detail: `${data.ground} ${data.decisionDocument}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const registration = await registrationOf(tx, subjectCode);
      notBeforeEstablishment(input.listedOn, registration, 'input.listedOn');
      if (data.abnormalOperationId) await checkTransfer(tx, subjectCode, data.abnormalOperationId, input.listedOn);
      const same = await tx.seriousIllegalListing.findFirst({
        where: { subjectCode, decisionDocument: data.decisionDocument },
        select: { id: true },
      });
      if (same) {
        throw conflict(
          'input.decisionDocument',
          'ALREADY_LISTED',
          `${subjectCode} was already listed by decision ${data.decisionDocument} (entry ${same.id})`,
        );
      }
      return tx.seriousIllegalListing.create({
        data: {
          subjectCode,
          regionCode: registration.regionCode,
          ...data,
          listedOn: input.listedOn,
          expiresOn: seriousExpiry(input.listedOn, data.measuresEndOn),
        },
      });
    },
  );
}

export interface SeriousRemovalInput {
  ground: NonNullable<SeriousRow['removalGround']>;
  basis: string;
  appliedOn?: Date | null;
  penaltyPerformed?: boolean | null;
  harmRemoved?: boolean | null;
  noNewHeavyPenalty?: boolean | null;
}

/** Early removal (信用修复): a full year listed at the application, the measures' term over, the conditions met. */
async function earlyRemoval(tx: Tx, entry: SeriousRow, input: SeriousRemovalInput) {
  if (!input.appliedOn)
    throw badInput('input.appliedOn', 'REQUIRED', '`input.appliedOn` is required for an early removal');
  notInFuture(input.appliedOn, 'input.appliedOn');
  const from = earliestEarlyRemoval(entry.listedOn);
  if (input.appliedOn.getTime() < from.getTime()) {
    throw badInput(
      'input.appliedOn',
      'TOO_EARLY',
      `entry ${entry.id} was listed on ${iso(entry.listedOn)}: early removal may be applied for from ${iso(from)}, ` +
        'after a full year on the list (总局令第44号)',
    );
  }
  if (entry.measuresEndOn && input.appliedOn.getTime() <= entry.measuresEndOn.getTime()) {
    throw badInput(
      'input.appliedOn',
      'MEASURES_IN_FORCE',
      `the 管理措施 of entry ${entry.id} last until ${iso(entry.measuresEndOn)}: no early removal may be applied for before they end`,
    );
  }
  let abnormalEntryRemoved: boolean | undefined;
  if (entry.ground === 'ABNORMAL_TRANSFER' && entry.abnormalOperationId !== null) {
    const source = await tx.abnormalOperation.findUnique({
      where: { id: entry.abnormalOperationId },
      select: { status: true },
    });
    abnormalEntryRemoved = source !== null && source.status !== 'LISTED';
  }
  const facts = {
    penaltyPerformed: input.penaltyPerformed === true,
    harmRemoved: input.harmRemoved === true,
    noNewHeavyPenalty: input.noNewHeavyPenalty === true,
    abnormalEntryRemoved,
  };
  const unmet = unmetEarlyRemovalConditions(entry.ground, facts);
  if (unmet.length > 0) {
    throw badInput(
      `input.${unmet[0]}`,
      'EARLY_REMOVAL_CONDITIONS',
      `entry ${entry.id} may not be removed early: not met — ${unmet.map((c) => `${c} (${EARLY_REMOVAL_CONDITION_LABELS[c]})`).join('; ')}`,
      { unmet },
    );
  }
  return {
    repairAppliedOn: input.appliedOn,
    penaltyPerformed: entry.ground === 'HEAVY_PENALTY' ? true : null,
    harmRemoved: true,
    noNewHeavyPenalty: true,
  };
}

export async function removeSeriousIllegal(ctx: Ctx, rawId: string, input: SeriousRemovalInput): Promise<SeriousRow> {
  const id = checkId(rawId);
  const removalBasis = requiredText(input.basis, 'input.basis', 500);
  const found = await ctx.db.prisma.seriousIllegalListing.findUnique({ where: { id }, select: { subjectCode: true } });
  if (!found) throw notFound('Serious illegal listing entry', id.toString());
  const subjectCode = found.subjectCode;
  return ctx.audited(
    {
      subjectCode,
      fields: ['Mutation.removeSeriousIllegal'],
      detail: `entry ${id}: ${input.ground} ${removalBasis}`,
    },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const entry = await tx.seriousIllegalListing.findUniqueOrThrow({ where: { id } });
      const now = today();
      if (!isSeriousInForce(entry, now)) {
        const status = seriousStatus(entry, now);
        throw badInput(
          'id',
          'NOT_LISTED',
          status === 'EXPIRED'
            ? `entry ${id} ended with its term on ${iso(entry.expiresOn)} and left the list by itself: nothing to remove`
            : `entry ${id} is not in force (${status === 'REVOKED' ? 'revoked' : 'removed'} on ${iso(entry.removedOn!)})`,
        );
      }
      const conditions = input.ground === 'EARLY_REMOVAL' ? await earlyRemoval(tx, entry, input) : {};
      return tx.seriousIllegalListing.update({
        where: { id },
        data: {
          status: input.ground === 'REVOKED' ? 'REVOKED' : 'REMOVED',
          removedOn: now,
          removalGround: input.ground,
          removalBasis,
          ...conditions,
        },
      });
    },
  );
}
