import type { EvaluationGradeBandResolvers } from '../../__generated__/resolvers-types.ts';

// Every field is the band's own (the mapper is the definition's band): the defaults resolve them.
export const EvaluationGradeBand: EvaluationGradeBandResolvers = {};
