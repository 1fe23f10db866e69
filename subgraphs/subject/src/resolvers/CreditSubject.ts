import { toIsoDate } from '@credit-hub/kit';
import { SUBJECT_KIND_LABELS } from '@credit-hub/kit/codes';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { describeRegion, reference } from '../reference.ts';

export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.subject.load(ref.code),
  // name and legalRepresentative are masked by the @personal declarations in schema.graphql.
  kindLabel: (s) => SUBJECT_KIND_LABELS[s.kind],
  region: async (s, _args, { db }) => describeRegion(await reference(db), s.regionCode),
  industry: async (s, _args, { db }) =>
    s.industryCode ? ((await reference(db)).industries.get(s.industryCode) ?? null) : null,
  establishedOn: (s) => toIsoDate(s.establishedOn),
};
