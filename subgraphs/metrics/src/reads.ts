import { rowsByKeys, type Db, type MetricsRecord } from '@credit-hub/kit/db';
import { byNewestDecision } from './rules.ts';

const RECORDS = { model: 'MetricsRecord', schema: 'metrics' } as const;

/** The records of many subjects in one statement (the loader's batch), newest decision first. */
export async function recordsOfSubjects(db: Db, codes: readonly string[]): Promise<MetricsRecord[]> {
  const rows = await rowsByKeys<MetricsRecord>(db, RECORDS, 'subjectCode', codes, [
    ['decidedOn', 'desc'],
    ['id', 'desc'],
  ]);
  return rows.sort(byNewestDecision);
}
