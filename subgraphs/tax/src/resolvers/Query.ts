import { badInput } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { listRatings, listViolations } from '../lists.ts';

function checkYear(year: number | null | undefined, field = 'year') {
  if (year !== null && year !== undefined && (year < 1990 || year > 2100)) {
    throw badInput(field, 'RANGE', `\`${field}\` must be a year between 1990 and 2100, got ${year}`);
  }
}

export const Query: QueryResolvers = {
  taxCreditRatings: (_root, args, { db }) => {
    checkYear(args.year);
    return listRatings(db, args);
  },
  aLevelTaxpayers: (_root, args, { db }) => {
    checkYear(args.year);
    return listRatings(db, { ...args, level: 'A' });
  },
  majorTaxViolations: (_root, args, { db }) => {
    checkYear(args.year);
    return listViolations(db, args);
  },
  majorTaxViolation: (_root, { id }, { loaders }) => {
    if (!/^\d{1,18}$/.test(id))
      throw badInput('id', 'FORMAT', `\`id\` must be a numeric entry id, got ${JSON.stringify(id)}`);
    return loaders.violation.load(BigInt(id));
  },
};
