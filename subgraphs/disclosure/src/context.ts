import type { SubgraphContext } from '@credit-hub/kit';
import type { Loaders } from './loaders.ts';

/** The service's configuration, read once at start (src/env.ts via main.ts, or the all-in-one hub). */
export interface Config {
  /** PERSON_KEY_SECRET: the platform secret natural persons' graph keys are made with (docs/adr/0003). */
  personKeySecret: string;
}

export type Context = SubgraphContext<Loaders, Config>;
