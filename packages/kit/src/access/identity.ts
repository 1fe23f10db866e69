import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/**
 * Who is calling. The gateway authenticates the caller (JWT or API key, or nobody: the public) and hands
 * every subgraph this identity in a signed internal header; subgraphs trust nothing else.
 */
export const ROLES = ['PUBLIC', 'OFFICER', 'SUPERVISOR', 'ADMIN', 'SYSTEM'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes of a departmental system's API key. */
export const SCOPES = ['read', 'write', 'personal'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Identity {
  /** Stable actor id: JWT `sub`, `apikey:<id>`, or `anonymous`. */
  actor: string;
  role: Role;
  /** The department an officer or system belongs to (tax, court, ...); null for the others. */
  department: string | null;
  scopes: Scope[];
  /** Stated purpose (查询事由: business matter or case number), from the `x-purpose` header. */
  purpose: string | null;
  /** Where the call came from: the client address and, for API keys, the key id. */
  client: string;
}

export const PUBLIC_IDENTITY: Identity = {
  actor: 'anonymous',
  role: 'PUBLIC',
  department: null,
  scopes: [],
  purpose: null,
  client: 'unknown',
};

export const IDENTITY_HEADER = 'x-credit-hub-identity';
const AUDIENCE = 'credit-hub-subgraph';
const ISSUER = 'credit-hub-gateway';
/** Short-lived: a leaked header is useless within seconds, and it only fits the request it was made for. */
const LIFETIME_SECONDS = 60;

/**
 * Hash of the GraphQL request a header is issued for. Binding the identity to the exact query and
 * variables stops a captured header from being replayed with another operation.
 */
export function requestDigest(query: string, variables: unknown): string {
  return createHash('sha256')
    .update(query)
    .update('\u0000')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signIdentity(identity: Identity, secret: string, digest: string): Promise<string> {
  return new SignJWT({ ...identity, dig: digest })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(keyOf(secret));
}

export class IdentityError extends Error {}

/** Verifies the internal header; throws IdentityError with the reason when it cannot be trusted. */
export async function verifyIdentity(token: string, secret: string, digest: string): Promise<Identity> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    }));
  } catch (error) {
    throw new IdentityError(`internal identity header rejected: ${(error as Error).message}`);
  }
  if (payload.dig !== digest) throw new IdentityError('internal identity header was issued for another request');
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw new IdentityError('internal identity header names an unknown role');
  return {
    actor: String(payload.actor),
    role,
    department: typeof payload.department === 'string' ? payload.department : null,
    scopes: Array.isArray(payload.scopes) ? (payload.scopes.filter((s) => SCOPES.includes(s as Scope)) as Scope[]) : [],
    purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
    client: String(payload.client ?? 'unknown'),
  };
}
