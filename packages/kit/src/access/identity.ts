import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ReplayCache } from './replay.ts';

/**
 * Who is calling. The gateway authenticates the caller (JWT or API key, or nobody: the public) and hands
 * every subgraph this identity in a signed internal header; subgraphs trust nothing else.
 */
export const ROLES = ['PUBLIC', 'OFFICER', 'SUPERVISOR', 'ADMIN', 'SYSTEM', 'ENTERPRISE'] as const;
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
  /**
   * An enterprise user (企业用户, role ENTERPRISE) is bound to its own USCC: it reads what the public reads and may ask
   * for what only the subject itself may (its 专项信用报告). Absent for every other role.
   */
  subjectCode?: string | null;
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
/** Short-lived: a leaked header is useless within seconds, and it only fits the request it was made for. */
export const IDENTITY_LIFETIME_MS = 60_000;

/**
 * Hash of the GraphQL request a header is issued for. Binding the identity to the exact query and
 * variables stops a captured header from being replayed with another operation; its one-time value (`jti`)
 * stops it from being replayed with the same one.
 */
export function requestDigest(query: string, variables: unknown): string {
  return createHash('sha256')
    .update(query)
    .update('\u0000')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

/**
 * Digest for a signed request to a route other than /graphql (the 双公示 file upload): the method and the
 * path with its query string. The body is a stream and is not hashed; the route binds what the body may do
 * (kind, department) through the signed path, and the header's one-time value makes it good for one upload.
 */
export const routeDigest = (method: string, pathWithQuery: string) =>
  requestDigest(`${method.toUpperCase()} ${pathWithQuery}`, {});

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

/**
 * The internal header is `base64url(JSON payload).base64url(HMAC-SHA256)`: the same guarantees as an
 * HS256 JWT (integrity, expiry, binding to the request, a one-time `jti`) at a fraction of the cost — it is
 * made for every subgraph request, so it must cost microseconds, not a millisecond.
 */
export async function signIdentity(identity: Identity, secret: string, digest: string): Promise<string> {
  const payload = Buffer.from(
    JSON.stringify({
      ...identity,
      dig: digest,
      exp: Date.now() + IDENTITY_LIFETIME_MS,
      jti: randomBytes(16).toString('base64url'),
    }),
    'utf8',
  ).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** Why a header was refused: `extensions.reason` of the 401, stable for clients and alerts. */
export type IdentityRefusal =
  | 'MISSING'
  | 'MALFORMED'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'OTHER_REQUEST'
  | 'UNKNOWN_ROLE'
  | 'NO_NONCE'
  | 'REPLAYED'
  | 'UNVERIFIABLE';

export class IdentityError extends Error {
  constructor(
    message: string,
    readonly reason: IdentityRefusal,
  ) {
    super(message);
  }
}

/**
 * Verifies the internal header and spends its one-time value in `replay`; throws IdentityError with the
 * reason when it cannot be trusted. The nonce is spent only after every other check passed, so a forged or
 * misdirected header cannot use up a genuine one.
 */
export async function verifyIdentity(
  token: string,
  secret: string,
  digest: string,
  replay: ReplayCache,
): Promise<Identity> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined)
    throw new IdentityError('internal identity header is malformed', 'MALFORMED');
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new IdentityError('internal identity header rejected: signature does not match', 'BAD_SIGNATURE');
  }
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new IdentityError('internal identity header is malformed', 'MALFORMED');
  }
  if (typeof claims.exp !== 'number' || claims.exp < Date.now())
    throw new IdentityError('internal identity header has expired', 'EXPIRED');
  if (claims.dig !== digest)
    throw new IdentityError('internal identity header was issued for another request', 'OTHER_REQUEST');
  const role = claims.role as Role;
  if (!ROLES.includes(role)) throw new IdentityError('internal identity header names an unknown role', 'UNKNOWN_ROLE');
  if (typeof claims.jti !== 'string' || claims.jti.length < 16)
    throw new IdentityError('internal identity header carries no one-time value', 'NO_NONCE');
  if (!(await replay.claim(claims.jti, claims.exp)))
    throw new IdentityError('internal identity header was already used (replay)', 'REPLAYED');
  return {
    actor: String(claims.actor),
    role,
    department: typeof claims.department === 'string' ? claims.department : null,
    scopes: Array.isArray(claims.scopes) ? (claims.scopes.filter((x) => SCOPES.includes(x as Scope)) as Scope[]) : [],
    purpose: typeof claims.purpose === 'string' ? claims.purpose : null,
    client: String(claims.client ?? 'unknown'),
    ...(typeof claims.subjectCode === 'string' ? { subjectCode: claims.subjectCode } : {}),
  };
}
