import { clock, toIsoDate } from '@credit-hub/kit';
import type { CreditCommitmentResolvers } from '../__generated__/resolvers-types.ts';
import { KIND_LABELS, stateLabel, summaryOf } from '../rules.ts';

export const CreditCommitment: CreditCommitmentResolvers = {
  subject: (c) => ({ code: c.subjectCode }),
  kindLabel: (c) => KIND_LABELS[c.kind],
  summary: (c) => summaryOf(c.content),
  checkingDepartment: (c) => ({ code: c.checkingDepartment }),
  madeOn: (c) => toIsoDate(c.madeOn)!,
  termEndsOn: (c) => toIsoDate(c.termEndsOn)!,
  stateLabel: (c) => stateLabel(c, clock.today()),
  checkedOn: (c) => toIsoDate(c.checkedOn),
  publicityEndsOn: (c) => toIsoDate(c.publicityEndsOn),
  repairedOn: (c) => toIsoDate(c.repairedOn),
};
