import { toIsoDate } from '@credit-hub/kit';
import { maskIdNumber, maskPersonName } from '@credit-hub/kit/codes';
import type { MajorTaxViolationResolvers } from '../__generated__/resolvers-types.ts';
import { SITUATION_LABELS } from '../rules.ts';

export const MajorTaxViolation: MajorTaxViolationResolvers = {
  id: (v) => v.id.toString(),
  subject: (v) => ({ code: v.subjectCode }),
  // Until roles exist every caller is the public: the responsible person is always masked.
  responsiblePersonName: (v) => (v.responsiblePersonName ? maskPersonName(v.responsiblePersonName) : null),
  responsiblePersonIdNumber: (v) => (v.responsiblePersonIdNumber ? maskIdNumber(v.responsiblePersonIdNumber) : null),
  situationLabel: (v) => SITUATION_LABELS[v.situation],
  amountInvolved: (v) => (v.amountInvolved === null ? null : v.amountInvolved.toNumber()),
  decisionServedOn: (v) => toIsoDate(v.decisionServedOn)!,
  publishedOn: (v) => toIsoDate(v.publishedOn)!,
  publicityEndsOn: (v) => toIsoDate(v.publicityEndsOn)!,
  removedOn: (v) => toIsoDate(v.removedOn),
};
