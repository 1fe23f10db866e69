import { timingSafeEqual } from 'node:crypto';
import { badInput, notFound, toIsoDate } from '@credit-hub/kit';
import { contentDigest, publicContent, specialContent } from '../content/rules.ts';
import type { Context } from '../context.ts';
import type { QueryVerifyReportArgs } from '../__generated__/types.ts';
import { readSubject } from '../graph/reads.ts';
import { verifyText } from '../keys/rules.ts';
import type { ReportVerificationMapper } from '../mappers.ts';
import { reportByNumber } from '../reads.ts';
import { KIND_LABELS, normaliseCode, signedText, validityStatement } from '../rules.ts';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks a report by number and 查验码: the stored record's signature against the published key, the caller's PDF
 * hash if given, and whether the subject's record changed since (the report's data digest against one computed from
 * the graph now, for the same kind and period). An unknown number and a wrong code get the same NOT_FOUND.
 */
export async function verifyReport(ctx: Context, args: QueryVerifyReportArgs): Promise<ReportVerificationMapper> {
  const given = args.pdfSha256?.trim().toLowerCase();
  if (given !== undefined && !/^[0-9a-f]{64}$/.test(given))
    throw badInput('pdfSha256', 'FORMAT', 'pdfSha256 must be a SHA-256 in hexadecimal (64 characters 0-9, a-f)');
  const number = args.number.trim().toUpperCase();
  const code = normaliseCode(args.code);
  const report = /^XY\d{20}$/.test(number) ? await reportByNumber(ctx.db, number) : null;
  if (!report || !code || !same(report.verification_code, code))
    throw notFound('Report', number, {
      field: 'code',
      hint: 'no issued report has this number and verification code (查验码)',
    });
  const signatureValid = verifyText(
    ctx.config.keys,
    report.key_id,
    signedText(report.number, report.pdf_sha256),
    report.signature,
  );
  const pdfMatches = given ? same(given, report.pdf_sha256) : null;
  let changedSinceIssue: boolean | null = null;
  try {
    const subject = await readSubject(ctx.config.gatewayUrl(), report.subject_code, ctx.requestId);
    if (subject) {
      const from = toIsoDate(report.period_from);
      const to = toIsoDate(report.period_to);
      const now = report.kind === 'PUBLIC_INFORMATION' ? publicContent(subject) : specialContent(subject, from!, to!);
      changedSinceIssue = contentDigest(now) !== report.data_digest;
    } else changedSinceIssue = true;
  } catch {
    // The graph could not be read: the report itself is still verified; only the comparison is unknown.
    changedSinceIssue = null;
  }
  return {
    number: report.number,
    kind: report.kind,
    kindLabel: KIND_LABELS[report.kind],
    subjectCode: report.subject_code,
    subjectName: report.subject_name,
    issuedAt: report.issued_at,
    dataCutoff: report.data_cutoff,
    periodFrom: toIsoDate(report.period_from),
    periodTo: toIsoDate(report.period_to),
    pdfSha256: report.pdf_sha256,
    keyId: report.key_id,
    signature: report.signature,
    signatureValid,
    pdfMatches,
    changedSinceIssue,
    statement: signatureValid
      ? validityStatement({ number: report.number, kind: report.kind, issuedAt: report.issued_at }, changedSinceIssue)
      : `报告编号 ${report.number} 的签名核验未通过，请联系出具机构。`,
  };
}
