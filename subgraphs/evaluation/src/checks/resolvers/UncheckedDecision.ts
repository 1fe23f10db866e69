import type { UncheckedDecisionResolvers } from '../../__generated__/resolvers-types.ts';
import { MATTER_LABELS } from '../../catalogue/rules.ts';

export const UncheckedDecision: UncheckedDecisionResolvers = {
  id: (d) => d.id.toString(),
  subject: (d) => ({ code: d.subjectCode }),
  matterLabel: (d) => MATTER_LABELS[d.matter],
};
