import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { catalogueQueries } from '../catalogue/resolvers/Query.ts';
import { checkQueries } from '../checks/resolvers/Query.ts';
import { modelQueries } from '../models/resolvers/Query.ts';
import { samplingQueries } from '../sampling/resolvers/Query.ts';

export const Query: QueryResolvers = { ...modelQueries, ...samplingQueries, ...catalogueQueries, ...checkQueries };
