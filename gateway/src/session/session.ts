import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Identity, Role } from '@credit-hub/kit';
import type { Request, Response } from 'express';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { MemoryState, type SharedState } from '../shared-state.ts';

/**
 * Console sessions (控制台登录会话): who signed in through the issuer (or the development sign-in), kept in one
 * encrypted, httpOnly cookie. The browser never holds a token it could leak to a script: no access or ID token is
 * stored at all, only the caller the hub derived from the issuer's claims. The cookie is sealed with AES-256-GCM
 * (JWE `dir`), so it can be neither read nor forged without SESSION_SECRET.
 */
export interface SessionData {
  /** Session id: logout revokes it. */
  sid: string;
  /** The caller's stable id (the issuer's `sub`, or `dev:<role>` for development sessions). */
  actor: string;
  role: Exclude<Role, 'PUBLIC' | 'SYSTEM'>;
  department: string | null;
  /** Display name from the issuer (`name`), for the console's header. */
  name: string;
  /** How the session was made. */
  via: 'oidc' | 'dev';
  /** The USCC an enterprise user (role ENTERPRISE) is bound to; absent for the other roles. */
  subjectCode?: string | null;
}

export interface SessionConfig {
  /** Seals the cookie; unset: a random key per process (sessions end when the gateway restarts). */
  secret?: string | undefined;
  /** Lifetime of a session, seconds. */
  maxAgeSeconds: number;
  /** Secure cookies (HTTPS only) and the `__Host-` prefix. */
  production: boolean;
  /**
   * Where logged-out session ids are kept until their cookies would have expired anyway: this process's memory by
   * default, Redis with REDIS_URL (shared-state.ts) so that a logout ends the session on every gateway replica.
   */
  state?: SharedState;
}

export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;

/** Real elapsed time (session lifetimes), not the hub's legal clock, which tests and demos move. */
const nowSeconds = () => Math.floor(Date.now() / 1000);

export class Sessions {
  readonly cookieName: string;
  readonly flowCookieName: string;
  private readonly key: Uint8Array;
  private readonly state: SharedState;

  constructor(readonly config: SessionConfig) {
    // `__Host-`: the browser accepts the cookie only when Secure, for path /, without Domain — no subdomain can
    // plant or overwrite it. Plain HTTP development cannot use the prefix.
    this.cookieName = config.production ? '__Host-credit-hub-session' : 'credit-hub-session';
    this.flowCookieName = config.production ? '__Host-credit-hub-signin' : 'credit-hub-signin';
    this.state = config.state ?? new MemoryState();
    this.key = createHash('sha256')
      .update(config.secret ?? randomBytes(32))
      .digest();
  }

  /** Seals any JSON payload for `seconds` (the session, or a sign-in in progress). */
  async seal(payload: Record<string, unknown>, seconds: number): Promise<string> {
    return new EncryptJWT(payload)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(nowSeconds() + seconds)
      .encrypt(this.key);
  }

  async open(token: string): Promise<Record<string, unknown> | null> {
    try {
      const { payload } = await jwtDecrypt(token, this.key, { currentDate: new Date(nowSeconds() * 1000) });
      return payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  /** Starts a session: sets the cookie. */
  async start(res: Response, data: Omit<SessionData, 'sid'>): Promise<SessionData> {
    const session: SessionData = { ...data, sid: randomUUID() };
    const sealed = await this.seal({ ...session }, this.config.maxAgeSeconds);
    res.cookie(this.cookieName, sealed, this.cookieOptions(this.config.maxAgeSeconds));
    return session;
  }

  cookieOptions(seconds: number) {
    return {
      httpOnly: true,
      // Lax: the cookie goes with a top-level navigation back from the issuer (the callback), never with a
      // cross-site POST or a request a foreign page makes in the background.
      sameSite: 'lax' as const,
      secure: this.config.production,
      path: '/',
      maxAge: seconds * 1000,
    };
  }

  /** The session the request carries: null without a cookie, 'invalid' for one that is forged, expired or revoked. */
  async read(req: Request): Promise<SessionData | null | 'invalid'> {
    const raw = readCookie(req, this.cookieName);
    if (raw === undefined) return null;
    const payload = await this.open(raw);
    if (!payload || typeof payload.sid !== 'string' || (await this.isRevoked(payload.sid))) return 'invalid';
    const { sid, actor, role, department, name, via, subjectCode } = payload;
    if (typeof actor !== 'string' || !['OFFICER', 'SUPERVISOR', 'ADMIN', 'ENTERPRISE'].includes(String(role)))
      return 'invalid';
    if (role === 'ENTERPRISE' && typeof subjectCode !== 'string') return 'invalid';
    return {
      ...(role === 'ENTERPRISE' ? { subjectCode: String(subjectCode) } : {}),
      sid,
      actor,
      role: role as SessionData['role'],
      department: typeof department === 'string' ? department : null,
      name: typeof name === 'string' ? name : actor,
      via: via === 'dev' ? 'dev' : 'oidc',
    };
  }

  /** Ends the session the request carries (revoked until its cookie would expire) and clears the cookie. */
  async end(req: Request, res: Response): Promise<void> {
    const raw = readCookie(req, this.cookieName);
    const payload = raw ? await this.open(raw) : null;
    if (payload && typeof payload.sid === 'string' && typeof payload.exp === 'number')
      await this.state.claim(`session-revoked:${payload.sid}`, Math.max(1, payload.exp - nowSeconds() + 1));
    this.clear(res);
  }

  clear(res: Response) {
    const { maxAge: _maxAge, ...options } = this.cookieOptions(0);
    res.clearCookie(this.cookieName, options);
  }

  private isRevoked(sid: string): Promise<boolean> {
    return this.state.has(`session-revoked:${sid}`);
  }
}

/** The caller a session stands for, as the rest of the gateway sees it. */
export function sessionIdentity(session: SessionData, client: string, purpose: string | null): Identity {
  return {
    actor: session.actor,
    role: session.role,
    department: session.role === 'OFFICER' ? session.department : null,
    scopes: [],
    purpose,
    client,
    ...(session.role === 'ENTERPRISE' && session.subjectCode ? { subjectCode: session.subjectCode } : {}),
  };
}

/** One cookie's value from the Cookie header (no cookie-parsing dependency for two cookies). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.header('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Cookie-authenticated requests must come from the hub's own pages (CSRF): the browser's `Origin` is this
 * gateway's origin, or — where a browser sends no Origin (a same-origin GET) — `Sec-Fetch-Site: same-origin`.
 * SameSite=Lax already keeps the cookie off cross-site POSTs; this holds even for a browser that ignores it.
 */
export function sameOrigin(req: Request, publicOrigin: string | undefined): boolean {
  const origin = req.header('origin');
  if (origin) {
    const expected = publicOrigin ?? `${req.protocol}://${req.header('host') ?? ''}`;
    return origin === expected;
  }
  return req.header('sec-fetch-site') === 'same-origin';
}

/** A local path to return to after sign-in; anything else (another host, `//host`, `/\host`) is the console's root. */
export function localPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 500) return fallback;
  return value;
}
