import type { QueryResolvers } from '../../__generated__/resolvers-types.ts';
import { measureVersions } from '../reads.ts';
import { CREDIT_LISTS, LIST_INFO } from '../rules.ts';

export const catalogueQueries: Pick<QueryResolvers, 'measures' | 'measure' | 'measureHistory' | 'creditLists'> = {
  measures: async (_root, { list, matter, kind, includeRetired }, { loaders }) =>
    (await loaders.catalogue()).filter(
      (m) =>
        (includeRetired || m.status === 'ACTIVE') &&
        (!list || m.lists.includes(list)) &&
        (!matter || m.matters.includes(matter)) &&
        (!kind || m.kind === kind),
    ),
  measure: async (_root, { code }, { loaders }) =>
    (await loaders.catalogue()).find((m) => m.code === code.trim().toUpperCase()) ?? null,
  measureHistory: (_root, { code }, { db }) => measureVersions(db.prisma, code.trim().toUpperCase()),
  creditLists: () => CREDIT_LISTS.map((l) => LIST_INFO[l]),
};
