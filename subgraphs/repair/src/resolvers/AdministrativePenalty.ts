import type { AdministrativePenaltyResolvers } from '../__generated__/resolvers-types.ts';
import { recordEntity } from './RecordMark.ts';

/** The record, as the window sees it: its marks (RecordMark.ts). */
export const AdministrativePenalty = recordEntity('ADMINISTRATIVE_PENALTY') satisfies AdministrativePenaltyResolvers;
