import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { isUtf8, mediaType } from './http-errors.ts';

/**
 * GraphQL over HTTP on the hot path without Express's body parser and response helpers (ADR 0116). Measured under
 * the public profile load, `express.json` (content-type parsing, raw-body, iconv-lite decoding) and
 * `@as-integrations/express5` (res.send: a SHA-1 ETag of every answer, type and freshness checks) were a visible
 * share of every service's CPU, gateway and subgraphs alike, for work a JSON POST to /graphql does not need.
 *
 * `jsonBody` reads the common request itself — `Content-Type: application/json` (UTF-8), a `Content-Length` within
 * the limit, no `Content-Encoding` — and hands every other request to `express.json` exactly as before, so the
 * refusals (413, 415, compressed bodies, chunked bodies, bad charsets) keep their shape and wording. A body it reads
 * that is not a JSON object or array fails the way body-parser's does (`entity.parse.failed`, answered by
 * jsonErrorHandler). `graphqlHandler` runs Apollo Server's `executeHTTPGraphQLRequest` and writes its answer with
 * node:http's own calls.
 */

/** The body's length when the lean reader can take it; null: body-parser's turn. */
function plainJsonLength(req: IncomingMessage, limit: number): number | null {
  if (req.method !== 'POST') return null;
  if (req.headers['content-encoding'] !== undefined || req.headers['transfer-encoding'] !== undefined) return null;
  const declared = req.headers['content-length'];
  if (declared === undefined || !/^[0-9]{1,10}$/.test(declared)) return null;
  const length = Number(declared);
  if (length === 0 || length > limit) return null;
  const type = req.headers['content-type'];
  if (type === undefined) return null;
  const { type: media, charset } = mediaType(type);
  return media === 'application/json' && isUtf8(charset) ? length : null;
}

/** A body-parser-shaped error, for jsonErrorHandler to answer as it answers body-parser's own. */
function bodyError(message: string, type: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, type, expose: true });
}

/** The whole body of a request whose length was declared, or null when the client went away before its end. */
function readBody(req: IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    req.once('end', () => resolve(received === length ? Buffer.concat(chunks, received) : null));
    req.once('aborted', () => resolve(null));
    req.once('error', reject);
  });
}

// body-parser's strict mode: a JSON text whose first character (after blanks) opens an object or an array.
const FIRST_CHARACTER = /^[ \t\n\r]*([^ \t\n\r])/;
const NOT_PARSED = Symbol('not parsed');

function parseStrict(body: Buffer): unknown {
  // A UTF-8 byte order mark is dropped, as body-parser's decoder drops it.
  const text = body.toString('utf8', body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0);
  const first = FIRST_CHARACTER.exec(text)?.[1];
  if (first !== '{' && first !== '[') return NOT_PARSED;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_PARSED;
  }
}

/** `express.json({ limit })`, with the common JSON POST read without it (see above). */
export function jsonBody(limit: number): RequestHandler {
  const fallback = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) => {
    const length = plainJsonLength(req, limit);
    if (length === null) return fallback(req, res, next);
    readBody(req, length).then(
      (body) => {
        if (!body) return next(bodyError('request aborted', 'request.aborted'));
        const parsed = parseStrict(body);
        if (parsed === NOT_PARSED) return next(bodyError('invalid JSON', 'entity.parse.failed'));
        req.body = parsed;
        next();
      },
      () => next(bodyError('request aborted', 'request.aborted')),
    );
  };
}

/**
 * Runs a request through Apollo Server (as `expressMiddleware` does, the body read before it) and writes the answer
 * with node:http: its status, Apollo's headers, a Content-Length, the text.
 */
export function graphqlHandler<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (args: { req: Request; res: Response }) => Promise<C>,
): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return async (req: Request, res: ServerResponse) => {
    const headers = new HeaderMap();
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query >= 0 ? req.url.slice(query) : '',
        body: req.body as unknown,
      },
      context: () => context({ req, res: res as Response }),
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => unknown;

/**
 * `POST /graphql` past Express's router: the same handlers, in the order the app mounts them for that route, run one
 * after the other on the request and response Express would have given them (its request and response prototypes,
 * as `app.handle` sets them), an error going to the app's error handler. Matching every request against each of the
 * app's routes was a share of a subgraph's CPU without deciding anything for the one route it serves most. Every
 * other method and path goes to the app itself (`app` below), unchanged.
 */
export function directRoute(
  app: express.Express,
  handlers: readonly Handler[],
  onError: ErrorHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (incoming, outgoing) => {
    const req = incoming as Request;
    const res = outgoing as Response;
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null) as Response['locals'];
    let index = 0;
    // After an answer has started, an error can only end the connection (as Express's final handler does).
    const last = () => void req.socket.destroy();
    const next = (error?: unknown) => {
      if (error !== undefined && error !== null) {
        index = handlers.length;
        return void onError(error, req, res, last);
      }
      const handler = handlers[index++];
      if (!handler) return;
      try {
        const result = handler(req, res, next);
        if (result && typeof (result as Promise<unknown>).then === 'function')
          (result as Promise<unknown>).then(undefined, (rejected: unknown) => next(rejected ?? new Error('rejected')));
      } catch (thrown) {
        next(thrown);
      }
    };
    next();
  };
}

/** Whether a request is the one `directRoute` serves: exactly `POST /graphql`. */
export const isGraphqlPost = (req: IncomingMessage) => req.method === 'POST' && req.url === '/graphql';
