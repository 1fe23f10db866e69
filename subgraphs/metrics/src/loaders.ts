import type { Db } from '@credit-hub/kit/db';

/**
 * Every DataLoader of one request. The metrics subgraph answers each panel with one statement (reads.ts) and joins
 * no entity, so it needs none; the function stays for the anatomy and for the first entity field it may get.
 */
export function createLoaders(_db: Db) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
