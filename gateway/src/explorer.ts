import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, methodNotAllowed, sendGraphQLError } from '@credit-hub/kit';
import type { Express, Request, Response } from 'express';
import { introspectionFromSchema, type GraphQLSchema } from 'graphql';
import { EXPLORER_EXAMPLES } from './explorer-examples.ts';
import type { Sessions } from './session/session.ts';

/**
 * The developer explorer (开发者查询工具) at /explorer: GraphiQL with the schema's documentation, served entirely
 * from this gateway — the npm packages' own prebuilt browser bundles of React 18 and GraphiQL 4, and one small
 * script of ours (gateway/explorer/explorer.js). Nothing loads from a CDN, and the page's Content-Security-Policy
 * forbids it: the explorer works on an air-gapped network.
 *
 * In development anyone may use it (introspection is on). In production only a signed-in console user may: the
 * public gets a redirect to the sign-in; GraphQL introspection stays off for everyone, and a signed-in person's
 * explorer gets the schema from /explorer/schema.json instead.
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const here = path.dirname(fileURLToPath(import.meta.url));

/** The files the page loads, by the name it loads them under. */
const ASSETS: Record<string, string> = {
  'react.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': path.join(packageDir('graphiql'), 'dist', 'index.umd.js'),
  'graphiql.css': path.join(packageDir('graphiql'), 'dist', 'style.css'),
  'explorer.js': path.resolve(here, '../explorer/explorer.js'),
};

/**
 * GraphiQL's editors set inline styles and its fonts are data: URLs inside its stylesheet; everything else must come
 * from this origin.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>开发者查询工具 · 信用信息共享平台</title>
<link rel="stylesheet" href="/explorer/assets/graphiql.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer">加载中…</div>
<script src="/explorer/assets/react.js"></script>
<script src="/explorer/assets/react-dom.js"></script>
<script src="/explorer/assets/graphiql.js"></script>
<script src="/explorer/assets/explorer.js"></script>
</body>
</html>
`;

/** Keeps the API schema the gateway serves (the supergraph minus its federation internals), as it is reloaded. */
export function schemaKeeper(): { plugin: ApolloServerPlugin; current(): GraphQLSchema | null } {
  let schema: GraphQLSchema | null = null;
  return {
    plugin: {
      async serverWillStart() {
        return {
          schemaDidLoadOrUpdate({ apiSchema }) {
            schema = apiSchema;
          },
        };
      },
    },
    current: () => schema,
  };
}

export interface ExplorerOptions {
  production: boolean;
  sessions: Sessions;
  schema: () => GraphQLSchema | null;
}

export function mountExplorer(app: Express, options: ExplorerOptions): void {
  const { production, sessions } = options;

  /** In production: only a signed-in person; a browser is sent to the sign-in and brought back. */
  const allowed = async (req: Request, res: Response, page: boolean): Promise<boolean> => {
    if (!production) return true;
    const session = await sessions.read(req);
    if (session && session !== 'invalid') return true;
    if (page) res.redirect(302, `/auth/login?returnTo=${encodeURIComponent('/explorer')}`);
    else sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in to use the explorer in production');
    return false;
  };

  app.get('/explorer', async (req, res) => {
    if (!(await allowed(req, res, true))) return;
    res.set('Cache-Control', 'no-store').set('Content-Security-Policy', CSP).type('html').send(PAGE);
  });
  app.get('/explorer/config.json', async (req, res) => {
    if (!(await allowed(req, res, false))) return;
    res.set('Cache-Control', 'no-store').json({
      schemaUrl: production ? '/explorer/schema.json' : null,
      tabs: EXPLORER_EXAMPLES.map((e) => ({
        query: `# ${e.title}\n${e.query}`,
        variables: JSON.stringify(e.variables, null, 2),
      })),
    });
  });
  app.get('/explorer/schema.json', async (req, res) => {
    if (!(await allowed(req, res, false))) return;
    const schema = options.schema();
    if (!schema) return sendGraphQLError(res, 503, ErrorCode.SUBGRAPH_UNAVAILABLE, 'The schema is not loaded yet');
    res.set('Cache-Control', 'no-store').json(introspectionFromSchema(schema));
  });
  app.get('/explorer/assets/:file', (req, res, next) => {
    const file = ASSETS[String(req.params.file)];
    if (!file) return next();
    // The bundles are public code, the same for everyone: no sign-in needed to fetch them.
    res.sendFile(file, { maxAge: production ? '1d' : 0, headers: { 'X-Content-Type-Options': 'nosniff' } });
  });
  for (const route of ['/explorer', '/explorer/config.json', '/explorer/schema.json'])
    app.all(route, methodNotAllowed(['GET', 'HEAD']));
}
