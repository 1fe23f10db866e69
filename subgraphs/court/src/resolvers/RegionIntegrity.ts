import type { RegionIntegrityResolvers } from '../__generated__/resolvers-types.ts';

export const RegionIntegrity: RegionIntegrityResolvers = {
  __resolveReference: (ref) => ({ regionCode: ref.regionCode }),
  dishonestGovernmentBodyCount: async (r, _args, { loaders }) =>
    (await loaders.dishonestGovernmentBodies.load(r.regionCode)).length,
  dishonestGovernmentBodies: async (r, _args, { loaders }) =>
    (await loaders.dishonestGovernmentBodies.load(r.regionCode)).map((code) => ({ code })),
};
