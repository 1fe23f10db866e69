import { toIsoDate } from '@credit-hub/kit';
import type { CreditCheckStatisticsResolvers } from '../../__generated__/resolvers-types.ts';
import { MATTER_LABELS } from '../../catalogue/rules.ts';

export const CreditCheckStatistics: CreditCheckStatisticsResolvers = {
  period: (s) => (s.unit === 'DAY' ? toIsoDate(s.periodStart)! : toIsoDate(s.periodStart)!.slice(0, 7)),
  matterLabel: (s) => MATTER_LABELS[s.matter],
};
