import type { SubgraphContext } from '@credit-hub/kit';
import type { Loaders } from './loaders.ts';
import type { PushConfig } from './rules.ts';

export type Context = SubgraphContext<Loaders, PushConfig>;
