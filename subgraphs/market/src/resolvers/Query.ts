import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { abnormalQueries } from '../abnormal/resolvers/Query.ts';
import { seriousQueries } from '../serious/resolvers/Query.ts';

// The market's lists are its two features': the 经营异常名录 and the 严重违法失信名单.
export const Query: QueryResolvers = {
  ...abnormalQueries,
  ...seriousQueries,
};
