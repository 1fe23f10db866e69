import type { RepairTransitionResolvers } from '../__generated__/resolvers-types.ts';

/** Officers' names are not shown: the transition says which side acted (the audit trail keeps who). */
export const RepairTransition: RepairTransitionResolvers = {
  from: (t) => t.fromState as never,
  to: (t) => t.toState as never,
  by: (t) =>
    t.role === 'ENTERPRISE'
      ? 'APPLICANT'
      : t.role === 'SYSTEM' && !t.department
        ? 'SYSTEM'
        : t.department === 'platform'
          ? 'PLATFORM'
          : 'DEPARTMENT',
};
