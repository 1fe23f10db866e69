import { z } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { PublicGrade } from './mappers.ts';

const gradeRows = z.array(
  z.object({ subjectCode: z.string(), grade: z.string(), gradeLabel: z.string(), evaluatedAt: z.date() }),
);

/**
 * The public grade of each stored evaluation of `codes` (creditGrade's loader batch): one statement for a page of
 * subjects. Only the columns the public may see are selected.
 */
export async function storedGrades(db: Db, codes: readonly string[]): Promise<Map<string, PublicGrade>> {
  const rows = gradeRows.parse(
    await db.prisma.subjectEvaluation.findMany({
      where: { subjectCode: { in: [...codes] } },
      select: { subjectCode: true, grade: true, gradeLabel: true, evaluatedAt: true },
    }),
  );
  return new Map(
    rows.map((r) => [r.subjectCode, { grade: r.grade, gradeLabel: r.gradeLabel, evaluatedAt: r.evaluatedAt }]),
  );
}
