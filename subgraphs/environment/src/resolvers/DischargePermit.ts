import type { DischargePermitResolvers } from '../__generated__/resolvers-types.ts';
import { PERMIT_STATUS_LABELS, permitStatus } from '../rules.ts';

export const DischargePermit: DischargePermitResolvers = {
  id: (p) => p.id.toString(),
  subject: (p) => ({ code: p.subjectCode }),
  status: (p, _args, { loaders }) => permitStatus(p, loaders.today),
  statusLabel: (p, _args, { loaders }) => PERMIT_STATUS_LABELS[permitStatus(p, loaders.today)],
};
