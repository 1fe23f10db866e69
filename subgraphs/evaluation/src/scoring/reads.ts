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

const factRows = z.array(
  z.object({
    subjectCode: z.string(),
    commitmentId: z.string(),
    outcome: z.enum(['KEPT', 'BROKEN']),
    matter: z.string(),
    checkedOn: z.date(),
    publicityEndsOn: z.date().nullable(),
  }),
);

/**
 * The 践诺 outcomes of `codes` the evaluation holds (its own table, filled by the consumer of the commitment
 * events): one statement for a page of subjects.
 */
export async function commitmentFactsOf(db: Db, codes: readonly string[]) {
  return factRows.parse(
    await db.prisma.commitmentFact.findMany({
      where: { subjectCode: { in: [...codes] } },
      select: {
        subjectCode: true,
        commitmentId: true,
        outcome: true,
        matter: true,
        checkedOn: true,
        publicityEndsOn: true,
      },
      orderBy: [{ checkedOn: 'desc' }, { commitmentId: 'asc' }],
    }),
  );
}
