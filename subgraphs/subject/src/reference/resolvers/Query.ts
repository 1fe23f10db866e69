import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { reference } from '../reads.ts';
import { regionsUnder } from '../rules.ts';

/** The reference data's part of Query (PUBLIC: the divisions are published data). */
export const referenceQuery: Pick<QueryResolvers, 'regions'> = {
  regions: async (_root, { parentCode }, { db }) => regionsUnder(await reference(db), parentCode),
};
