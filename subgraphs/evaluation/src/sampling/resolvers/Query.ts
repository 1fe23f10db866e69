import { isString, readPage, toConnection } from '@credit-hub/kit';
import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { findDraw, listDraws } from '../reads.ts';

export const samplingQueries: Pick<QueryResolvers, 'inspectionSample' | 'inspectionSamples'> = {
  inspectionSample: (_p, args, { db }) => findDraw(db, args.id),
  inspectionSamples: async (_p, args, { db }) => {
    const page = readPage(args, isString);
    const rows = await listDraws(db, args.regionCode, page);
    return toConnection(rows, page, (r) => String(r.id));
  },
};
