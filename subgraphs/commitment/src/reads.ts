import { rowsByKeys, type CreditCommitment, type Db } from '@credit-hub/kit/db';
import { byNewest } from './rules.ts';

const COMMITMENTS = { model: 'CreditCommitment', schema: 'commitment' } as const;

/** Every commitment of many subjects in one statement (the loader's batch), newest first. */
export async function commitmentsOfSubjects(db: Db, codes: readonly string[]): Promise<CreditCommitment[]> {
  const rows = await rowsByKeys<CreditCommitment>(db, COMMITMENTS, 'subjectCode', codes, [
    ['madeOn', 'desc'],
    ['id', 'desc'],
  ]);
  return rows.sort(byNewest);
}

/** Commitments by id in one statement. */
export function commitmentsById(db: Db, ids: readonly string[]): Promise<CreditCommitment[]> {
  return db.prisma.creditCommitment.findMany({ where: { id: { in: [...ids] } } });
}
