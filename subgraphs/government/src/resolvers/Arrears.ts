import type { ArrearsResolvers } from '../__generated__/resolvers-types.ts';
import { ARREARS_STATUS_LABELS, daysOverdue, isArrearsOverdue } from '../rules.ts';

export const Arrears: ArrearsResolvers = {
  id: (a) => a.id.toString(),
  debtor: (a) => ({ code: a.debtorCode }),
  creditor: (a) => ({ code: a.creditorCode }),
  amount: (a) => a.amount.toNumber(),
  paidAmount: (a) => a.paidAmount.toNumber(),
  outstandingAmount: (a) => a.amount.minus(a.paidAmount).toNumber(),
  statusLabel: (a) => ARREARS_STATUS_LABELS[a.status],
  daysOverdue: (a, _args, { loaders }) => daysOverdue(a, loaders.today),
  overdue: (a, _args, { loaders }) => isArrearsOverdue(a, loaders.today),
  payments: (a, _args, { loaders }) => loaders.paymentsByArrears.load(a.id.toString()),
};
