import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { findModel, listModels } from '../reads.ts';

export const modelQueries: Pick<QueryResolvers, 'evaluationModels' | 'evaluationModel'> = {
  evaluationModels: (_p, args, { db }) => listModels(db, args.status),
  evaluationModel: (_p, args, { db }) => findModel(db, args),
};
