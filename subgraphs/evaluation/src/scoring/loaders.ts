import DataLoader from 'dataloader';
import type { Db } from '@credit-hub/kit/db';
import type { ModelRecord } from '../models/mappers.ts';
import { listModels } from '../models/reads.ts';
import type { PublicGrade } from './mappers.ts';
import { storedGrades } from './reads.ts';
import { storeEvaluations, type StoredEvaluationInput } from './writes.ts';

/**
 * Per-request loaders of the evaluation part: the active models are read once per request (so an activation
 * takes effect at the next request, in every process), and the request's evaluations are stored in one
 * statement per batch — the SQL count of a page of subjects does not depend on its size.
 */
export function scoringLoaders(db: Db) {
  let active: Promise<ModelRecord[]> | null = null;
  return {
    activeModels: () => (active ??= listModels(db, 'ACTIVE')),
    storedGrade: new DataLoader<string, PublicGrade | null>(async (codes) => {
      const grades = await storedGrades(db, codes);
      return codes.map((code) => grades.get(code) ?? null);
    }),
    storeEvaluation: new DataLoader<StoredEvaluationInput, Date, string>(
      async (rows) => {
        const stored = await storeEvaluations(db, rows);
        return rows.map((r) => stored.get(r.subjectCode) ?? new Error(`evaluation of ${r.subjectCode} not stored`));
      },
      { cacheKeyFn: (r) => r.subjectCode },
    ),
  };
}
