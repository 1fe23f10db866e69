import type { MajorTaxViolationResolvers } from '../__generated__/resolvers-types.ts';
import { recordEntity } from './RecordMark.ts';

/** The record, as the window sees it: its marks (RecordMark.ts). */
export const MajorTaxViolation = recordEntity('MAJOR_TAX_VIOLATION') satisfies MajorTaxViolationResolvers;
