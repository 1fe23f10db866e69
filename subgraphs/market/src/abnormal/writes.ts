/**
 * 经营异常名录 writes (enterprises, 农民专业合作社) and 经营异常状态 marks (个体工商户): listing or marking, the removal
 * application and its refusal, removal (移出 / 恢复正常记载状态) and revocation — each on an entry locked per subject,
 * with its audit entry in one transaction. "Today" is read once per mutation from the kit's clock.
 */
import { badInput, clock, conflict, countForInput, notFound, notInFuture, requiredText } from '@credit-hub/kit';
import type { Prisma } from '@credit-hub/kit/db';
import type {
  AbnormalOperationInput,
  AbnormalOperationReason,
  MutationApplyForAbnormalRemovalArgs,
  MutationRefuseAbnormalRemovalArgs,
  MutationRemoveAbnormalOperationArgs,
  MutationRestoreNormalStatusArgs,
  MutationRevokeAbnormalOperationArgs,
} from '../__generated__/types.ts';
import { checkMarketSubjectCode } from '../rules.ts';
import { checkId, iso, lockSubject, notBeforeEstablishment, registrationOf, type Ctx } from '../writes.ts';
import type { AbnormalOperationMapper } from './mappers.ts';
import {
  ABNORMAL_KIND_LABELS,
  ABNORMAL_REASON_LABELS,
  abnormalKindFor,
  MARK_REASONS,
  removalDeadline,
  type AbnormalKind,
} from './rules.ts';
import { entryAdded, entryRemoved } from '../events.ts';

type AbnormalRow = AbnormalOperationMapper;

/** The subject's kind decides listing or marking; the mutation named must be the right one. */
function checkKind(subjectCode: string, kind: AbnormalKind, reason: AbnormalOperationReason) {
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

async function enter(ctx: Ctx, kind: AbnormalKind, input: AbnormalOperationInput): Promise<AbnormalRow> {
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
      const created = await tx.abnormalOperation.create({
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
      await entryAdded(tx, 'ABNORMAL_OPERATION', created, null);
      return created;
    },
  );
}

export const listAbnormalOperation = (ctx: Ctx, input: AbnormalOperationInput) => enter(ctx, 'LISTING', input);
export const markAbnormalStatus = (ctx: Ctx, input: AbnormalOperationInput) => enter(ctx, 'MARK', input);

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
function withinListing(date: Date, entry: AbnormalRow, field: string, today: Date) {
  notInFuture(date, field, today);
  if (date.getTime() < entry.listedOn.getTime())
    throw badInput(field, 'ORDER', `\`${field}\` must not be before the listing (${iso(entry.listedOn)})`);
}

/** One audited, locked write on an existing entry: `change` checks the entry and returns the update. */
async function changeEntry(
  ctx: Ctx,
  rawId: string,
  mutation: string,
  detail: string,
  change: (entry: AbnormalRow, id: bigint) => Prisma.AbnormalOperationUpdateInput,
): Promise<AbnormalRow> {
  const id = checkId(rawId);
  const subjectCode = await abnormalSubject(ctx, id);
  return ctx.audited(
    { subjectCode, fields: [`Mutation.${mutation}`], detail: `entry ${id}: ${detail}` },
    async (tx) => {
      await lockSubject(tx, subjectCode);
      const entry = await tx.abnormalOperation.findUniqueOrThrow({ where: { id } });
      assertListed(entry, id);
      const changed = await tx.abnormalOperation.update({ where: { id }, data: change(entry, id) });
      // Only a change that ends the entry is news for others (an application or a refusal is the department's own).
      if (changed.status !== 'LISTED')
        await entryRemoved(
          tx,
          'ABNORMAL_OPERATION',
          changed,
          changed.status === 'REVOKED' ? 'WITHDRAWN' : 'REMOVED',
          changed.removalReason,
        );
      return changed;
    },
  );
}

export async function applyForAbnormalRemoval(
  ctx: Ctx,
  { id: rawId, appliedOn, curedOn }: MutationApplyForAbnormalRemovalArgs,
): Promise<AbnormalRow> {
  const today = clock.today();
  notInFuture(appliedOn, 'appliedOn', today);
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
      withinListing(appliedOn, entry, 'appliedOn', today);
      withinListing(curedOn, entry, 'curedOn', today);
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

export function refuseAbnormalRemoval(
  ctx: Ctx,
  { id: rawId, reason }: MutationRefuseAbnormalRemovalArgs,
): Promise<AbnormalRow> {
  const refusalReason = requiredText(reason, 'reason', 500);
  const today = clock.today();
  return changeEntry(ctx, rawId, 'refuseAbnormalRemoval', `refused: ${refusalReason}`, (entry, id) => {
    assertApplied(entry, id);
    return { refusedOn: today, refusalReason, removalDeadline: null };
  });
}

/** 移出 (a listing) or 恢复正常记载状态 (a mark): the kind must match the mutation. */
function removeEntry(
  ctx: Ctx,
  kind: AbnormalKind,
  { id: rawId, reason, removalAuthority: authority }: MutationRemoveAbnormalOperationArgs,
) {
  const mutation = kind === 'LISTING' ? 'removeAbnormalOperation' : 'restoreNormalStatus';
  const removalReason = requiredText(reason, 'reason', 500);
  const removalAuthority = requiredText(authority, 'removalAuthority', 200);
  const today = clock.today();
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
    return { status: 'REMOVED', removedOn: today, removalReason, removalAuthority, removalDeadline: null };
  });
}

export const removeAbnormalOperation = (ctx: Ctx, args: MutationRemoveAbnormalOperationArgs) =>
  removeEntry(ctx, 'LISTING', args);
export const restoreNormalStatus = (ctx: Ctx, args: MutationRestoreNormalStatusArgs) => removeEntry(ctx, 'MARK', args);

export function revokeAbnormalOperation(
  ctx: Ctx,
  { id: rawId, reason, removalAuthority: authority, objectionFiledOn }: MutationRevokeAbnormalOperationArgs,
): Promise<AbnormalRow> {
  const removalReason = requiredText(reason, 'reason', 500);
  const removalAuthority = requiredText(authority, 'removalAuthority', 200);
  const today = clock.today();
  return changeEntry(ctx, rawId, 'revokeAbnormalOperation', `revoked: ${removalReason}`, (entry) => {
    if (objectionFiledOn) withinListing(objectionFiledOn, entry, 'objectionFiledOn', today);
    // Listed in error: no cure is owed, so none is recorded; a pending application has nothing left to decide.
    return {
      status: 'REVOKED',
      removedOn: today,
      removalReason,
      removalAuthority,
      objectionFiledOn: objectionFiledOn ?? null,
      removalDeadline: null,
    };
  });
}
