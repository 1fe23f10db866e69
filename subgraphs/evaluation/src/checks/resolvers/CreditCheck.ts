import type { CreditCheckResolvers } from '../../__generated__/resolvers-types.ts';
import { ACTION_LABELS, LIST_INFO, MATTER_LABELS } from '../../catalogue/rules.ts';
import { inMeasureOrder } from '../reads.ts';

export const CreditCheck: CreditCheckResolvers = {
  subject: (c) => ({ code: c.subjectCode }),
  matterLabel: (c) => MATTER_LABELS[c.matter],
  lists: (c) => c.lists.map((l) => LIST_INFO[l]),
  actionLabel: (c) => ACTION_LABELS[c.action],
  // A check made in this request has no feedback yet: no statement for it.
  feedback: async (c, _args, { loaders }) =>
    c.fresh ? [] : inMeasureOrder(c, await loaders.feedbackByCheck.load(c.id)),
};
