import { clock, toIsoDate, z } from '@credit-hub/kit';
import type { AdministrativePenaltyResolvers } from '../__generated__/resolvers-types.ts';
import {
  describePublicity,
  isPenaltyPublished,
  penaltyFacts,
  repairAllowedFrom,
  sectorLabel,
  TIER_LABELS,
} from '../rules.ts';

const today = () => toIsoDate(clock.today())!;
// The sector is stored as text (the rules' data names it); the schema's enum lists the sectors of 令第58号.
const publicitySector = z.enum(['FOOD', 'DRUG', 'SPECIAL_EQUIPMENT', 'WORK_SAFETY', 'FIRE']).nullable();
const amount = (v: { toString(): string } | null) => (v === null ? null : v.toString());

export const AdministrativePenalty: AdministrativePenaltyResolvers = {
  id: (p) => p.id.toString(),
  subject: (p) => ({ code: p.subjectCode }),
  fineAmount: (p) => amount(p.fineAmount),
  confiscatedAmount: (p) => amount(p.confiscatedAmount),
  tierLabel: (p) => TIER_LABELS[p.tier],
  sector: (p) => publicitySector.parse(p.sector),
  sectorLabel: (p) => sectorLabel(p.sector),
  publicityBasis: (p) => describePublicity(penaltyFacts(p)),
  // Stored at intake; a row not yet recomputed under the current rules (before the start-up refresh) is derived here.
  repairableFrom: (p) => p.repairableFrom ?? new Date(`${repairAllowedFrom(penaltyFacts(p))}T00:00:00Z`),
  isPublished: (p) => isPenaltyPublished(penaltyFacts(p), today()),
  revisions: (p, _args, ctx) => ctx.loaders.penaltyRevisions.load(p.id.toString()),
};
