import { toIsoDate } from '@credit-hub/kit';
import type { DishonestDebtorCaseResolvers } from '../__generated__/resolvers-types.ts';
import { BEHAVIOUR_LABELS, PERFORMANCE_LABELS, WITHDRAWAL_REASON_LABELS } from '../rules.ts';

export const DishonestDebtorCase: DishonestDebtorCaseResolvers = {
  subject: (c) => ({ code: c.subjectCode }),
  // debtorName, legalRepresentative and idNumber are masked by @personal in schema.graphql.
  performanceLabel: (c) => PERFORMANCE_LABELS[c.performance],
  behaviourLabel: (c) => BEHAVIOUR_LABELS[c.behaviour],
  filedOn: (c) => toIsoDate(c.filedOn)!,
  publishedOn: (c) => toIsoDate(c.publishedOn)!,
  withdrawnOn: (c) => toIsoDate(c.withdrawnOn),
  withdrawalReasonLabel: (c) => (c.withdrawalReason ? WITHDRAWAL_REASON_LABELS[c.withdrawalReason] : null),
};
