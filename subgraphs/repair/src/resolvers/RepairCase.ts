import { clock, toIsoDate } from '@credit-hub/kit';
import type { RepairCaseResolvers } from '../__generated__/resolvers-types.ts';
import { departmentName } from '../reads.ts';
import { isOverdue, missingMaterials, type CaseKind, type CaseState, type FilePurpose } from '../rules.ts';

export const RepairCase: RepairCaseResolvers = {
  id: (c) => String(c.id),
  departmentName: (c) => departmentName(c.department),
  dueOn: (c) => (c.dueOn ? toIsoDate(c.dueOn) : null),
  reapplyFrom: (c) => (c.reapplyFrom ? toIsoDate(c.reapplyFrom) : null),
  overdue: (c) => isOverdue(c.state as CaseState, c.dueOn, clock.today()),
  missingMaterials: async (c, _a, { loaders }) =>
    missingMaterials(
      c.kind as CaseKind,
      c.applicantKind === 'AGENT',
      (await loaders.filesByCase.load(c.id)).map((f) => f.purpose as FilePurpose),
    ),
  files: (c, _a, { loaders }) => loaders.filesByCase.load(c.id),
  history: (c, _a, { loaders }) => loaders.historyByCase.load(c.id),
} as RepairCaseResolvers;
