import { createHash, timingSafeEqual } from 'node:crypto';
import {
  ErrorCode,
  PUBLIC_IDENTITY,
  refusal,
  sendGraphQLError,
  sendRefusal,
  type Identity,
  type Role,
  type Scope,
  SCOPES,
} from '@credit-hub/kit';
import { isUscc } from '@credit-hub/kit/codes';
import type { Db } from '@credit-hub/kit/db';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { importSPKI, jwtVerify, type JWTPayload } from 'jose';
import { sameOrigin, sessionIdentity, type Sessions } from './session/session.ts';

export interface AuthConfig {
  jwt: {
    hs256Secret?: string;
    rs256PublicKey?: string;
    issuer: string;
    audience: string;
  };
  /** API keys are looked up in access.api_key; without a database they are refused. */
  db: Db | null;
  /** How long a verified key is trusted before the table is read again (revocation delay). */
  apiKeyCacheSeconds: number;
}

export class AuthError extends Error {}

const PURPOSE_MAX = 200;

/**
 * The stated purpose (查询事由) travels URL-encoded in `x-purpose`, since HTTP header values cannot
 * carry Chinese text as such. A malformed one is the caller's input mistake (400), not a bad credential.
 */
export function readPurpose(raw: string | undefined): string | null {
  if (!raw) return null;
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    throw refusal(ErrorCode.BAD_USER_INPUT, 400, '`x-purpose` must be URL-encoded UTF-8 text', {
      field: 'x-purpose',
      rule: 'ENCODING',
    });
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text.length > PURPOSE_MAX)
    throw refusal(ErrorCode.BAD_USER_INPUT, 400, `\`x-purpose\` may hold at most ${PURPOSE_MAX} characters`, {
      field: 'x-purpose',
      rule: 'LENGTH',
    });
  return text || null;
}

const JWT_ROLES: Record<string, Role> = { officer: 'OFFICER', supervisor: 'SUPERVISOR', admin: 'ADMIN' };

/** Which claims name a person's role and department (the identity provider's vocabulary). */
export interface ClaimNames {
  role: string;
  department: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { role: 'role', department: 'department' };

/**
 * A person's role and department from the identity provider's claims — one mapping for bearer tokens and for
 * console sessions signed in through OpenID Connect: `role` is officer, supervisor or admin (any case); an
 * officer must name a department; the others never carry one.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): { role: 'OFFICER' | 'SUPERVISOR' | 'ADMIN'; department: string | null } {
  const role = JWT_ROLES[String(claims[names.role] ?? '').toLowerCase()] as 'OFFICER' | 'SUPERVISOR' | 'ADMIN';
  if (!role) throw new AuthError('token carries no known role (officer, supervisor or admin)');
  const department = typeof claims[names.department] === 'string' ? (claims[names.department] as string) : null;
  if (role === 'OFFICER' && !department) throw new AuthError("an officer token must name the officer's department");
  return { role, department: role === 'OFFICER' ? department : null };
}

/**
 * An enterprise user's token (企业用户: `role: "enterprise"` and the `uscc` it is bound to, as a province's 法人
 * unified identity service vouches for it): the caller reads what the public reads, and may ask for what only the
 * subject itself may (its 专项信用报告, subgraphs/report). Null for any other role. docs/security.md, "Roles".
 */
export function enterpriseFromClaims(claims: Record<string, unknown>): Omit<Identity, 'purpose' | 'client'> | null {
  if (String(claims.role ?? '').toLowerCase() !== 'enterprise') return null;
  const uscc = typeof claims.uscc === 'string' ? claims.uscc.toUpperCase() : '';
  if (!isUscc(uscc)) throw new AuthError('an enterprise token must name the valid USCC (uscc) it is bound to');
  return { actor: String(claims.sub), role: 'ENTERPRISE', department: null, scopes: [], subjectCode: uscc };
}

/** Verifies people's tokens: HS256 with a shared secret and/or RS256 with the identity provider's key. */
export class JwtVerifier {
  private rsKey: ReturnType<typeof importSPKI> | null;
  constructor(private readonly config: AuthConfig['jwt']) {
    this.rsKey = config.rs256PublicKey ? importSPKI(config.rs256PublicKey.replace(/\\n/g, '\n'), 'RS256') : null;
  }

  get enabled() {
    return Boolean(this.config.hs256Secret || this.config.rs256PublicKey);
  }

  async verify(token: string): Promise<JWTPayload> {
    const [headerPart] = token.split('.');
    let alg: unknown;
    try {
      alg = JSON.parse(Buffer.from(headerPart ?? '', 'base64url').toString('utf8')).alg;
    } catch {
      throw new AuthError('malformed token');
    }
    const options = { issuer: this.config.issuer, audience: this.config.audience, requiredClaims: ['exp', 'sub'] };
    try {
      if (alg === 'HS256' && this.config.hs256Secret) {
        return (
          await jwtVerify(token, new TextEncoder().encode(this.config.hs256Secret), {
            ...options,
            algorithms: ['HS256'],
          })
        ).payload;
      }
      if (alg === 'RS256' && this.rsKey) {
        return (await jwtVerify(token, await this.rsKey, { ...options, algorithms: ['RS256'] })).payload;
      }
    } catch (error) {
      throw new AuthError(`token rejected: ${(error as Error).message}`);
    }
    throw new AuthError(`token algorithm ${String(alg)} is not accepted`);
  }
}

interface CachedKey {
  identity: Omit<Identity, 'purpose' | 'client'>;
  hash: string;
  until: number;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Departmental systems' API keys: stored hashed, revocable, bound to a department and scopes. */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, CachedKey>();
  constructor(
    private readonly db: Db | null,
    private readonly cacheSeconds: number,
  ) {}

  async verify(key: string): Promise<Omit<Identity, 'purpose' | 'client'>> {
    const match = /^chk_([A-Za-z0-9]{12})_[A-Za-z0-9_-]{32,}$/.exec(key);
    if (!match) throw new AuthError('malformed API key');
    const prefix = match[1]!;
    const hash = hashApiKey(key);
    const cached = this.cache.get(prefix);
    if (cached && cached.until > Date.now() && cached.hash === hash) return cached.identity;
    if (!this.db) throw new AuthError('API keys are not accepted by this gateway (no key store configured)');
    const row = await this.db.prisma.apiKey.findUnique({ where: { prefix } });
    const equal = row && timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'));
    if (!row || !equal) throw new AuthError('unknown API key');
    if (row.revokedAt) throw new AuthError('API key has been revoked');
    if (row.expiresAt && row.expiresAt.getTime() < Date.now()) throw new AuthError('API key has expired');
    const identity = {
      actor: `apikey:${row.id}`,
      role: 'SYSTEM' as const,
      department: row.department,
      scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
    };
    if (this.cacheSeconds > 0) this.cache.set(prefix, { identity, hash, until: Date.now() + this.cacheSeconds * 1000 });
    // Last use is informative only: never let it slow down or fail the request.
    void this.db.prisma.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
      .catch(() => undefined);
    return identity;
  }
}

export interface CallerRequest {
  header(name: string): string | undefined;
  ip?: string | undefined;
}

/**
 * Who is calling: nobody (the public), a person with a token, or a departmental system with an API key.
 * A credential that is present but wrong is refused — never downgraded to public access.
 */
export async function authenticate(req: CallerRequest, jwt: JwtVerifier, keys: ApiKeyVerifier): Promise<Identity> {
  const purpose = readPurpose(req.header('x-purpose'));
  const address = req.ip ?? 'unknown';
  const authorization = req.header('authorization');
  const apiKey =
    req.header('x-api-key') ?? (authorization?.startsWith('ApiKey ') ? authorization.slice(7).trim() : undefined);
  if (apiKey) {
    const identity = await keys.verify(apiKey);
    return { ...identity, purpose, client: `${address} ${identity.actor}` };
  }
  if (authorization?.startsWith('Bearer ')) {
    if (!jwt.enabled) throw new AuthError('tokens are not accepted by this gateway (no signing key configured)');
    const claims = await jwt.verify(authorization.slice(7).trim());
    const enterprise = enterpriseFromClaims(claims);
    if (enterprise) return { ...enterprise, purpose, client: address };
    const { role, department } = roleFromClaims(claims);
    return { actor: String(claims.sub), role, department, scopes: [], purpose, client: address };
  }
  if (authorization) throw new AuthError('unsupported authorization scheme: use Bearer <token> or ApiKey <key>');
  return { ...PUBLIC_IDENTITY, purpose, client: address };
}

interface AuthedRequest extends Request {
  identity?: Identity;
}

/** The caller authenticateRequests established (the public before it ran). */
export const identityOf = (req: Request) => (req as AuthedRequest).identity ?? PUBLIC_IDENTITY;

/** Console sessions as the GraphQL route reads them (session/session.ts). */
export interface SessionAuth {
  sessions: Sessions;
  /** The hub's public origin (`https://credit.example.gov.cn`); unset: the request's own scheme and host. */
  publicOrigin?: string | undefined;
}

/**
 * Establishes the caller for the routes after it; refuses a wrong credential (401) or purpose (400). Without an
 * Authorization or API-key header, a console session cookie signs the request in — only from the hub's own pages
 * (403 otherwise: a foreign page must not act with a signed-in officer's cookie).
 */
export function authenticateRequests(jwt: JwtVerifier, keys: ApiKeyVerifier, console?: SessionAuth): RequestHandler {
  return async (req, res, next) => {
    try {
      if (console && !req.header('authorization') && !req.header('x-api-key')) {
        const session = await console.sessions.read(req);
        if (session === 'invalid') {
          console.sessions.clear(res);
          throw new AuthError('the session has ended or its cookie is not valid: sign in again');
        }
        if (session) {
          if (!sameOrigin(req, console.publicOrigin))
            return sendGraphQLError(
              res,
              403,
              ErrorCode.FORBIDDEN,
              "A request signed in by the console session must come from the hub's own pages (same origin)",
              { reason: 'CROSS_SITE' },
            );
          const purpose = readPurpose(req.header('x-purpose'));
          (req as AuthedRequest).identity = sessionIdentity(session, req.ip ?? 'unknown', purpose);
          return next();
        }
      }
      (req as AuthedRequest).identity = await authenticate(req, jwt, keys);
      next();
    } catch (error) {
      if (error instanceof AuthError) return sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
      if (error instanceof GraphQLError) return sendRefusal(res, error);
      next(error);
    }
  };
}
