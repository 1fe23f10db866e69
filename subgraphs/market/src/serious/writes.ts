/**
 * 严重违法失信名单 writes (总局令第44号): listing on a ground (a 较重行政处罚, or the transfer of a 经营异常名录 entry
 * three years old) and removal before the term (信用修复, or revocation) — each locked per subject, with its audit
 * entry in one transaction. "Today" is read once per mutation from the kit's clock.
 */
import { badInput, clock, conflict, notFound, notInFuture, requiredText } from '@credit-hub/kit';
import type {
  MutationRemoveSeriousIllegalArgs,
  SeriousIllegalListingInput,
  SeriousIllegalRemovalInput,
} from '../__generated__/types.ts';
import { transferDueFrom } from '../abnormal/rules.ts';
import { checkMarketSubjectCode } from '../rules.ts';
import { checkId, iso, lockSubject, notBeforeEstablishment, registrationOf, type Ctx, type Tx } from '../writes.ts';
import type { SeriousIllegalListingMapper } from './mappers.ts';
import {
  earliestEarlyRemoval,
  EARLY_REMOVAL_CONDITION_LABELS,
  isSeriousInForce,
  seriousExpiry,
  seriousStatus,
  unmetEarlyRemovalConditions,
} from './rules.ts';
import { entryAdded, entryRemoved } from '../events.ts';

type SeriousRow = SeriousIllegalListingMapper;

/** The ground's own fields: a penalty for HEAVY_PENALTY, a 经营异常名录 entry for ABNORMAL_TRANSFER, never both. */
function groundFields(input: SeriousIllegalListingInput) {
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

export async function listSeriousIllegal(ctx: Ctx, input: SeriousIllegalListingInput): Promise<SeriousRow> {
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
      const listed = await tx.seriousIllegalListing.create({
        data: {
          subjectCode,
          regionCode: registration.regionCode,
          ...data,
          listedOn: input.listedOn,
          expiresOn: seriousExpiry(input.listedOn, data.measuresEndOn),
        },
      });
      await entryAdded(tx, 'SERIOUS_ILLEGAL', listed, listed.expiresOn);
      return listed;
    },
  );
}

/** Early removal (信用修复): a full year listed at the application, the measures' term over, the conditions met. */
async function earlyRemoval(tx: Tx, entry: SeriousRow, input: SeriousIllegalRemovalInput, today: Date) {
  if (!input.appliedOn)
    throw badInput('input.appliedOn', 'REQUIRED', '`input.appliedOn` is required for an early removal');
  notInFuture(input.appliedOn, 'input.appliedOn', today);
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

export async function removeSeriousIllegal(
  ctx: Ctx,
  { id: rawId, input }: MutationRemoveSeriousIllegalArgs,
): Promise<SeriousRow> {
  const id = checkId(rawId);
  const removalBasis = requiredText(input.basis, 'input.basis', 500);
  const now = clock.today();
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
      const conditions = input.ground === 'EARLY_REMOVAL' ? await earlyRemoval(tx, entry, input, now) : {};
      const removed = await tx.seriousIllegalListing.update({
        where: { id },
        data: {
          status: input.ground === 'REVOKED' ? 'REVOKED' : 'REMOVED',
          removedOn: now,
          removalGround: input.ground,
          removalBasis,
          ...conditions,
        },
      });
      const cause =
        input.ground === 'REVOKED' ? 'WITHDRAWN' : input.ground === 'EARLY_REMOVAL' ? 'REPAIRED' : 'REMOVED';
      await entryRemoved(tx, 'SERIOUS_ILLEGAL', removed, cause, input.ground);
      return removed;
    },
  );
}
