import type { SubgraphContext } from '@credit-hub/kit';
import type { Loaders } from './loaders.ts';
import { DEFAULT_LIMITS, type StageLimits } from './rules.ts';

/** The window's settings (env.ts): stage limits in working days, file limits. */
export interface Config {
  limits: StageLimits;
  fileLimitBytes: number;
  /** Most files per case. */
  filesPerCase: number;
}

export const DEFAULT_CONFIG: Config = { limits: DEFAULT_LIMITS, fileLimitBytes: 10 * 1024 * 1024, filesPerCase: 10 };

export type Context = SubgraphContext<Loaders, Config>;
