import { toIsoDate } from '@credit-hub/kit';
import { maskPersonName, SUBJECT_KIND_LABELS } from '@credit-hub/kit/codes';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import type { RegionRow } from '../model.ts';

export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.subject.load(ref.code),
  // Until roles exist every caller is the public: personal names are always masked.
  name: (s) => (s.kind === 'NATURAL_PERSON' ? maskPersonName(s.name) : s.name),
  kindLabel: (s) => SUBJECT_KIND_LABELS[s.kind],
  legalRepresentative: (s) => (s.legalRepresentative ? maskPersonName(s.legalRepresentative) : null),
  region: async (s, _args, { loaders }) => {
    // Parent codes follow from the code itself, so the whole chain loads in one batch.
    const chain = [...new Set([`${s.regionCode.slice(0, 2)}0000`, `${s.regionCode.slice(0, 4)}00`, s.regionCode])];
    const rows = (await loaders.region.loadMany(chain)).filter(
      (r): r is RegionRow => r !== null && !(r instanceof Error),
    );
    const own = rows.find((r) => r.code === s.regionCode) ?? null;
    return {
      code: s.regionCode,
      name: own?.name ?? '未知行政区划',
      fullName: own ? rows.map((r) => r.name).join('') : `行政区划 ${s.regionCode}`,
      level: own?.level ?? null,
    };
  },
  industry: (s, _args, { loaders }) => (s.industryCode ? loaders.industry.load(s.industryCode) : null),
  establishedOn: (s) => toIsoDate(s.establishedOn),
};
