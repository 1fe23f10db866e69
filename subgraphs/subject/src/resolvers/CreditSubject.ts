import { toIsoDate } from '@credit-hub/kit';
import { SUBJECT_KIND_LABELS } from '@credit-hub/kit/codes';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { referenceFields } from '../reference/resolvers/CreditSubject.ts';

export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.subject.load(ref.code),
  // name and legalRepresentative are masked by the @personal declarations in schema.graphql.
  kindLabel: (s) => SUBJECT_KIND_LABELS[s.kind],
  establishedOn: (s) => toIsoDate(s.establishedOn),
  ...referenceFields,
};
