import type { TaxResponsiblePersonResolvers } from '../__generated__/resolvers-types.ts';
import { RESPONSIBLE_ROLE_LABELS } from '../rules.ts';

// The person's name and ID number are masked by @personal in schema.graphql.
export const TaxResponsiblePerson: TaxResponsiblePersonResolvers = {
  roleLabel: (p) => RESPONSIBLE_ROLE_LABELS[p.role],
};
