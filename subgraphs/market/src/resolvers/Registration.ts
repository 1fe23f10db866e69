import type { RegistrationResolvers } from '../__generated__/resolvers-types.ts';
import { REGISTRATION_STATUS_LABELS } from '../rules.ts';

export const Registration: RegistrationResolvers = {
  subject: (r) => ({ code: r.subjectCode }),
  // The legal representative's name is masked by @personal in schema.graphql.
  registeredCapital: (r) => (r.registeredCapital === null ? null : r.registeredCapital.toNumber()),
  statusLabel: (r) => REGISTRATION_STATUS_LABELS[r.status],
};
