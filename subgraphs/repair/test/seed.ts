import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';

type RecordColumns = Prisma.RepairRecordCreateManyInput;

/** What a test states about a record: its subject and decision day (YYYY-MM-DD), and any column it cares about. */
export type RecordSeed = Pick<RecordColumns, 'subjectCode'> &
  Partial<Omit<RecordColumns, 'decidedOn'>> & {
    decided: string;
  };

/** The repair subgraph's rows as the department writes them, on the kit's seed (subjects, codes). */
export function repairSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    record: seed.rows('RepairRecord', ({ decided, ...given }: RecordSeed): RecordColumns => ({
      title: '测试记录',
      ...given,
      decidedOn: new Date(decided),
    })),
  };
}
