import type { Db } from '@credit-hub/kit/db';
import { createEvaluationLoaders } from './model/loaders.ts';
import { createCheckLoaders } from './checks/loaders.ts';

/** Per-request loaders (one statement per batch of keys). */
export function createLoaders(db: Db) {
  return { ...createEvaluationLoaders(db), ...createCheckLoaders(db) };
}

export type Loaders = ReturnType<typeof createLoaders>;
