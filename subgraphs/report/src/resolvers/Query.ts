import { publicKeyPem } from '../keys/rules.ts';
import { reportCounts } from '../reads.ts';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { verifyReport } from '../verification/reads.ts';
import { issuePublicReport, issueSpecialReport } from '../writes.ts';

export const Query: QueryResolvers = {
  publicCreditReport: (_root, args, ctx) => issuePublicReport(ctx, args),
  specialCreditReport: (_root, args, ctx) => issueSpecialReport(ctx, args),
  verifyReport: (_root, args, ctx) => verifyReport(ctx, args),
  reportSigningKeys: (_root, _args, { config }) =>
    [...config.keys.publicKeys.entries()].map(([keyId, key]) => ({
      keyId,
      publicKeyPem: publicKeyPem(key),
      current: keyId === config.keys.current.keyId,
    })),
  reportStatistics: (_root, args, { db }) => reportCounts(db, args),
};
