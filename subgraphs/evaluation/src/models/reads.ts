import type { Db } from '@credit-hub/kit/db';
import type { QueryEvaluationModelArgs, QueryEvaluationModelsArgs } from '../__generated__/types.ts';
import { toModelMapper, type ModelRecord } from './mappers.ts';

/** Every version (or those of one status), by code then newest version first. */
export async function listModels(db: Db, status?: QueryEvaluationModelsArgs['status']): Promise<ModelRecord[]> {
  const rows = await db.prisma.evaluationModel.findMany({
    where: status ? { status } : {},
    orderBy: [{ code: 'asc' }, { version: 'desc' }],
  });
  return rows.map(toModelMapper);
}

export async function findModel(db: Db, { code, version }: QueryEvaluationModelArgs): Promise<ModelRecord | null> {
  const row = await db.prisma.evaluationModel.findUnique({ where: { code_version: { code, version } } });
  return row ? toModelMapper(row) : null;
}
