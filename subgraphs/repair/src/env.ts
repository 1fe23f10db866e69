import { described, loadEnv, subgraphEnv } from '@credit-hub/kit';
import { z } from 'zod';
import { DEFAULT_LIMITS } from './rules.ts';

/**
 * The repair subgraph's configuration (docs/reference/configuration.md). main.ts reads it once at start and passes
 * the values down as options; this is the only module of the service that reads process.env. Every time limit is a
 * number of working days (工作日, the kit's calendar): the published rules give only fragments of them, so each is
 * configuration (docs/rules/repair.md, "Deadlines").
 */
const days = (description: string, fallback: number) =>
  described(description, z.coerce.number().int().min(1).max(60).default(fallback));

export const envShape = {
  ...subgraphEnv('repair'),
  REPAIR_DAYS_REVIEW: days(
    'Working days of the platform completeness check (形式审查) of an application',
    DEFAULT_LIMITS.review,
  ),
  REPAIR_DAYS_ACCEPT: days(
    'Working days a department has to decide on acceptance (受理) of a forwarded application',
    DEFAULT_LIMITS.accept,
  ),
  REPAIR_DAYS_DECIDE: days('Working days a department has to decide an accepted application', DEFAULT_LIMITS.decide),
  REPAIR_DAYS_SYNC: days(
    'Working days from approval until the repair act is done and announced (同步)',
    DEFAULT_LIMITS.sync,
  ),
  REPAIR_DAYS_OBJECTION_REVIEW: days(
    'Working days of the platform pre-check of an objection',
    DEFAULT_LIMITS.objectionReview,
  ),
  REPAIR_DAYS_OBJECTION_PROVIDER: days(
    'Working days the providing department has to answer an objection (协查)',
    DEFAULT_LIMITS.objectionProvider,
  ),
  REPAIR_DAYS_EXTEND_MAX: days('Most working days one extension (延期) may add', DEFAULT_LIMITS.extendMax),
  REPAIR_FILE_LIMIT_BYTES: described(
    'Largest file of a repair or objection case (PDF, JPEG or PNG, told by its content)',
    z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
  ),
};

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
