import type { SubgraphContext } from '@credit-hub/kit';
import type { Loaders } from './loaders.ts';

export type Context = SubgraphContext<Loaders>;
