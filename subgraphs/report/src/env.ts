import { described, loadEnv, secret, subgraphEnv, z } from '@credit-hub/kit';

/**
 * The report subgraph's configuration (docs/reference/configuration.md). main.ts reads it once at start and passes
 * the values down as options; this is the only module of the service that reads process.env. In production the
 * signing and code keys are required (secrets); in development, unset, they are generated into .data/.
 */
export const envShape = {
  ...subgraphEnv('report'),
  REPORT_GATEWAY_URL: described(
    "The gateway's GraphQL URL the report service reads subjects through, as the public (docs/adr/0090)",
    z.string().url().default('http://127.0.0.1:4000/graphql'),
  ),
  REPORT_VERIFY_BASE_URL: described(
    "The public site's origin printed in each report's QR code and verification address (…/verify)",
    z.string().url().default('http://localhost:4000'),
  ),
  REPORT_SIGNING_KEYS: described(
    'Ed25519 report signing keys, `id:base64(PKCS#8 DER)` separated by commas, the current one first (unset in development: generated into .data/report-keys.json)',
    secret({ minLength: 40 }),
  ),
  REPORT_RETIRED_KEYS: described(
    "Public keys of retired signing keys, `id:base64(SPKI DER)` separated by commas: old reports stay verifiable after a key's private half is destroyed",
    z.string().optional(),
  ),
  REPORT_CODE_KEY: described(
    'HMAC key of the 查验码 (at least 32 characters; unset in development: generated into .data/report-keys.json)',
    secret({ minLength: 32 }),
  ),
};

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
