import { readFileSync } from 'node:fs';
import { badInput, clock, notFound, type SubgraphContext } from '@credit-hub/kit';
import type { Db, Prisma } from '@credit-hub/kit/db';
import type pg from 'pg';
import type {
  MutationActivateEvaluationModelArgs,
  MutationCreateEvaluationModelVersionArgs,
  SubjectKind,
} from '../__generated__/types.ts';
import { toModelMapper, type ModelRecord } from './mappers.ts';
import { parseDefinition, parseDefinitionText, type ModelDefinition } from './rules.ts';

type Tx = Db['prisma'];
type Ctx = SubgraphContext<unknown>;

/** A definition as Prisma's JSON input: the validated object, through JSON (so it holds JSON values only). */
const asJson = (definition: ModelDefinition): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonValue;

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
async function createVersion(
  tx: Tx,
  input: { code: string; name: string; subjectKinds: SubjectKind[]; definition: ModelDefinition },
  actor: string,
): Promise<ModelRecord> {
  const last = await tx.evaluationModel.findFirst({ where: { code: input.code }, orderBy: { version: 'desc' } });
  const row = await tx.evaluationModel.create({
    data: {
      code: input.code,
      version: (last?.version ?? 0) + 1,
      name: input.name,
      subjectKinds: input.subjectKinds,
      definition: asJson(input.definition),
      createdBy: actor,
    },
  });
  return toModelMapper(row);
}

/**
 * Activates a version. The active versions of the same code, and every active model evaluating one of its
 * kinds, retire: one active model per subject kind at any time.
 */
async function activateVersion(tx: Tx, code: string, version: number): Promise<ModelRecord> {
  const target = await tx.evaluationModel.findUnique({ where: { code_version: { code, version } } });
  if (!target) throw notFound('evaluation model', `${code} v${version}`);
  if (target.status === 'ACTIVE') return toModelMapper(target);
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
  return toModelMapper(row);
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
 * Installs the shipped default models (data/models.json) idempotently: a version that exists (or an older one, when
 * a newer version of the code exists) is left alone, and a new shipped version — of a new code, or the next version
 * of a shipped code, e.g. HUB-ENTERPRISE v2 with the 信用承诺 indicators — is installed ACTIVE — retiring the shipped models active for its subject kinds (a new
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
       WHERE NOT EXISTS (SELECT 1 FROM evaluation.evaluation_model WHERE code = $1::text AND version >= $2::int)
       ON CONFLICT (code, version) DO NOTHING
       RETURNING status`,
      [model.code, model.version, model.name, model.subjectKinds, JSON.stringify(definition), SYSTEM],
    );
    if (rows.length === 0) continue;
    if (rows[0]!.status === 'ACTIVE') {
      await client.query(
        `UPDATE evaluation.evaluation_model SET status = 'RETIRED', retired_at = now()
         WHERE status = 'ACTIVE' AND NOT (code = $1::text AND version = $3::int)
           AND (code = $1::text OR subject_kinds && $2::text[])`,
        [model.code, model.subjectKinds, model.version],
      );
      installed.push(`${model.code} v${model.version}`);
    } else drafts.push(`${model.code} v${model.version}`);
  }
  return { installed, drafts };
}

/** createEvaluationModelVersion: the definition validated (errors name its path), then a new DRAFT version. */
export function createEvaluationModelVersion(
  ctx: Ctx,
  { input }: MutationCreateEvaluationModelVersionArgs,
): Promise<ModelRecord> {
  const code = checkModelCode(input.code, 'input.code');
  const definition = parseDefinitionText(input.definition);
  return ctx.audited({ subjectCode: null, fields: ['Mutation.createEvaluationModelVersion'], detail: code }, (tx) =>
    createVersion(
      tx,
      { code, name: input.name.trim(), subjectKinds: [...new Set(input.subjectKinds)], definition },
      ctx.identity.actor,
    ),
  );
}

/** activateEvaluationModel: one active model per subject kind (see activateVersion). */
export function activateEvaluationModel(ctx: Ctx, args: MutationActivateEvaluationModelArgs): Promise<ModelRecord> {
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.activateEvaluationModel'], detail: `${args.code} v${args.version}` },
    (tx) => activateVersion(tx, args.code, args.version),
  );
}
