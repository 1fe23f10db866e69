import type { RequestHooks } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import { catalogueLoaders } from './catalogue/loaders.ts';
import { checkLoaders } from './checks/loaders.ts';
import { scoringLoaders } from './scoring/loaders.ts';

/** Every DataLoader of one request (built fresh per request by the kit): one statement per batch of keys. */
export function createLoaders(db: Db, _config: unknown, request: RequestHooks) {
  return { ...scoringLoaders(db), ...catalogueLoaders(db), ...checkLoaders(db, request) };
}

export type Loaders = ReturnType<typeof createLoaders>;
