import { toIsoDate } from '@credit-hub/kit';
import type { MajorTaxViolationResolvers } from '../__generated__/resolvers-types.ts';
import { entryStatus, paidInFullFrom, SITUATION_LABELS, STOP_GROUND_LABELS, stopDecisionDueBy } from '../rules.ts';

export const MajorTaxViolation: MajorTaxViolationResolvers = {
  id: (v) => v.id.toString(),
  subject: (v) => ({ code: v.subjectCode }),
  // The responsible persons' names and ID numbers are masked by @personal in schema.graphql.
  otherResponsiblePersons: (v, _args, { loaders }) => loaders.personsByViolation.load(v.id),
  status: (v, _args, { loaders }) => entryStatus(v, loaders.today),
  situationLabel: (v) => SITUATION_LABELS[v.situation],
  amountInvolved: (v) => (v.amountInvolved === null ? null : v.amountInvolved.toNumber()),
  decisionServedOn: (v) => toIsoDate(v.decisionServedOn)!,
  publishedOn: (v) => toIsoDate(v.publishedOn)!,
  publicityEndsOn: (v) => toIsoDate(v.publicityEndsOn)!,
  paidInFullStopFrom: (v) => toIsoDate(paidInFullFrom(v.publishedOn))!,
  removedOn: (v) => toIsoDate(v.removedOn),
  removalGroundLabel: (v) => (v.removalGround ? STOP_GROUND_LABELS[v.removalGround] : null),
  stopAppliedOn: (v) => toIsoDate(v.stopAppliedOn),
  stopDecisionDueBy: (v) => (v.stopAppliedOn ? toIsoDate(stopDecisionDueBy(v.stopAppliedOn)) : null),
  paidOn: (v) => toIsoDate(v.paidOn),
};
