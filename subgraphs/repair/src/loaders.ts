import { manyByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import DataLoader from 'dataloader';
import { factsOfSubjects, filesOfCases, marksOf, markKey, transitionsOfCases, type Mark } from './reads.ts';
import type { RecordKind } from './rules.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): one batch of statements per request tick,
 * whatever the number of records, subjects or cases on the page.
 */
export function createLoaders(db: Db) {
  return {
    /** The window's marks on records, keyed `<kind>:<id>`. */
    marks: new DataLoader<string, Mark>(async (keys) => {
      const refs = keys.map((k) => {
        const [kind, id] = k.split(':') as [RecordKind, string];
        return { kind, id };
      });
      const marks = await marksOf(db, refs);
      return keys.map((k) => marks.get(k)!);
    }),
    /** The records the window knows of, per subject. */
    factsBySubject: manyByKey(
      (codes: readonly string[]) => factsOfSubjects(db, codes),
      (f) => f.subjectCode,
    ),
    filesByCase: manyByKey(
      (ids: readonly bigint[]) => filesOfCases(db, ids),
      (f) => f.caseId,
    ),
    historyByCase: manyByKey(
      (ids: readonly bigint[]) => transitionsOfCases(db, ids),
      (t) => t.caseId,
    ),
  };
}

export { markKey };
export type Loaders = ReturnType<typeof createLoaders>;
