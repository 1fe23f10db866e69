import { readFileSync } from 'node:fs';
import { badInput, notFound, clock } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type pg from 'pg';
import { parseDefinition, type ModelDefinition } from './definition.ts';
import type { ExplainedItem } from './evaluate.ts';

export type ModelStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';

/** An evaluation model version with its definition validated (the EvaluationModel parent). */
export interface ModelRecord {
  code: string;
  version: number;
  name: string;
  subjectKinds: string[];
  status: ModelStatus;
  definition: ModelDefinition;
  createdAt: Date;
  createdBy: string;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

type Prismaish = Db['prisma'];

const toRecord = (row: Awaited<ReturnType<Prismaish['evaluationModel']['findFirstOrThrow']>>): ModelRecord => ({
  ...row,
  status: row.status as ModelStatus,
  definition: parseDefinition(row.definition),
});

export async function listModels(db: Db, status?: ModelStatus | null): Promise<ModelRecord[]> {
  const rows = await db.prisma.evaluationModel.findMany({
    where: status ? { status } : {},
    orderBy: [{ code: 'asc' }, { version: 'desc' }],
  });
  return rows.map(toRecord);
}

export async function findModel(db: Db, code: string, version: number): Promise<ModelRecord | null> {
  const row = await db.prisma.evaluationModel.findUnique({ where: { code_version: { code, version } } });
  return row ? toRecord(row) : null;
}

const MODEL_CODE = /^[A-Z][A-Z0-9-]{1,39}$/;

export function checkModelCode(code: string, field = 'code'): string {
  if (!MODEL_CODE.test(code))
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be 2–40 capital letters, digits or hyphens, got ${JSON.stringify(code)}`,
    );
  return code;
}

/** A new DRAFT version (the next number for its code). */
export async function createVersion(
  tx: Prismaish,
  input: { code: string; name: string; subjectKinds: string[]; definition: ModelDefinition },
  actor: string,
): Promise<ModelRecord> {
  const last = await tx.evaluationModel.findFirst({ where: { code: input.code }, orderBy: { version: 'desc' } });
  const row = await tx.evaluationModel.create({
    data: {
      code: input.code,
      version: (last?.version ?? 0) + 1,
      name: input.name,
      subjectKinds: input.subjectKinds,
      definition: input.definition as unknown as Prisma.InputJsonValue,
      createdBy: actor,
    },
  });
  return toRecord(row);
}

/**
 * Activates a version. The active versions of the same code, and every active model evaluating one of its
 * kinds, retire: one active model per subject kind at any time.
 */
export async function activateVersion(tx: Prismaish, code: string, version: number): Promise<ModelRecord> {
  const target = await tx.evaluationModel.findUnique({ where: { code_version: { code, version } } });
  if (!target) throw notFound('evaluation model', `${code} v${version}`);
  if (target.status === 'ACTIVE') return toRecord(target);
  const now = clock.now();
  await tx.evaluationModel.updateMany({
    where: {
      status: 'ACTIVE',
      OR: [{ code }, { subjectKinds: { hasSome: target.subjectKinds } }],
    },
    data: { status: 'RETIRED', retiredAt: now },
  });
  const row = await tx.evaluationModel.update({
    where: { code_version: { code, version } },
    data: { status: 'ACTIVE', activatedAt: now, retiredAt: null },
  });
  return toRecord(row);
}

const DEFAULT_MODELS = new URL('../../data/models.json', import.meta.url);

interface ShippedModel {
  code: string;
  version: number;
  name: string;
  subjectKinds: string[];
  definition: unknown;
}

const SYSTEM = 'system:default-models';

/**
 * Installs the shipped default models (data/models.json) idempotently: a version that exists is left alone, and a
 * model whose code is new is installed ACTIVE — retiring the shipped models active for its subject kinds (a new
 * shipped model replaces an older shipped one, e.g. the HUB-* models the former ZJ-* ones) — unless an
 * administrator's own model is active for one of its kinds: then it is installed as a DRAFT, and an
 * administrator's choice is never undone by a restart. Stored evaluations keep naming the version that made them.
 */
export async function ensureEvaluationModels(
  client: pg.Client | pg.PoolClient,
): Promise<{ installed: string[]; drafts: string[] }> {
  const shipped = JSON.parse(readFileSync(DEFAULT_MODELS, 'utf8')) as ShippedModel[];
  const installed: string[] = [];
  const drafts: string[] = [];
  for (const model of shipped) {
    const definition = parseDefinition(model.definition);
    const { rows } = await client.query<{ status: string }>(
      `INSERT INTO evaluation.evaluation_model (code, version, name, subject_kinds, status, definition, created_by, activated_at)
       SELECT $1::text, $2::int, $3::text, $4::text[], s.status::evaluation."EvaluationModelStatus", $5::jsonb, $6::text,
              CASE WHEN s.status = 'ACTIVE' THEN now() END
       FROM (SELECT CASE WHEN EXISTS (
               SELECT 1 FROM evaluation.evaluation_model m
               WHERE m.status = 'ACTIVE' AND m.created_by <> $6::text AND m.subject_kinds && $4::text[])
             THEN 'DRAFT' ELSE 'ACTIVE' END AS status) s
       WHERE NOT EXISTS (SELECT 1 FROM evaluation.evaluation_model WHERE code = $1::text)
       ON CONFLICT (code, version) DO NOTHING
       RETURNING status`,
      [model.code, model.version, model.name, model.subjectKinds, JSON.stringify(definition), SYSTEM],
    );
    if (rows.length === 0) continue;
    if (rows[0]!.status === 'ACTIVE') {
      await client.query(
        `UPDATE evaluation.evaluation_model SET status = 'RETIRED', retired_at = now()
         WHERE status = 'ACTIVE' AND code <> $1::text AND subject_kinds && $2::text[]`,
        [model.code, model.subjectKinds],
      );
      installed.push(`${model.code} v${model.version}`);
    } else drafts.push(`${model.code} v${model.version}`);
  }
  return { installed, drafts };
}

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
  const result = await db.prisma.$queryRaw<{ subject_code: string; evaluated_at: Date }[]>(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS x(
        subject_code text, subject_kind text, region_code text, industry_code text, model_code text,
        model_version int, score int, grade text, grade_label text, supervision_level text,
        supervision_label text, sampling_ratio float8, explanation jsonb, inputs_digest text)
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
    )
    SELECT i.subject_code, COALESCE(up.evaluated_at, s.evaluated_at) AS evaluated_at
    FROM input i
    LEFT JOIN up ON up.subject_code = i.subject_code
    LEFT JOIN evaluation.subject_evaluation s ON s.subject_code = i.subject_code`);
  return new Map(result.map((r) => [r.subject_code, r.evaluated_at]));
}
