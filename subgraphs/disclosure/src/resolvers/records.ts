import { clock, toIsoDate } from '@credit-hub/kit';
import type {
  AdministrativeLicenceResolvers,
  AdministrativePenaltyResolvers,
  AuthorityResolvers,
  HighFrequencyOffenderResolvers,
  QuarantineEntryResolvers,
  RevisionResolvers,
  SubmissionResolvers,
} from '../__generated__/resolvers-types.ts';
import { LONG_TERM } from '../intake/columns.ts';
import {
  describePublicity,
  isLicencePublic,
  isPenaltyPublished,
  repairAllowedFrom,
  sectorLabel,
  TIER_LABELS,
} from '../publicity.ts';
import type { PenaltyRow } from '../mappers.ts';

const today = () => toIsoDate(clock.today())!;

/** A penalty as the publicity rules read it. */
export const publicityOf = (p: PenaltyRow) => ({
  decidedOn: toIsoDate(p.decidedOn)!,
  tier: p.tier,
  sector: p.sector,
  publicityEndsOn: toIsoDate(p.publicityEndsOn),
  repairedOn: toIsoDate(p.repairedOn),
});
const amount = (v: { toString(): string } | null) => (v === null ? null : v.toString());

export const AdministrativePenalty: AdministrativePenaltyResolvers = {
  id: (p) => p.id.toString(),
  subject: (p) => ({ code: p.subjectCode }),
  fineAmount: (p) => amount(p.fineAmount),
  confiscatedAmount: (p) => amount(p.confiscatedAmount),
  tierLabel: (p) => TIER_LABELS[p.tier],
  sector: (p) => p.sector as 'FOOD' | 'DRUG' | 'SPECIAL_EQUIPMENT' | 'WORK_SAFETY' | 'FIRE' | null,
  sectorLabel: (p) => sectorLabel(p.sector),
  publicityBasis: (p) => describePublicity(publicityOf(p)),
  // Stored at intake; a row not yet recomputed under the current rules (before the start-up refresh) is derived here.
  repairableFrom: (p) => p.repairableFrom ?? new Date(`${repairAllowedFrom(publicityOf(p))}T00:00:00Z`),
  isPublished: (p) => isPenaltyPublished(publicityOf(p), today()),
  revisions: (p, _args, ctx) => ctx.loaders.penaltyRevisions.load(p.id.toString()),
};

export const AdministrativeLicence: AdministrativeLicenceResolvers = {
  id: (l) => l.id.toString(),
  subject: (l) => ({ code: l.subjectCode }),
  isLongTerm: (l) => toIsoDate(l.validUntil) === LONG_TERM,
  isPublic: (l) => isLicencePublic({ status: l.status, validUntil: toIsoDate(l.validUntil)! }, today()),
  revisions: (l, _args, ctx) => ctx.loaders.licenceRevisions.load(l.id.toString()),
};

export const Revision: RevisionResolvers = {
  id: (r) => r.id.toString(),
};

export const QuarantineEntry: QuarantineEntryResolvers = {
  id: (q) => q.id.toString(),
  original: (q) => JSON.stringify(q.original),
  reasons: (q) => q.reasons as { field: string; rule: string; message: string }[],
  recordId: (q) => q.recordId?.toString() ?? null,
};

export const Submission: SubmissionResolvers = {
  reconciled: (s) => s.received === s.accepted + s.updated + s.quarantined,
};

export const Authority: AuthorityResolvers = {};

export const HighFrequencyOffender: HighFrequencyOffenderResolvers = {
  subject: (o) => ({ code: o.subjectCode }),
};
