/**
 * `POST /imports` on the disclosure subgraph: the receiving end of the gateway's file upload. The gateway
 * authenticates the caller exactly as for GraphQL and signs its identity for this request (method, path
 * with query, 60 s expiry, a one-time value spent in the subgraph's replay cache, shared with /graphql);
 * this route refuses anything else, like /graphql does.
 *
 * The body is spooled to a temporary file while its SHA-256 is computed (the job's identity needs the
 * whole content), then the job runs in the background: the answer is 202 with the job, or — with
 * `?progress=ndjson` — a stream of NDJSON progress events until the job ends.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  BodyTooLarge,
  ByteLimit,
  ErrorCode,
  IDENTITY_HEADER,
  IdentityError,
  routeDigest,
  sendGraphQLError,
  verifyIdentity,
  type Identity,
  type RouteOptions,
} from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { Express, Request, Response } from 'express';
import { importProgress, type ImportProgressEvent } from './events.ts';
import { openJob, runJob, type ImportCaller, type ImportFile, type JobProgress } from './jobs.ts';
import { findJob } from './reads.ts';
import { ImportRejected, mayImport, parseKind, uploadFormat } from './rules.ts';

export interface ImportRouteConfig {
  /** Largest accepted file (bytes); the gateway has its own limit in front of it. */
  limitBytes?: number;
  /** Where uploads are spooled while their job runs (default: the OS temporary directory). */
  spoolDir?: string;
  chunkSize?: number;
  /** PERSON_KEY_SECRET, from the subgraph's configuration. */
  personKeySecret: string;
  /** Pinned "today" for validation (tests). */
  today?: string;
}

export const DEFAULT_UPLOAD_LIMIT = 200 * 1024 * 1024;

/** Runs in this process: a second upload of a file whose job is running here joins it instead of racing it. */
const running = new Map<string, Promise<unknown>>();
const listeners = new Map<string, Set<(event: ImportProgressEvent) => void>>();

function publish(jobId: string, event: ImportProgressEvent) {
  for (const listener of listeners.get(jobId) ?? []) listener(event);
}

export function importRoutes(config: ImportRouteConfig) {
  const limit = config.limitBytes ?? DEFAULT_UPLOAD_LIMIT;
  return (app: Express, options: RouteOptions) => {
    const db: Db = options.db;
    app.post('/imports', async (req: Request, res: Response) => {
      // Who is calling: the gateway's signed identity for exactly this request, used once.
      const header = req.header(IDENTITY_HEADER);
      if (!header || options.internalSecret === null)
        return sendGraphQLError(
          res,
          401,
          ErrorCode.UNAUTHENTICATED,
          'This route answers only the gateway: missing signed identity',
          {
            reason: header ? 'UNVERIFIABLE' : 'MISSING',
          },
        );
      let identity: Identity;
      try {
        identity = await verifyIdentity(
          header,
          options.internalSecret,
          routeDigest('POST', req.originalUrl),
          options.replay,
        );
      } catch (error) {
        return error instanceof IdentityError
          ? sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, error.message, { reason: error.reason })
          : sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, 'internal identity header rejected', {
              reason: 'UNVERIFIABLE',
            });
      }
      if (!mayImport(identity))
        return sendGraphQLError(
          res,
          403,
          ErrorCode.FORBIDDEN,
          "Only a department's officers and its systems with the write scope may import 双公示 files",
        );
      const department = typeof req.query.department === 'string' ? req.query.department : identity.department;
      if (department !== identity.department)
        return sendGraphQLError(
          res,
          403,
          ErrorCode.FORBIDDEN,
          `A caller of ${identity.department} cannot import for ${department}`,
          {
            field: 'department',
          },
        );
      const format = uploadFormat(req.header('content-type'));
      if (typeof format !== 'string')
        return sendGraphQLError(res, format.status, ErrorCode.UNSUPPORTED_MEDIA_TYPE, format.error);
      const kind = parseKind(req.query.kind);
      if (kind === 'invalid')
        return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, 'kind must be CF (行政处罚) or XK (行政许可)', {
          field: 'kind',
          rule: 'ENUM',
        });
      const declared = Number(req.header('content-length') ?? 0);
      if (declared > limit)
        return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The file exceeds ${limit} bytes`, { limit });

      const dir = await mkdtemp(path.join(config.spoolDir ?? tmpdir(), 'disclosure-upload-'));
      const cleanup = () => rm(dir, { recursive: true, force: true }).catch(() => undefined);
      // Counted and hashed on the way to disk: the job's identity is the digest of the whole file.
      const spool = new ByteLimit(limit, { hash: 'sha256' });
      const file: ImportFile = {
        path: path.join(dir, format === 'CSV' ? 'upload.csv' : 'upload.json'),
        format,
        fileName: typeof req.query.fileName === 'string' ? req.query.fileName.slice(0, 255) : null,
        kind,
      };
      try {
        await pipeline(req, spool, createWriteStream(file.path));
      } catch (error) {
        await cleanup();
        if (error instanceof BodyTooLarge)
          return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The file exceeds ${limit} bytes`, { limit });
        return sendGraphQLError(
          res,
          400,
          ErrorCode.BAD_REQUEST,
          'The upload was interrupted before the whole file arrived',
        );
      }
      file.sha256 = spool.digest();
      const caller: ImportCaller = {
        identity,
        department,
        channel: 'UPLOAD',
        requestId: req.header('x-request-id') ?? randomUUID(),
      };
      let opened;
      try {
        opened = await openJob(db, file, caller);
      } catch (error) {
        await cleanup();
        if (error instanceof ImportRejected)
          return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, error.message, {
            field: 'file',
            rule: error.rule,
          });
        throw error;
      }
      const { job } = opened;
      const wantsStream =
        req.query.progress === 'ndjson' || (req.header('accept') ?? '').includes('application/x-ndjson');

      if (!opened.finished && !running.has(job.id)) {
        const run = runJob(db, job.id, file, caller, {
          chunkSize: config.chunkSize,
          today: config.today,
          personKeySecret: config.personKeySecret,
          onProgress: (p: JobProgress) => publish(job.id, importProgress('progress', p.job, p)),
        })
          .then((result) => publish(job.id, importProgress('done', result.job)))
          .catch(async (error: Error) => {
            const failed = await findJob(db, job.id).catch(() => null);
            publish(job.id, importProgress('failed', failed ?? job, undefined, error.message));
          })
          .finally(() => {
            running.delete(job.id);
            listeners.delete(job.id);
            void cleanup();
          });
        running.set(job.id, run);
      } else void cleanup();

      if (!wantsStream) {
        res.status(202).json({ job: importProgress('accepted', job).job });
        return;
      }
      // NDJSON: one event per line, flushed as chunks commit, ending with done or failed.
      res.status(202).type('application/x-ndjson');
      res.setHeader('cache-control', 'no-store');
      const write = (event: ImportProgressEvent) => res.write(`${JSON.stringify(event)}\n`);
      write(importProgress('accepted', job));
      if (!running.has(job.id)) {
        const current = (await findJob(db, job.id)) ?? job;
        write(importProgress(current.status === 'DONE' ? 'done' : 'failed', current));
        res.end();
        return;
      }
      const listener = (event: ImportProgressEvent) => {
        write(event);
        if (event.event !== 'progress') res.end();
      };
      const set = listeners.get(job.id) ?? new Set();
      set.add(listener);
      listeners.set(job.id, set);
      res.on('close', () => set.delete(listener));
    });
  };
}
