import { toIsoDate } from '@credit-hub/kit';
import type { RecordMarkResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import type { RecordRef } from '../mappers.ts';
import { markKey } from '../reads.ts';
import type { Eligibility, RecordKind } from '../rules.ts';

const eligibilityOf = (e: Eligibility) => ({
  eligible: e.eligible,
  reason: e.reason,
  from: e.from ? toIsoDate(e.from) : null,
  rule: e.rule,
});

const mark = (r: RecordRef, ctx: Context) => ctx.loaders.marks.load(markKey(r.kind, r.id));

/**
 * A record of another department, extended here with the window's marks: the gateway hands over its id, the marks
 * come from the window's own cases and projection (one batch per request, loaders.ts).
 */
export function recordEntity(kind: RecordKind) {
  return {
    __resolveReference: (ref: { id: string }) => ({ kind, id: ref.id }),
    objectionPending: async (r: RecordRef, _a: unknown, ctx: Context) => (await mark(r, ctx)).objectionPending,
    repairPending: async (r: RecordRef, _a: unknown, ctx: Context) => (await mark(r, ctx)).repairPending,
    repairEligibility: async (r: RecordRef, _a: unknown, ctx: Context) =>
      eligibilityOf((await mark(r, ctx)).eligibility),
  };
}

/** A mark of CreditSubject.recordMarks. */
export const RecordMark = {
  recordKind: (r: RecordRef) => r.kind,
  recordId: (r: RecordRef) => r.id,
  objectionPending: async (r: RecordRef, _a: unknown, ctx: Context) => (await mark(r, ctx)).objectionPending,
  repairPending: async (r: RecordRef, _a: unknown, ctx: Context) => (await mark(r, ctx)).repairPending,
  repairEligibility: async (r: RecordRef, _a: unknown, ctx: Context) => eligibilityOf((await mark(r, ctx)).eligibility),
} satisfies RecordMarkResolvers;
