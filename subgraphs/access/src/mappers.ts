import type { Identity } from '@credit-hub/kit';
import type { ApiKey } from '@credit-hub/kit/db';

/**
 * The parent types the access subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts; the audit trail's are in audit-log/mappers.ts).
 */

/** A row of access.api_key: scopes stored lower-case, shown as the ApiKeyScope enum (resolvers/ApiKey.ts). */
export type ApiKeyMapper = ApiKey;

/** The caller is the identity the gateway signed for this request; its scopes are shown as the enum. */
export type CallerMapper = Identity;
