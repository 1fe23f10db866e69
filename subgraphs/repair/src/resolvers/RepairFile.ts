import type { RepairFileResolvers } from '../__generated__/resolvers-types.ts';

export const RepairFile: RepairFileResolvers = {
  id: (f) => String(f.id),
  uploadedAt: (f) => f.createdAt,
};
