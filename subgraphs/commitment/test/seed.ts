import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';

type CommitmentColumns = Prisma.CreditCommitmentCreateManyInput;

/** What a test states about a commitment: its subject and the day it was made (YYYY-MM-DD), and any column it cares about. */
export type CommitmentSeed = Pick<CommitmentColumns, 'subjectCode'> &
  Partial<Omit<CommitmentColumns, 'madeOn' | 'termEndsOn'>> & { made: string; termEnds?: string };

/** The commitment subgraph's rows as a department records them, on the kit's seed (subjects, codes). */
export function commitmentSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    commitment: seed.rows('CreditCommitment', ({ made, termEnds, ...given }: CommitmentSeed): CommitmentColumns => ({
      id: randomUUID(),
      kind: 'APPROVAL_NOTIFICATION',
      matter: '食品经营许可',
      content: '本单位承诺所提交材料真实有效，并在许可后三个月内补齐场所证明。',
      checkingDepartment: 'market',
      recordedByDepartment: 'market',
      recordedBy: 'seed',
      ...given,
      madeOn: new Date(made),
      termEndsOn: new Date(termEnds ?? made),
    })),
  };
}
