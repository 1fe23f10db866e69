import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web app's build (web/dist, made by `npm run build -w web` or by `npm start` when missing or stale). */
export const WEB_DIST = path.resolve(here, '../../web/dist');

/**
 * The site's page paths (web/src/router.ts): only these are answered with index.html. Any other path stays the
 * gateway's JSON 404 (ROUTE_NOT_FOUND) — no soft 404s for probes like /.env or /admin, and an unknown API path is
 * never mistaken for a page. A new page adds its path here (docs/web.md, "How to add a page").
 */
export const WEB_PAGES =
  /^\/(search|lists|my|console|console\/dashboards(\/[^/]{1,64})?|repair|verify|report\/special|subject\/[^/]{1,64}|guide\/(repair|objection))?\/?$/;

/**
 * What the site may load: itself only. No CDN, web font, analytics or captcha service could load even if a
 * dependency tried (the air-gap rule, enforced by the browser). Inline styles are allowed for Element Plus and
 * the proof-of-work widget, which also runs its workers from blob: URLs.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the public site and console shell (Vue, web/) at `/`: hashed assets cached for a year, each page path
 * (WEB_PAGES) answered with index.html (the client-side router draws it), with a strict Content-Security-Policy.
 * Without a build nothing is mounted (`npm start` builds it first; the developers' page is /explorer).
 */
export function mountWebApp(app: Express, dist: string = WEB_DIST): void {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return;
  app.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true, index: false }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!WEB_PAGES.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
