import { described, loadEnv, subgraphEnv, z } from '@credit-hub/kit';
import type { GradeScale, ValidThrough } from './rules.ts';

/**
 * ENVIRONMENT_GRADES: how many 企业环境信用评价 grades the province uses — 4 (default: the national GREEN, BLUE,
 * YELLOW, RED of 环发〔2013〕150号) or 5 (with BLACK). Exported so the all-in-one hub reads the same variables.
 */
export const environmentGrades = described(
  '企业环境信用评价 grades the province uses: the national 4 (GREEN, BLUE, YELLOW, RED), or 5 with BLACK',
  z
    .enum(['4', '5'])
    .default('4')
    .transform((v): GradeScale => (v === '4' ? 4 : 5)),
);

/**
 * ENVIRONMENT_GRADE_LABELS: the province's grade names, best first, comma-separated (e.g. 很好,好,一般,差,很差).
 * Unset: the national four, or for five grades the 沈阳/哈尔滨 scheme. The count must match ENVIRONMENT_GRADES
 * (checked when the subgraph starts).
 */
export const environmentGradeLabels = described(
  "The province's grade names, best first, comma-separated (unset: the national names, or 很好,好,一般,差,很差 for 5)",
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.split(',').map((label) => label.trim()) : undefined))
    .refine((labels) => !labels || labels.every((l) => l.length > 0 && l.length <= 20), {
      message: 'ENVIRONMENT_GRADE_LABELS: comma-separated names of 1–20 characters',
    }),
);

/**
 * ENVIRONMENT_RATING_VALID_THROUGH: MM-DD of year Y+2 on which the rating of evaluation year Y stops counting (the
 * day the province's next results are due); default 12-31.
 */
export const environmentRatingValidThrough = described(
  'MM-DD of year Y+2 through which the rating of evaluation year Y counts (unset: 12-31; docs/rules/environment.md)',
  z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'ENVIRONMENT_RATING_VALID_THROUGH must be MM-DD, e.g. 08-31')
    .optional()
    .transform((v): ValidThrough | undefined =>
      v ? { month: Number(v.slice(0, 2)), day: Number(v.slice(3)) } : undefined,
    )
    .refine((v) => !v || v.day <= new Date(Date.UTC(2001, v.month, 0)).getUTCDate(), {
      message: 'ENVIRONMENT_RATING_VALID_THROUGH names a day the month does not have',
    }),
);

/**
 * The environment subgraph's configuration (docs/reference/configuration.md). main.ts reads it once at start and
 * passes the values down as options; this is the only module of the service that reads process.env.
 */
export const envShape = {
  ...subgraphEnv('environment'),
  ENVIRONMENT_GRADES: environmentGrades,
  ENVIRONMENT_GRADE_LABELS: environmentGradeLabels,
  ENVIRONMENT_RATING_VALID_THROUGH: environmentRatingValidThrough,
};

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
