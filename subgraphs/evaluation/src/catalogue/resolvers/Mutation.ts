import type { MutationResolvers } from '../../__generated__/resolvers-types.ts';
import { createMeasure, retireMeasure, reviseMeasure } from '../writes.ts';

export const catalogueMutations: Pick<MutationResolvers, 'createMeasure' | 'reviseMeasure' | 'retireMeasure'> = {
  createMeasure: (_root, args, ctx) => createMeasure(ctx, args),
  reviseMeasure: (_root, args, ctx) => reviseMeasure(ctx, args),
  retireMeasure: (_root, args, ctx) => retireMeasure(ctx, args),
};
