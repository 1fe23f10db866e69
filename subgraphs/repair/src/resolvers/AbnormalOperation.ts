import type { AbnormalOperationResolvers } from '../__generated__/resolvers-types.ts';
import { recordEntity } from './RecordMark.ts';

/** The record, as the window sees it: its marks (RecordMark.ts). */
export const AbnormalOperation = recordEntity('ABNORMAL_OPERATION') satisfies AbnormalOperationResolvers;
