import type { Db } from '@credit-hub/kit/db';

/** Per-request loaders (one statement per batch of keys). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createLoaders(db: Db) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
