import { toIsoDate } from '@credit-hub/kit';
import { maskPersonName, SUBJECT_KIND_LABELS } from '@credit-hub/kit/codes';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { describeRegion, reference } from '../reference.ts';

export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.subject.load(ref.code),
  // Until roles exist every caller is the public: personal names are always masked.
  name: (s) => (s.kind === 'NATURAL_PERSON' ? maskPersonName(s.name) : s.name),
  kindLabel: (s) => SUBJECT_KIND_LABELS[s.kind],
  legalRepresentative: (s) => (s.legalRepresentative ? maskPersonName(s.legalRepresentative) : null),
  region: async (s, _args, { db }) => describeRegion(await reference(db), s.regionCode),
  industry: async (s, _args, { db }) =>
    s.industryCode ? ((await reference(db)).industries.get(s.industryCode) ?? null) : null,
  establishedOn: (s) => toIsoDate(s.establishedOn),
};
