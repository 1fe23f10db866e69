import { clock, toIsoDate } from '@credit-hub/kit';
import type { AdministrativeLicenceResolvers } from '../__generated__/resolvers-types.ts';
import { LONG_TERM } from '../format/rules.ts';
import { isStoredLicencePublic } from '../rules.ts';

export const AdministrativeLicence: AdministrativeLicenceResolvers = {
  id: (l) => l.id.toString(),
  subject: (l) => ({ code: l.subjectCode }),
  isLongTerm: (l) => toIsoDate(l.validUntil) === LONG_TERM,
  // "Today" from the kit's one clock, China time: tests move it (fixClock) across validUntil.
  isPublic: (l) => isStoredLicencePublic(l, toIsoDate(clock.today())!),
  revisions: (l, _args, ctx) => ctx.loaders.licenceRevisions.load(l.id.toString()),
};
