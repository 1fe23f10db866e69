import { commonEnv, databaseUrl, internalIdentityEnv, loadEnv, port, z } from '@credit-hub/kit';
import type { GradeScale, ValidThrough } from './rules.ts';

/**
 * ENVIRONMENT_GRADES: how many 企业环境信用评价 grades the province uses — 4 (default: the national GREEN, BLUE,
 * YELLOW, RED of 环发〔2013〕150号) or 5 (with BLACK). Exported so the all-in-one hub reads the same variables.
 */
export const environmentGrades = z
  .enum(['4', '5'])
  .default('4')
  .transform((v): GradeScale => (v === '4' ? 4 : 5));

/**
 * ENVIRONMENT_GRADE_LABELS: the province's grade names, best first, comma-separated (e.g. 很好,好,一般,差,很差).
 * Unset: the national four, or for five grades the 沈阳/哈尔滨 scheme. The count must match ENVIRONMENT_GRADES
 * (checked when the subgraph starts).
 */
export const environmentGradeLabels = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.split(',').map((label) => label.trim()) : undefined))
  .refine((labels) => !labels || labels.every((l) => l.length > 0 && l.length <= 20), {
    message: 'ENVIRONMENT_GRADE_LABELS: comma-separated names of 1–20 characters',
  });

/**
 * ENVIRONMENT_RATING_VALID_THROUGH: MM-DD of year Y+2 on which the rating of evaluation year Y stops counting (the
 * day the province's next results are due); default 12-31.
 */
export const environmentRatingValidThrough = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'ENVIRONMENT_RATING_VALID_THROUGH must be MM-DD, e.g. 08-31')
  .optional()
  .transform((v): ValidThrough | undefined =>
    v ? { month: Number(v.slice(0, 2)), day: Number(v.slice(3)) } : undefined,
  )
  .refine((v) => !v || v.day <= new Date(Date.UTC(2001, v.month, 0)).getUTCDate(), {
    message: 'ENVIRONMENT_RATING_VALID_THROUGH names a day the month does not have',
  });

/** The environment subgraph's configuration; the only module of this service that reads process.env. */
export const readEnv = (source: Record<string, string | undefined> = process.env) =>
  loadEnv(
    {
      ...commonEnv,
      ...internalIdentityEnv,
      DATABASE_URL: databaseUrl,
      ENVIRONMENT_HOST: z.string().default('127.0.0.1'),
      ENVIRONMENT_PORT: port(4105),
      ENVIRONMENT_GRADES: environmentGrades,
      ENVIRONMENT_GRADE_LABELS: environmentGradeLabels,
      ENVIRONMENT_RATING_VALID_THROUGH: environmentRatingValidThrough,
    },
    source,
  );
