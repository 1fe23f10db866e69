import { createHash, createHmac, createSecretKey, randomFillSync, timingSafeEqual, type KeyObject } from 'node:crypto';
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

/**
 * The secret as a key object, made once per secret: every header is signed by the gateway and verified by a subgraph,
 * and turning the secret string into key material at each of them was a share of that cost (docs/adr/0129). What is
 * kept is the key, never a verdict: every header is still checked in full. A process knows one secret, tests a few;
 * past `KEY_CACHE_SIZE` the cache starts again from empty.
 */
const KEY_CACHE_SIZE = 16;
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

const mac = (secret: string, payload: string) => createHmac('sha256', keyOf(secret)).update(payload).digest();

/**
 * One-time values from a pool of random bytes filled 4 KiB at a time: the same CSPRNG output as a 16-byte
 * randomBytes call per header, without a call into it for each.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(4096);
let nonceOffset = noncePool.length;
function nonce(): string {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const value = noncePool.toString('base64url', nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return value;
}

/**
 * An identity's JSON without its closing brace, kept per identity object: the gateway signs the same caller for every
 * subgraph fetch of a request (nine for a profile).
 */
const identityJson = new WeakMap<Identity, string>();
function identityPrefix(identity: Identity): string {
  let json = identityJson.get(identity);
  if (json === undefined) {
    json = JSON.stringify(identity).slice(0, -1);
    identityJson.set(identity, json);
  }
  return json;
}

/**
 * The internal header is `base64url(JSON payload).base64url(HMAC-SHA256)`: the same guarantees as an
 * HS256 JWT (integrity, expiry, binding to the request, a one-time `jti`) at a fraction of the cost — it is
 * made for every subgraph request, so it must cost microseconds, not a millisecond.
 */
export async function signIdentity(identity: Identity, secret: string, digest: string): Promise<string> {
  return signIdentityNow(identity, secret, digest);
}

/** signIdentity without the promise, for callers that must sign synchronously (a load generator's request hook). */
export function signIdentityNow(identity: Identity, secret: string, digest: string): string {
  // The same text as JSON.stringify({ ...identity, dig, exp, jti }), the identity's part written once per identity.
  const prefix = identityPrefix(identity);
  const claims = `${prefix}${prefix.length > 1 ? ',' : ''}"dig":${JSON.stringify(digest)},"exp":${Date.now() + IDENTITY_LIFETIME_MS},"jti":"${nonce()}"}`;
  const payload = Buffer.from(claims, 'utf8').toString('base64url');
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
