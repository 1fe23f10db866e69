import type { RegionIntegrityResolvers } from '../__generated__/resolvers-types.ts';

export const RegionIntegrity: RegionIntegrityResolvers = {
  __resolveReference: (ref) => ({ regionCode: ref.regionCode }),
  governmentBodyCount: (r, _args, { loaders }) => loaders.governmentBodyCount.load(r.regionCode),
};
