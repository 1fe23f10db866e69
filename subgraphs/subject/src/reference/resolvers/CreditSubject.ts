import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import { reference } from '../reads.ts';
import { describeRegion, industryOf } from '../rules.ts';

/** A subject's region and industry, named from the reference data held per process (no statement per subject). */
export const referenceFields: Pick<CreditSubjectResolvers, 'region' | 'industry'> = {
  region: async (s, _args, { db }) => describeRegion(await reference(db), s.regionCode),
  industry: async (s, _args, { db }) => industryOf(await reference(db), s.industryCode),
};
