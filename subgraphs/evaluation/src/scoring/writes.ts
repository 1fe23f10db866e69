import { z } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import { OUTBOX_CHANNEL } from '@credit-hub/kit/events';
import type { ExplainedItem } from './rules.ts';

/** PERSON_KEY_PATTERN of the kit's codes, as a SQL regular expression: a person's evaluation names a personKey. */
const PERSON_KEY_SQL = '^NP[0-9A-F]{20}$';

const storedRows = z.array(z.object({ subject_code: z.string(), evaluated_at: z.date() }));

/** What a creditEvaluation stores: the latest evaluation of one subject. */
export interface StoredEvaluationInput {
  subjectCode: string;
  subjectKind: string;
  regionCode: string;
  industryCode: string | null;
  modelCode: string;
  modelVersion: number;
  score: number;
  grade: string;
  gradeLabel: string;
  supervisionLevel: string;
  supervisionLabel: string;
  samplingRatio: number;
  explanation: ExplainedItem[];
  inputsDigest: string;
}

/**
 * Upserts a batch of evaluations in ONE statement and returns each subject's evaluatedAt. A row is
 * rewritten only when its inputs digest or model changed, so evaluatedAt says since when the result holds.
 * The final SELECT reads the table as it was before the statement (one snapshot), hence the COALESCE: a
 * rewritten row's new time, else the unchanged row's stored one.
 */
export async function storeEvaluations(db: Db, rows: readonly StoredEvaluationInput[]): Promise<Map<string, Date>> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      subject_code: r.subjectCode,
      subject_kind: r.subjectKind,
      region_code: r.regionCode,
      industry_code: r.industryCode,
      model_code: r.modelCode,
      model_version: r.modelVersion,
      score: r.score,
      grade: r.grade,
      grade_label: r.gradeLabel,
      supervision_level: r.supervisionLevel,
      supervision_label: r.supervisionLabel,
      sampling_ratio: r.samplingRatio,
      explanation: r.explanation,
      inputs_digest: r.inputsDigest,
    })),
  );
  const result = await db.prisma.$queryRaw<unknown[]>(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS x(
        subject_code text, subject_kind text, region_code text, industry_code text, model_code text,
        model_version int, score int, grade text, grade_label text, supervision_level text,
        supervision_label text, sampling_ratio float8, explanation jsonb, inputs_digest text)
    ), previous AS (
      SELECT e.subject_code, e.grade FROM evaluation.subject_evaluation e JOIN input USING (subject_code)
    ), up AS (
      INSERT INTO evaluation.subject_evaluation AS e (subject_code, subject_kind, region_code, industry_code,
        model_code, model_version, score, grade, grade_label, supervision_level, supervision_label,
        sampling_ratio, explanation, inputs_digest, evaluated_at)
      SELECT subject_code, subject_kind, region_code, industry_code, model_code, model_version, score, grade,
        grade_label, supervision_level, supervision_label, sampling_ratio, explanation, inputs_digest, now()
      FROM input
      ON CONFLICT (subject_code) DO UPDATE SET
        subject_kind = EXCLUDED.subject_kind, region_code = EXCLUDED.region_code,
        industry_code = EXCLUDED.industry_code, model_code = EXCLUDED.model_code,
        model_version = EXCLUDED.model_version, score = EXCLUDED.score, grade = EXCLUDED.grade,
        grade_label = EXCLUDED.grade_label, supervision_level = EXCLUDED.supervision_level,
        supervision_label = EXCLUDED.supervision_label, sampling_ratio = EXCLUDED.sampling_ratio,
        explanation = EXCLUDED.explanation, inputs_digest = EXCLUDED.inputs_digest,
        evaluated_at = EXCLUDED.evaluated_at
      WHERE e.inputs_digest <> EXCLUDED.inputs_digest OR e.model_code <> EXCLUDED.model_code
        OR e.model_version <> EXCLUDED.model_version
      RETURNING e.subject_code, e.evaluated_at
    ), ev AS (
      -- evaluation.grade.changed (docs/events.md) in the same statement: a grade that differs from the stored one,
      -- and a subject's first grade (previousGrade null) — the metrics' grade distribution is a stock of subjects
      -- per grade, so the first grade is the +1 that a later change's -1 takes back (ADR 0131).
      INSERT INTO evaluation.outbox (id, type, version, subject_code, person_key, department, occurred_at, payload)
      SELECT gen_random_uuid(), 'evaluation.grade.changed', 1,
             CASE WHEN i.subject_code ~ ${PERSON_KEY_SQL} THEN NULL ELSE i.subject_code END,
             CASE WHEN i.subject_code ~ ${PERSON_KEY_SQL} THEN i.subject_code END,
             'platform', up.evaluated_at,
             jsonb_build_object('modelCode', i.model_code, 'modelVersion', i.model_version, 'grade', i.grade,
                                'previousGrade', p.grade, 'score', i.score)
      FROM up JOIN input i USING (subject_code) LEFT JOIN previous p USING (subject_code)
      WHERE p.grade IS DISTINCT FROM i.grade
      RETURNING 1
    ), announced AS (
      SELECT count(*) AS n FROM (SELECT pg_notify(${OUTBOX_CHANNEL}, 'evaluation') FROM (SELECT 1 FROM ev LIMIT 1) one) x
    )
    SELECT i.subject_code, COALESCE(up.evaluated_at, s.evaluated_at) AS evaluated_at
    FROM announced, input i
    LEFT JOIN up ON up.subject_code = i.subject_code
    LEFT JOIN evaluation.subject_evaluation s ON s.subject_code = i.subject_code`);
  return new Map(storedRows.parse(result).map((r) => [r.subject_code, r.evaluated_at]));
}
