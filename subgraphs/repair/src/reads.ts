import { rowsByKeys, type Db, type RepairRecord } from '@credit-hub/kit/db';
import { byNewestDecision } from './rules.ts';

const RECORDS = { model: 'RepairRecord', schema: 'repair' } as const;

/** The records of many subjects in one statement (the loader's batch), newest decision first. */
export async function recordsOfSubjects(db: Db, codes: readonly string[]): Promise<RepairRecord[]> {
  const rows = await rowsByKeys<RepairRecord>(db, RECORDS, 'subjectCode', codes, [
    ['decidedOn', 'desc'],
    ['id', 'desc'],
  ]);
  return rows.sort(byNewestDecision);
}
