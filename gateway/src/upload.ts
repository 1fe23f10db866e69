/**
 * `POST /imports/disclosure`: 双公示 file upload (CSV or JSON in the national format) through the gateway.
 *
 * The caller is authenticated exactly as for /graphql (JWT, API key, or the console's session cookie from the hub's
 * own pages; a wrong credential is refused, never downgraded), must be allowed to write for its department (officers, systems with the write scope), and
 * must send a non-simple content type (text/csv or application/json): a cross-site form cannot. The body
 * is streamed to the disclosure subgraph's /imports with the identity signed for that exact request
 * (method, path and query, 60 s expiry, good for one use); the gateway never buffers the file, and stops
 * it at the configured size with 413.
 */
import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import {
  canWrite,
  checkStorableText,
  ErrorCode,
  IDENTITY_HEADER,
  isUtf8,
  mediaType,
  methodNotAllowed,
  refusal,
  routeDigest,
  sendGraphQLError,
  sendRefusal,
  signIdentity,
} from '@credit-hub/kit';
import type { Express, NextFunction, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { authenticateRequests, identityOf, type ApiKeyVerifier, type JwtVerifier, type SessionAuth } from './auth.ts';

export const DEFAULT_UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;
const ACCEPTED_TYPES = ['text/csv', 'application/json'];

export interface UploadOptions {
  jwt: JwtVerifier;
  keys: ApiKeyVerifier;
  internalSecret: string;
  /** The disclosure subgraph's GraphQL URL; its /imports route sits beside /graphql. */
  disclosureUrl: string;
  limitBytes: number;
  /** The gateway's rate limiter, applied after authentication like for /graphql. */
  rateLimit: (req: Request, res: Response, next: NextFunction) => void;
  /**
   * Console sessions, read as the GraphQL route reads them: an officer signed in to the console uploads with the
   * session cookie (same origin only, so a foreign page cannot post a file with it).
   */
  console?: SessionAuth;
}

/** Stops a body at the limit: the upstream request is aborted and the caller gets 413. */
class Limit extends Transform {
  bytes = 0;
  exceeded = false;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: Buffer) => void,
  ) {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      this.exceeded = true;
      return callback(new Error('upload exceeds the limit'));
    }
    callback(null, chunk);
  }
}

export function mountUploads(app: Express, options: UploadOptions): void {
  const base = new URL(options.disclosureUrl);
  app.post(
    '/imports/disclosure',
    authenticateRequests(options.jwt, options.keys, options.console),
    (req: Request, res: Response, next: NextFunction) => {
      if (identityOf(req).role !== 'PUBLIC') return next();
      sendGraphQLError(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        'Uploads need a credential: Authorization: Bearer <token>, an x-api-key or a console session',
      );
    },
    options.rateLimit,
    async (req: Request, res: Response) => {
      const identity = identityOf(req);
      if (!identity.department || !canWrite(identity, 'SHARED', 'platform'))
        return sendGraphQLError(
          res,
          403,
          ErrorCode.FORBIDDEN,
          "Only a department's officers and its systems with the write scope may import 双公示 files",
        );
      const refused = refuseUpload(req);
      if (refused) return sendRefusal(res, refused);
      const declared = Number(req.header('content-length') ?? 0);
      if (declared > options.limitBytes)
        return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The file exceeds ${options.limitBytes} bytes`, {
          limit: options.limitBytes,
        });

      const query = new URL(req.originalUrl, 'http://gateway').search;
      const target = new URL(`/imports${query}`, base);
      const pathWithQuery = `${target.pathname}${target.search}`;
      const limit = new Limit(options.limitBytes);
      const body = req.pipe(limit);
      req.on('error', (error) => limit.destroy(error));
      const abort = new AbortController();
      limit.on('error', () => {
        abort.abort();
        // Read the rest away so the client gets the 413 instead of a reset connection.
        req.unpipe(limit);
        req.resume();
      });
      res.on('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      try {
        const upstream = await fetch(target, {
          method: 'POST',
          signal: abort.signal,
          headers: {
            'content-type': req.header('content-type')!,
            ...(req.header('accept') ? { accept: req.header('accept')! } : {}),
            'x-request-id': req.header('x-request-id') ?? randomUUID(),
            [IDENTITY_HEADER]: await signIdentity(identity, options.internalSecret, routeDigest('POST', pathWithQuery)),
          },
          body: Readable.toWeb(body) as ReadableStream,
          duplex: 'half',
        } as RequestInit & { duplex: 'half' });
        const contentType = upstream.headers.get('content-type') ?? '';
        // Only the subgraph's JSON answers and NDJSON progress are relayed; anything else (a proxy's
        // error page) would break the promise that every answer is JSON.
        if (!/^application\/(json|x-ndjson)\b/.test(contentType)) {
          abort.abort();
          return sendGraphQLError(
            res,
            502,
            ErrorCode.SUBGRAPH_UNAVAILABLE,
            `The disclosure subgraph answered ${upstream.status} without JSON`,
            { serviceName: 'disclosure', status: upstream.status },
          );
        }
        res.status(upstream.status);
        res.setHeader('content-type', contentType);
        res.setHeader('cache-control', 'no-store');
        if (!upstream.body) return res.end();
        // NDJSON progress is relayed line by line as the subgraph writes it.
        Readable.fromWeb(upstream.body as never)
          .on('error', () => res.destroy())
          .pipe(res);
      } catch (error) {
        if (limit.exceeded) {
          res.setHeader('connection', 'close');
          return sendGraphQLError(
            res,
            413,
            ErrorCode.PAYLOAD_TOO_LARGE,
            `The file exceeds ${options.limitBytes} bytes`,
            {
              limit: options.limitBytes,
            },
          );
        }
        if (res.headersSent || res.destroyed) return;
        return sendGraphQLError(res, 503, ErrorCode.SUBGRAPH_UNAVAILABLE, 'The disclosure subgraph is unavailable', {
          serviceName: 'disclosure',
          reason: (error as Error).message,
        });
      }
    },
  );
  app.all('/imports/disclosure', methodNotAllowed(['POST']));
}

/**
 * What the gateway refuses before streaming an upload on: a content type other than CSV or JSON (a
 * cross-site form cannot send either), a charset other than UTF-8, a compressed body (it would be
 * relayed as if it were the file), and query parameters the import would store but the database
 * cannot (a NUL in `fileName`).
 */
function refuseUpload(req: Request) {
  const { type, charset } = mediaType(req.header('content-type'));
  if (!ACCEPTED_TYPES.includes(type))
    return refusal(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      415,
      'An upload must be sent with Content-Type text/csv or application/json (a form or text/plain post is ' +
        'refused: cross-site request protection)',
    );
  if (!isUtf8(charset))
    return refusal(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      415,
      `Files must be UTF-8 (charset=${charset!.slice(0, 40)} given): convert the file first`,
    );
  const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity')
    return refusal(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      415,
      'An upload is sent uncompressed (no Content-Encoding): the file is stored as it arrives',
    );
  try {
    checkStorableText(Object.fromEntries(new URL(req.originalUrl, 'http://gateway').searchParams), '');
  } catch (error) {
    return error as GraphQLError;
  }
  return null;
}

export const DEFAULT_REPAIR_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
/** The types a repair file may be declared as: none is a type a cross-site form can send. */
const REPAIR_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'];

export interface RepairUploadOptions {
  jwt: JwtVerifier;
  keys: ApiKeyVerifier;
  internalSecret: string;
  /** The repair subgraph's GraphQL URL; its /uploads route sits beside /graphql. */
  repairUrl: string;
  limitBytes: number;
  rateLimit: (req: Request, res: Response, next: NextFunction) => void;
  /**
   * Sessions, read as the GraphQL route reads them: the enterprise signed in on the site (统一身份认证, or /auth/dev
   * in development) uploads its files with the session cookie, from the hub's own pages only (same origin).
   */
  console?: SessionAuth;
}

/**
 * `POST /uploads/repair?case=<id>&purpose=<purpose>&fileName=<name>`: a file of a 信用修复 / 异议 case (承诺书 scan,
 * proof of performance, authorisation letter, evidence), sent by the signed-in enterprise. The caller is authenticated
 * as for /graphql; the body (at most `limitBytes`, a few megabytes, so it is held in memory) is passed to the repair
 * subgraph's /uploads with the identity signed for that exact request, which checks the case, sniffs the type from
 * the content, hashes and stores it (subgraphs/repair/src/uploads.ts).
 */
export function mountRepairUploads(app: Express, options: RepairUploadOptions): void {
  const base = new URL(options.repairUrl);
  app.post(
    '/uploads/repair',
    authenticateRequests(options.jwt, options.keys, options.console),
    (req: Request, res: Response, next: NextFunction) => {
      if (identityOf(req).role !== 'PUBLIC') return next();
      sendGraphQLError(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        'Uploads need the enterprise signed in: Authorization: Bearer <token>, or the site session',
      );
    },
    options.rateLimit,
    async (req: Request, res: Response) => {
      const { type } = mediaType(req.header('content-type'));
      if (!REPAIR_TYPES.includes(type))
        return sendGraphQLError(
          res,
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'A repair file is sent as its own body with Content-Type application/pdf, image/jpeg or image/png (a form post is refused: cross-site request protection)',
        );
      if ((req.header('content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity')
        return sendGraphQLError(
          res,
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'A file is sent uncompressed (no Content-Encoding)',
        );
      if (Number(req.header('content-length') ?? 0) > options.limitBytes)
        return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The file exceeds ${options.limitBytes} bytes`, {
          limit: options.limitBytes,
        });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= options.limitBytes) chunks.push(chunk);
      }
      if (size > options.limitBytes)
        return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The file exceeds ${options.limitBytes} bytes`, {
          limit: options.limitBytes,
        });
      const query = new URL(req.originalUrl, 'http://gateway').search;
      const target = new URL(`/uploads${query}`, base);
      try {
        const upstream = await fetch(target, {
          method: 'POST',
          headers: {
            'content-type': type,
            'x-request-id': req.header('x-request-id') ?? randomUUID(),
            [IDENTITY_HEADER]: await signIdentity(
              identityOf(req),
              options.internalSecret,
              routeDigest('POST', `${target.pathname}${target.search}`),
            ),
          },
          body: Buffer.concat(chunks),
        });
        if (!/^application\/json\b/.test(upstream.headers.get('content-type') ?? ''))
          return sendGraphQLError(
            res,
            502,
            ErrorCode.SUBGRAPH_UNAVAILABLE,
            `The repair subgraph answered ${upstream.status} without JSON`,
            {
              serviceName: 'repair',
            },
          );
        res
          .status(upstream.status)
          .setHeader('cache-control', 'no-store')
          .json(await upstream.json());
      } catch (error) {
        return sendGraphQLError(res, 503, ErrorCode.SUBGRAPH_UNAVAILABLE, 'The repair subgraph is unavailable', {
          serviceName: 'repair',
          reason: (error as Error).message,
        });
      }
    },
  );
  app.all('/uploads/repair', methodNotAllowed(['POST']));
}
