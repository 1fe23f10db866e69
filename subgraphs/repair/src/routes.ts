/**
 * `POST /uploads?case=<id>&purpose=<COMMITMENT|PROOF|AUTHORISATION|EVIDENCE>&fileName=<name>`: a file of a case, sent
 * by its applicant through the gateway's `POST /uploads/repair` (which authenticates the caller and signs the identity
 * for exactly this request). The body is the file itself (application/pdf, image/jpeg or image/png). Its type is told
 * by its first bytes, never by the name or the declared type; its size is limited (REPAIR_FILE_LIMIT_BYTES) and
 * counted as it arrives; it is stored with its SHA-256 in repair.file, never public, and the upload is audited.
 * Only a case in DRAFT or RETURNED (补正) takes files.
 */
import {
  ErrorCode,
  IDENTITY_HEADER,
  IdentityError,
  routeDigest,
  sendGraphQLError,
  verifyIdentity,
  type Identity,
  type RouteOptions,
} from '@credit-hub/kit';
import { appendAudit } from '@credit-hub/kit';
import type { Express, Request, Response } from 'express';
import type { Config } from './context.ts';
import { sha256, sniff, type FilePurpose } from './rules.ts';

const PURPOSES: readonly FilePurpose[] = ['COMMITMENT', 'PROOF', 'AUTHORISATION', 'EVIDENCE'];

export function uploadRoutes(config: Config) {
  return (app: Express, options: RouteOptions) => {
    app.post('/uploads', async (req: Request, res: Response) => {
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
        return sendGraphQLError(
          res,
          401,
          ErrorCode.UNAUTHENTICATED,
          error instanceof IdentityError ? error.message : 'internal identity header rejected',
          {
            reason: error instanceof IdentityError ? error.reason : 'UNVERIFIABLE',
          },
        );
      }
      const caseId = String(req.query.case ?? '');
      const purpose = String(req.query.purpose ?? '') as FilePurpose;
      const fileName = String(req.query.fileName ?? '').trim();
      if (!/^\d{1,18}$/.test(caseId))
        return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, '`case` must be a numeric case id', {
          field: 'case',
          rule: 'FORMAT',
        });
      if (!PURPOSES.includes(purpose))
        return sendGraphQLError(
          res,
          400,
          ErrorCode.BAD_USER_INPUT,
          `\`purpose\` must be one of ${PURPOSES.join(', ')}`,
          {
            field: 'purpose',
            rule: 'ENUM',
          },
        );
      if (
        !fileName ||
        fileName.length > 200 ||
        [...fileName].some((c) => c.charCodeAt(0) < 0x20 || c === '/' || c === '\\')
      )
        return sendGraphQLError(
          res,
          400,
          ErrorCode.BAD_USER_INPUT,
          '`fileName` must hold 1–200 characters, no path or control characters',
          {
            field: 'fileName',
            rule: 'FORMAT',
          },
        );
      const row = await options.db.prisma.repairCase.findUnique({
        where: { id: BigInt(caseId) },
        select: { id: true, subjectCode: true, state: true, _count: { select: { files: true } } },
      });
      if (!row)
        return sendGraphQLError(res, 404, ErrorCode.NOT_FOUND, `Repair case ${caseId} not found`, { field: 'case' });
      if (identity.role !== 'ENTERPRISE' || identity.subjectCode !== row.subjectCode)
        return sendGraphQLError(
          res,
          403,
          ErrorCode.FORBIDDEN,
          'Only the applicant (the enterprise user bound to the subject) may add files to its case',
          {
            rule: 'APPLICANT_ONLY',
          },
        );
      if (row.state !== 'DRAFT' && row.state !== 'RETURNED')
        return sendGraphQLError(
          res,
          409,
          ErrorCode.CONFLICT,
          `case ${caseId} is ${row.state}: files are added to a draft or during 补正 only`,
          {
            field: 'case',
            rule: 'STATE',
          },
        );
      if (row._count.files >= config.filesPerCase)
        return sendGraphQLError(
          res,
          409,
          ErrorCode.CONFLICT,
          `case ${caseId} holds ${config.filesPerCase} files already (the limit)`,
          {
            field: 'case',
            rule: 'FILE_COUNT',
          },
        );
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      try {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > config.fileLimitBytes) {
            tooLarge = true;
            continue; // read the rest away so that the client gets the 413, not a reset connection
          }
          chunks.push(chunk);
        }
      } catch {
        return; // the client went away
      }
      if (tooLarge)
        return sendGraphQLError(
          res,
          413,
          ErrorCode.PAYLOAD_TOO_LARGE,
          `The file exceeds ${config.fileLimitBytes} bytes`,
          {
            limit: config.fileLimitBytes,
          },
        );
      const content = Buffer.concat(chunks);
      const mediaType = sniff(content);
      if (!mediaType)
        return sendGraphQLError(
          res,
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'A file must be a PDF, JPEG or PNG (told by its content, not its name)',
          {
            field: 'body',
            rule: 'FILE_TYPE',
          },
        );
      const hash = sha256(content);
      const stored = await options.db.prisma.$transaction(async (tx) => {
        const file = await tx.repairFile.create({
          data: {
            caseId: row.id,
            purpose,
            fileName,
            mediaType,
            size: content.length,
            sha256: hash,
            content,
            uploadedBy: identity.actor,
          },
          omit: { content: true },
        });
        await appendAudit(
          options.db,
          identity,
          { requestId: req.header('x-request-id') ?? 'upload', subgraph: 'repair' },
          [
            {
              action: 'WRITE',
              subjectCode: row.subjectCode,
              fields: ['POST /uploads/repair'],
              detail: `case ${caseId} file ${file.id} ${purpose} sha256 ${hash}`,
            },
          ],
          tx as never,
        );
        return file;
      });
      res.status(201).json({
        id: String(stored.id),
        purpose,
        fileName,
        mediaType,
        size: stored.size,
        sha256: hash,
      });
    });
  };
}
