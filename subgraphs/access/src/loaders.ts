import type { Db } from '@credit-hub/kit/db';

/** The access subgraph serves administrators' lists, not subject pages: no per-entity loaders yet. */
export function createLoaders(_db: Db) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
