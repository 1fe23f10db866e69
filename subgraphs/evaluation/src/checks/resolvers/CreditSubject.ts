import { clock, conflict, newId } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import type { CheckRow } from '../mappers.ts';
import { checkReference, evaluateCheck, flagsUnavailable, listsOf } from '../rules.ts';
import { checkIdempotencyKey } from '../writes.ts';

/**
 * CreditSubject.creditCheck: thin — rules in rules.ts, recording in writes.ts. A read that records: ADR 0050 says
 * why it stays a query and how a repeat is made safe (the idempotency key).
 */
export const checkSubjectFields: Pick<CreditSubjectResolvers, 'creditCheck'> = {
  creditCheck: async (subject, { matter, reference, idempotencyKey }, ctx) => {
    const ref = checkReference(reference);
    const key = checkIdempotencyKey(idempotencyKey);
    // The departments' flags arrive in the representation (@requires), typed by CreditSubjectMapper.
    const { lists, missing } = listsOf(subject);
    if (missing.length > 0) throw flagsUnavailable(subject.code, missing);
    const outcome = evaluateCheck(lists, matter, await ctx.loaders.catalogue());
    const row: CheckRow = {
      id: newId(),
      subjectCode: subject.code,
      matter,
      reference: ref,
      ...outcome,
      department: ctx.identity.department,
      checkedAt: clock.now(),
      fresh: true,
    };
    const recorded = await ctx.loaders.recordCheck.load({
      row,
      caller: ctx.identity,
      requestId: ctx.requestId,
      idempotencyKey: key,
    });
    if (recorded === row.id) return row;
    if (recorded === null)
      throw conflict(
        'idempotencyKey',
        'IN_PROGRESS',
        `a check of ${subject.code} with this idempotency key is being recorded by another request: retry`,
      );
    // A repeat of a key: the check recorded first stands, as it was made (its lists, measures and time).
    const first = await ctx.loaders.checkById.load(recorded);
    if (!first)
      throw conflict('idempotencyKey', 'IN_PROGRESS', 'the check of this idempotency key is not readable yet: retry');
    if (first.reference !== ref)
      throw conflict(
        'idempotencyKey',
        'KEY_REUSED',
        `idempotency key already used for a check of ${subject.code} in ${matter} with another reference (${first.reference ?? 'none'})`,
        { checkId: first.id },
      );
    return first;
  },
};
