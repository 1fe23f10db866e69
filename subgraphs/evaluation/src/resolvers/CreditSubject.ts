import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';

const FLAGS = [
  'isDishonestDebtor',
  'isConsumptionRestricted',
  'isMajorTaxViolator',
  'isALevelTaxpayer',
  'isInAbnormalOperationList',
  'isSeriousIllegal',
  'isEnvironmentalIntegrityEnterprise',
  'isOnEnvironmentalBlacklist',
  'isHighFrequencyOffender',
] as const;

// Placeholder until the evaluation lands: echoes the departments' flags it received through @requires.
export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref) => ref,
  listFlags: (subject) => FLAGS.filter((f) => (subject as unknown as Record<string, unknown>)[f] === true),
};
