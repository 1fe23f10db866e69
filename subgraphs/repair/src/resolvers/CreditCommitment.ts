import type { CreditCommitmentResolvers } from '../__generated__/resolvers-types.ts';
import { recordEntity } from './RecordMark.ts';

/** A broken commitment, as the window sees it: its marks (RecordMark.ts). */
export const CreditCommitment = recordEntity('COMMITMENT_BREACH') satisfies CreditCommitmentResolvers;
