import { clock, requireLevel, toIsoDate } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import type { LicenceRow, PenaltyRow } from '../mappers.ts';
import {
  HIGH_FREQUENCY_THRESHOLD,
  highFrequencySince,
  isPenaltyPublished,
  isStoredLicencePublic,
  penaltyFacts,
} from '../rules.ts';

// Every read answers "as of today" in China time, from the one clock and the rule functions of rules.ts.
const today = () => toIsoDate(clock.today())!;
const published = (p: PenaltyRow, on: string) => isPenaltyPublished(penaltyFacts(p), on);
const licencePublic = (l: LicenceRow, on: string) => isStoredLicencePublic(l, on);

// Every field reads the subject's records through the per-request loaders: one statement per table for a
// whole page of subjects, and the counts use the same publicity rule as the lists.
export const CreditSubject: CreditSubjectResolvers = {
  __resolveReference: (ref) => ({ code: ref.code }),
  administrativePenalties: async (subject, args, ctx) => {
    const rows = await ctx.loaders.penaltiesBySubject.load(subject.code);
    if (args.includeExpired) {
      requireLevel(ctx, 'SHARED', 'CreditSubject.administrativePenalties(includeExpired: true)');
      ctx.audit.record('READ', subject.code, 'CreditSubject.administrativePenalties(includeExpired: true)');
      return rows;
    }
    const on = today();
    return rows.filter((p) => published(p, on));
  },
  administrativeLicences: async (subject, args, ctx) => {
    const rows = await ctx.loaders.licencesBySubject.load(subject.code);
    if (args.includeExpired) {
      requireLevel(ctx, 'SHARED', 'CreditSubject.administrativeLicences(includeExpired: true)');
      ctx.audit.record('READ', subject.code, 'CreditSubject.administrativeLicences(includeExpired: true)');
      return rows;
    }
    const on = today();
    return rows.filter((l) => licencePublic(l, on));
  },
  validLicenceCount: async (subject, _args, ctx) => {
    const on = today();
    return (await ctx.loaders.licencesBySubject.load(subject.code)).filter((l) => licencePublic(l, on)).length;
  },
  publishedPenaltyCount: async (subject, _args, ctx) => {
    const on = today();
    return (await ctx.loaders.penaltiesBySubject.load(subject.code)).filter((p) => published(p, on)).length;
  },
  severePenaltyCount: async (subject, _args, ctx) => {
    const on = today();
    return (await ctx.loaders.penaltiesBySubject.load(subject.code)).filter(
      (p) => p.tier === 'SEVERE' && published(p, on),
    ).length;
  },
  isHighFrequencyOffender: async (subject, _args, ctx) => {
    const on = today();
    const since = highFrequencySince(on);
    const recent = (await ctx.loaders.penaltiesBySubject.load(subject.code)).filter(
      (p) => toIsoDate(p.decidedOn)! > since && published(p, on),
    );
    return recent.length >= HIGH_FREQUENCY_THRESHOLD;
  },
};
