import type { SubgraphContext } from '@credit-hub/kit';
import type { KeyRing } from './keys/rules.ts';
import type { Loaders } from './loaders.ts';

/** The report service's settings (main.ts from env.ts; the all-in-one hub passes its own). */
export interface Config {
  /** The gateway's /graphql URL, read when a report is made (the all-in-one hub knows it only after the gateway started). */
  gatewayUrl: () => string;
  /** The public site's origin, for the verification address in the QR code. */
  verifyBaseUrl: string;
  keys: KeyRing;
}

export type Context = SubgraphContext<Loaders, Config>;
