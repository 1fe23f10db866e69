import { DEPARTMENTS, ErrorCode, methodNotAllowed, sendGraphQLError } from '@credit-hub/kit';
import { isUscc } from '@credit-hub/kit/codes';
import express, { type Express, type Request, type Response } from 'express';
import { AuthError } from '../auth.ts';
import { devSignInPage } from './dev-page.ts';
import { OidcClient, type OidcConfig } from './oidc.ts';
import { localPath, readCookie, sameOrigin, type SessionData, type Sessions } from './session.ts';

export interface ConsoleRoutesOptions {
  sessions: Sessions;
  /** The configured issuer; none: no OIDC sign-in (development signs in at /auth/dev instead). */
  oidc?: OidcConfig | undefined;
  production: boolean;
  publicOrigin?: string | undefined;
  log: (line: string) => void;
}

/** A sign-in in progress lives this long (the person types a password at the issuer meanwhile). */
const FLOW_SECONDS = 10 * 60;

const DEV_ROLES = { officer: 'OFFICER', supervisor: 'SUPERVISOR', admin: 'ADMIN', enterprise: 'ENTERPRISE' } as const;

const wantsHtml = (req: Request) => req.accepts(['application/json', 'text/html']) === 'text/html';

function me(session: SessionData | null) {
  if (!session) return { signedIn: false };
  return {
    signedIn: true,
    actor: session.actor,
    role: session.role,
    roles: [session.role],
    department: session.department,
    departmentName: session.department ? (DEPARTMENTS as Record<string, string>)[session.department] : null,
    name: session.name,
    via: session.via,
    // An enterprise user's USCC; the other roles have none.
    ...(session.subjectCode ? { subjectCode: session.subjectCode } : {}),
  };
}

/**
 * The console's sign-in routes: /auth/login and /auth/callback (OpenID Connect, authorization code + PKCE),
 * /auth/logout, /auth/me, and in development only /auth/dev, a local sign-in for a chosen role.
 */
export function mountConsoleRoutes(app: Express, options: ConsoleRoutesOptions): void {
  const { sessions, production } = options;
  const oidc = options.oidc ? new OidcClient(options.oidc) : null;
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  app.get('/auth/login', async (req, res, next) => {
    noStore(res);
    const returnTo = localPath(req.query.returnTo);
    if (!oidc) {
      if (!production) return res.redirect(302, `/auth/dev?returnTo=${encodeURIComponent(returnTo)}`);
      return sendGraphQLError(
        res,
        404,
        ErrorCode.ROUTE_NOT_FOUND,
        'Sign-in is not configured on this hub (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_REDIRECT_URI)',
      );
    }
    try {
      const { url, flow } = await oidc.start();
      res.cookie(
        sessions.flowCookieName,
        await sessions.seal({ ...flow, returnTo }, FLOW_SECONDS),
        sessions.cookieOptions(FLOW_SECONDS),
      );
      res.redirect(302, url.href);
    } catch (error) {
      options.log(`sign-in: the identity provider could not be reached: ${(error as Error).message}`);
      if (res.headersSent) return next(error);
      sendGraphQLError(
        res,
        502,
        ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
        'The identity provider could not be reached: try again later',
      );
    }
  });
  app.all('/auth/login', methodNotAllowed(['GET', 'HEAD']));

  app.get('/auth/callback', async (req, res) => {
    noStore(res);
    if (!oidc) return sendGraphQLError(res, 404, ErrorCode.ROUTE_NOT_FOUND, 'Sign-in is not configured on this hub');
    const raw = readCookie(req, sessions.flowCookieName);
    const flow = raw ? await sessions.open(raw) : null;
    const { maxAge: _maxAge, ...clearOptions } = sessions.cookieOptions(0);
    res.clearCookie(sessions.flowCookieName, clearOptions);
    if (!flow || typeof flow.verifier !== 'string' || typeof flow.state !== 'string' || typeof flow.nonce !== 'string')
      return sendGraphQLError(
        res,
        400,
        ErrorCode.BAD_REQUEST,
        'No sign-in is in progress in this browser (or it took longer than 10 minutes): start again at /auth/login',
      );
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    try {
      const person = await oidc.finish(query, { verifier: flow.verifier, state: flow.state, nonce: flow.nonce });
      await sessions.start(res, {
        actor: person.sub,
        role: person.role,
        department: person.department,
        name: person.name,
        via: 'oidc',
        ...(person.subjectCode ? { subjectCode: person.subjectCode } : {}),
      });
      res.redirect(303, localPath(flow.returnTo));
    } catch (error) {
      if (error instanceof AuthError)
        return sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, `Signed in, but not allowed: ${error.message}`, {
          reason: 'NO_HUB_ROLE',
        });
      options.log(`sign-in: the callback failed: ${(error as Error).message}`);
      sendGraphQLError(res, 400, ErrorCode.BAD_REQUEST, `Sign-in failed: ${(error as Error).message}`);
    }
  });
  app.all('/auth/callback', methodNotAllowed(['GET', 'HEAD']));

  app.get('/auth/me', async (req, res) => {
    noStore(res);
    const session = await sessions.read(req);
    if (session === 'invalid') sessions.clear(res);
    res.json(me(session === 'invalid' ? null : session));
  });
  app.all('/auth/me', methodNotAllowed(['GET', 'HEAD']));

  // POST only: a link or an image on a foreign page cannot sign an officer out.
  app.post('/auth/logout', async (req, res) => {
    noStore(res);
    if (!sameOrigin(req, options.publicOrigin))
      return sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, "Sign out from the hub's own pages", {
        reason: 'CROSS_SITE',
      });
    await sessions.end(req, res);
    if (wantsHtml(req)) return res.redirect(303, '/');
    res.json(me(null));
  });
  app.all('/auth/logout', methodNotAllowed(['POST']));

  // The development sign-in does not exist in production: the route is not there at all.
  if (production) return;
  app.get('/auth/dev', (req, res) => {
    noStore(res);
    res
      .type('html')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .send(devSignInPage(localPath(req.query.returnTo)));
  });
  app.post('/auth/dev', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    noStore(res);
    if (!sameOrigin(req, options.publicOrigin))
      return sendGraphQLError(res, 403, ErrorCode.FORBIDDEN, "Sign in from the hub's own pages", {
        reason: 'CROSS_SITE',
      });
    const body = (req.body ?? {}) as Record<string, unknown>;
    const role = DEV_ROLES[String(body.role) as keyof typeof DEV_ROLES];
    if (!role)
      return sendGraphQLError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        '`role` must be officer, supervisor, admin or enterprise',
        {
          field: 'role',
          rule: 'ONE_OF',
        },
      );
    const department = role === 'OFFICER' ? String(body.department ?? '') : null;
    if (department !== null && !(department in DEPARTMENTS))
      return sendGraphQLError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        `\`department\` must be one of ${Object.keys(DEPARTMENTS).join(', ')} for an officer`,
        { field: 'department', rule: 'ONE_OF' },
      );
    // An enterprise user (企业用户) is bound to the USCC it signs in as (its own 专项信用报告, docs/reports.md).
    const uscc =
      role === 'ENTERPRISE'
        ? String(body.uscc ?? '')
            .trim()
            .toUpperCase()
        : null;
    if (uscc !== null && !isUscc(uscc))
      return sendGraphQLError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        '`uscc` must be a valid USCC for an enterprise user',
        {
          field: 'uscc',
          rule: 'CHECK_CHARACTER',
        },
      );
    const label = department ? `${(DEPARTMENTS as Record<string, string>)[department]}工作人员` : '';
    const names = {
      OFFICER: label,
      SUPERVISOR: '监管人员',
      ADMIN: '平台管理员',
      ENTERPRISE: `企业用户 ${uscc ?? ''}`,
    } as const;
    const session = await sessions.start(res, {
      actor: `dev:${String(body.role)}${department ? `:${department}` : ''}${uscc ? `:${uscc}` : ''}`,
      role,
      department,
      name: `${names[role]}（开发）`,
      via: 'dev',
      ...(uscc ? { subjectCode: uscc } : {}),
    });
    if (wantsHtml(req)) return res.redirect(303, localPath(body.returnTo));
    res.json(me(session));
  });
  app.all('/auth/dev', methodNotAllowed(['GET', 'HEAD', 'POST']));
}
