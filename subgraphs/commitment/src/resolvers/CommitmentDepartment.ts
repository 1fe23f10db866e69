import { DEPARTMENTS } from '@credit-hub/kit';
import type { CommitmentDepartmentResolvers } from '../__generated__/resolvers-types.ts';

export const CommitmentDepartment: CommitmentDepartmentResolvers = {
  label: (d) => (DEPARTMENTS as Record<string, string>)[d.code] ?? d.code,
};
