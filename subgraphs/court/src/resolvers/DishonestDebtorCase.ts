import { chineseCalendar, isCalendarRangeError, toIsoDate } from '@credit-hub/kit';
import type { DishonestDebtorCaseResolvers } from '../__generated__/resolvers-types.ts';
import { isInForce } from '../restrictions/rules.ts';
import {
  BEHAVIOUR_LABELS,
  deletionDeadlineFrom,
  isDeletionOverdue,
  listingState,
  PERFORMANCE_LABELS,
  WITHDRAWAL_REASONS,
} from '../rules.ts';

const reasonOf = (c: { withdrawalReason: keyof typeof WITHDRAWAL_REASONS | null }) =>
  c.withdrawalReason ? WITHDRAWAL_REASONS[c.withdrawalReason] : null;

export const DishonestDebtorCase: DishonestDebtorCaseResolvers = {
  subject: (c) => ({ code: c.subjectCode }),
  // debtorName, legalRepresentative and idNumber are masked by @personal in schema.graphql.
  performanceLabel: (c) => PERFORMANCE_LABELS[c.performance],
  behaviourLabels: (c) => c.behaviours.map((b) => BEHAVIOUR_LABELS[b]),
  filedOn: (c) => toIsoDate(c.filedOn)!,
  decidedOn: (c) => toIsoDate(c.decidedOn)!,
  listedUntil: (c) => toIsoDate(c.listedUntil),
  publishedOn: (c) => toIsoDate(c.publishedOn)!,
  status: (c, _args, { loaders }) => listingState(c, loaders.today),
  withdrawnOn: (c) => toIsoDate(c.withdrawnOn),
  withdrawalKind: (c) => reasonOf(c)?.kind ?? null,
  withdrawalReasonLabel: (c) => reasonOf(c)?.label ?? null,
  withdrawalBasis: (c) => reasonOf(c)?.basis ?? null,
  groundArisenOn: (c) => toIsoDate(c.groundArisenOn),
  deletionDeadline: (c, _args, { loaders }) => {
    const state = listingState(c, loaders.today);
    if (state === 'WITHDRAWN') return toIsoDate(c.deletionDeadline);
    if (state === 'ACTIVE') return null;
    try {
      return toIsoDate(deletionDeadlineFrom(c.listedUntil!, chineseCalendar));
    } catch (error) {
      // A term that ended before the calendar's first year: the exact day cannot be counted (deletionOverdue still can).
      if (isCalendarRangeError(error)) return null;
      throw error;
    }
  },
  deletionOverdue: (c, _args, { loaders }) =>
    listingState(c, loaders.today) === 'EXPIRED' ? isDeletionOverdue(c, loaders.today, chineseCalendar) : null,
  withdrawnLate: (c) => {
    const reason = reasonOf(c);
    if (c.status !== 'WITHDRAWN' || !reason?.deadline) return null;
    if (c.deletionDeadline) return c.withdrawnOn!.getTime() > c.deletionDeadline.getTime();
    // Recorded without a countable deadline: it lay past the calendar's last year, after the withdrawal day.
    return c.groundArisenOn ? false : null;
  },
  consumptionRestrictionInForce: async (c, _args, { loaders }) =>
    (await loaders.restrictionsByCase.load(c.caseNumber)).some((r) => r.subjectCode === c.subjectCode && isInForce(r)),
};
