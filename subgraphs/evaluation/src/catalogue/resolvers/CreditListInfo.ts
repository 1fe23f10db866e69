import { DEPARTMENTS } from '@credit-hub/kit';
import type { CreditListInfoResolvers } from '../../__generated__/resolvers-types.ts';
import { LIST_TYPE_LABELS } from '../rules.ts';

const departmentLabel = (code: string) => DEPARTMENTS[code as keyof typeof DEPARTMENTS] ?? code;

export const CreditListInfo: CreditListInfoResolvers = {
  typeLabel: (l) => LIST_TYPE_LABELS[l.type],
  departmentLabel: (l) => departmentLabel(l.department),
};
