import { STATUS_CODES, type Server } from 'node:http';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.ts';
import { requestIdOf } from './observability/http.ts';

/**
 * Every refusal at every HTTP route of the hub — made before Apollo Server runs (body too large, rate
 * limited, bad token), by Express (unknown route, wrong method, unreadable body) or by Node's HTTP parser
 * (malformed request) — answers in GraphQL's error shape with a stable code, never an HTML page or a
 * stack trace, so clients handle every refusal alike. docs/security.md lists the codes.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/** Sends a refusal made with `refusal()` (its status travels in extensions.http). */
export function sendRefusal(res: Response, error: GraphQLError) {
  const { http, code, ...extra } = error.extensions as { http?: { status?: number }; code: ErrorCode };
  sendGraphQLError(res, http?.status ?? 400, code, error.message, extra);
}

/** A Content-Type header's media type and charset, lower case (`''` and undefined when absent). */
export function mediaType(header: string | undefined): { type: string; charset: string | undefined } {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  return { type, charset };
}

/** UTF-8, however it is spelled; an absent charset means UTF-8 for JSON and for our CSV uploads. */
export const isUtf8 = (charset: string | undefined) =>
  charset === undefined || charset === 'utf-8' || charset === 'utf8';

/** The code a bare HTTP status stands for, for errors raised by Express and its middleware. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
      return ErrorCode.ROUTE_NOT_FOUND;
    case 405:
      return ErrorCode.METHOD_NOT_ALLOWED;
    case 406:
      return ErrorCode.NOT_ACCEPTABLE;
    case 408:
      return ErrorCode.REQUEST_TIMEOUT;
    case 413:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case 415:
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case 429:
      return ErrorCode.RATE_LIMITED;
    case 431:
      return ErrorCode.HEADERS_TOO_LARGE;
    default:
      return status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
  }
}

/** Answers any path no route took: 404 ROUTE_NOT_FOUND (mounted last, before the error handler). */
export const routeNotFound: RequestHandler = (req, res) =>
  sendGraphQLError(res, 404, ErrorCode.ROUTE_NOT_FOUND, `There is no route ${req.method} ${req.path}`);

/** Mounted with app.all() after a route's own methods: any other method gets 405 and the Allow header. */
export const methodNotAllowed =
  (allowed: string[]): RequestHandler =>
  (req, res) => {
    res.setHeader('allow', allowed.join(', '));
    sendGraphQLError(
      res,
      405,
      ErrorCode.METHOD_NOT_ALLOWED,
      `${req.path} does not take ${req.method}: use ${allowed.join(' or ')}`,
      { allowed },
    );
  };

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  charset?: string;
  encoding?: string;
  limit?: number;
}

/** Says in the caller's terms what body-parser (express.json) refused. */
function describeBodyError(error: HttpError, status: number): string {
  switch (error.type) {
    case 'entity.too.large':
      return `The request body exceeds ${error.limit} bytes`;
    case 'entity.parse.failed':
      return 'The request body is not valid JSON (a JSON object, or an array of them when batching is on)';
    case 'charset.unsupported':
      return `The request body must be UTF-8 (charset "${error.charset ?? '?'}" is not accepted)`;
    case 'encoding.unsupported':
      return `Content-Encoding "${error.encoding ?? '?'}" is not accepted: send the body uncompressed or as gzip, deflate or br`;
    case 'request.aborted':
      return 'The request body ended before its declared length';
    case 'request.size.invalid':
      return 'The request body does not match its Content-Length';
    default:
      return status === 400 && !error.type
        ? 'The request body could not be read as its Content-Encoding says (corrupt compressed data)'
        : (STATUS_CODES[status] ?? 'Bad request');
  }
}

/**
 * The last handler of an app: errors raised by Express or its middleware become JSON refusals. A 4xx
 * keeps its status with a code for it; anything else is an internal error, logged here in full and
 * answered with a generic message (no stack trace, no path, in any mode).
 */
export function jsonErrorHandler(
  log: (line: string, error: unknown, requestId: string | undefined) => void,
): ErrorRequestHandler {
  return (error: HttpError, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const extra = error.type === 'entity.too.large' ? { limit: error.limit } : {};
      return sendGraphQLError(res, status, codeForStatus(status), describeBodyError(error, status), extra);
    }
    log('unexpected error answering an HTTP request', error, requestIdOf(res));
    sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  };
}

/**
 * Requests Node's HTTP parser refuses (a malformed request line or header, headers over the limit, a
 * request that does not arrive in time) never reach Express; Node would answer with a bare status line.
 * This answers them in the same JSON shape, then closes the connection (the stream can no longer be
 * trusted to be at a request boundary).
 */
export function answerClientErrorsAsJson(server: Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const message =
      status === 431
        ? 'The request headers are too large'
        : status === 408
          ? 'The request did not arrive in time'
          : 'The request is not well-formed HTTP';
    const body = JSON.stringify({ errors: [{ message, extensions: { code: codeForStatus(status) } }] });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
