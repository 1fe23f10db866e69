import { z } from '@credit-hub/kit';
import type { QuarantineEntryResolvers } from '../__generated__/resolvers-types.ts';

/** The reasons are stored as jsonb: read back through the same shape validation wrote. */
const reasons = z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() }));

export const QuarantineEntry: QuarantineEntryResolvers = {
  id: (q) => q.id.toString(),
  original: (q) => JSON.stringify(q.original),
  reasons: (q) => reasons.parse(q.reasons),
  recordId: (q) => q.recordId?.toString() ?? null,
};
