import { regionPrefix, requiredFieldsUnavailable } from '@credit-hub/kit';
import type { RegionIntegrityResolvers } from '../__generated__/resolvers-types.ts';

export const RegionIntegrity: RegionIntegrityResolvers = {
  // The representation carries the counts the subject register and the courts contributed (@requires).
  __resolveReference: (ref) => {
    regionPrefix(ref.regionCode);
    return ref;
  },
  dishonestDebtorRatio: (r) => {
    const bodies = r.governmentBodyCount;
    const dishonest = r.dishonestGovernmentBodyCount;
    if (typeof bodies !== 'number' || typeof dishonest !== 'number') {
      throw requiredFieldsUnavailable(
        `政府失信被执行人占比 of ${r.regionCode} needs governmentBodyCount (subject register) and ` +
          'dishonestGovernmentBodyCount (courts), which the gateway passes in the representation',
        r.regionCode,
        { departments: ['subject', 'court'], inputs: ['governmentBodyCount', 'dishonestGovernmentBodyCount'] },
      );
    }
    return bodies === 0 ? 0 : dishonest / bodies;
  },
  outstandingArrears: async (r, _args, { loaders }) =>
    (await loaders.regionArrears.load(r.regionCode)).outstanding.toNumber(),
  arrearsCount: async (r, _args, { loaders }) => (await loaders.regionArrears.load(r.regionCode)).count,
  bodiesWithOutstandingArrears: async (r, _args, { loaders, audit }) => {
    const { bodies } = await loaders.regionArrears.load(r.regionCode);
    // Which bodies owe is arrears data (SHARED elsewhere): releasing it leaves a trail per body.
    for (const body of bodies) audit.record('READ', body.code, 'RegionIntegrity.bodiesWithOutstandingArrears');
    return bodies.map((b) => ({ code: b.code }));
  },
};
