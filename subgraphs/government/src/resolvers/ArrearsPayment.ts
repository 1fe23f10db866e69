import type { ArrearsPaymentResolvers } from '../__generated__/resolvers-types.ts';

export const ArrearsPayment: ArrearsPaymentResolvers = {
  id: (p) => p.id.toString(),
  amount: (p) => p.amount.toNumber(),
};
