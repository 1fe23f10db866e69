import type { SubgraphContext } from '@credit-hub/kit';
import type { Loaders } from './loaders.ts';
import type { EnvironmentConfig } from './rules.ts';

/**
 * The service's configuration, read once at start (src/env.ts via main.ts, or the all-in-one hub): the grades the
 * province uses, their names and how long a rating counts.
 */
export type Config = EnvironmentConfig;

export type Context = SubgraphContext<Loaders, Config>;
