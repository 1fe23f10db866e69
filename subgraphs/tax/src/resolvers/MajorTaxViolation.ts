import { toIsoDate } from '@credit-hub/kit';
import type { MajorTaxViolationResolvers } from '../__generated__/resolvers-types.ts';
import { entryStatus, SITUATION_LABELS } from '../rules.ts';

export const MajorTaxViolation: MajorTaxViolationResolvers = {
  id: (v) => v.id.toString(),
  subject: (v) => ({ code: v.subjectCode }),
  // The responsible person's name and ID number are masked by @personal in schema.graphql.
  status: (v) => entryStatus(v),
  situationLabel: (v) => SITUATION_LABELS[v.situation],
  amountInvolved: (v) => (v.amountInvolved === null ? null : v.amountInvolved.toNumber()),
  decisionServedOn: (v) => toIsoDate(v.decisionServedOn)!,
  publishedOn: (v) => toIsoDate(v.publishedOn)!,
  publicityEndsOn: (v) => toIsoDate(v.publicityEndsOn)!,
  removedOn: (v) => toIsoDate(v.removedOn),
};
