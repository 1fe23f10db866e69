import { chinaToday, clock, forbidden, notFound, toIsoDate, z } from '@credit-hub/kit';
import { prismaSql, type Db, type PrismaRaw } from '@credit-hub/kit/db';
import { recordEvent } from '@credit-hub/kit/events';
import { contentDigest, publicContent, reportData, specialContent } from './content/rules.ts';
import type { Context } from './context.ts';
import { reportIssuedEvent } from './events.ts';
import type { QueryPublicCreditReportArgs, QuerySpecialCreditReportArgs } from './__generated__/types.ts';
import { readSubject } from './graph/reads.ts';
import { signText } from './keys/rules.ts';
import type { IssuedReportMapper } from './mappers.ts';
import { renderPdf } from './pdf/writes.ts';
import {
  checkPeriod,
  KIND_LABELS,
  PURPOSE_LABELS,
  reportNumber,
  signedText,
  verificationCode,
  verificationUrl,
  type ReportKindName,
  type ReportPurposeName,
} from './rules.ts';

const sequenceRow = z.object({ last: z.coerce.number() });

/**
 * The next number of the day for a region. Taken in its own short statement, not in the transaction that stores the
 * report: rendering takes a few hundred milliseconds, and holding the row lock that long would let only one report
 * per region be made at a time. A report that then fails (a missing glyph) leaves a gap in the day's numbers.
 */
async function nextSequence(db: Db, regionCode: string, day: Date): Promise<number> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    INSERT INTO report.report_sequence (region_code, day, last) VALUES (${regionCode}, ${day}::date, 1)
    ON CONFLICT (region_code, day) DO UPDATE SET last = report.report_sequence.last + 1
    RETURNING last`;
  return sequenceRow.parse(rows[0]).last;
}

interface Request {
  kind: ReportKindName;
  subjectCode: string;
  period: { from: string; to: string } | null;
  purpose: ReportPurposeName;
}

/**
 * Issues one report: reads the subject through the gateway as the public, builds the contents, numbers them, derives
 * the 查验码, renders and hashes the PDF, signs (number, hash) and stores the immutable record. A 专项 report's record
 * and its audit entry are written in one transaction (who asked, for which subject, with which stated purpose).
 */
async function issue(ctx: Context, request: Request): Promise<IssuedReportMapper> {
  const code = request.subjectCode.trim().toUpperCase();
  const dataCutoff = clock.now();
  const subject = await readSubject(ctx.config.gatewayUrl(), code, ctx.requestId);
  if (!subject) throw notFound('Credit subject', code, { field: 'subjectCode' });
  const content =
    request.kind === 'PUBLIC_INFORMATION'
      ? publicContent(subject)
      : specialContent(subject, request.period!.from, request.period!.to);
  const digest = contentDigest(content);
  const issuedAt = clock.now();
  const number = reportNumber(
    subject.region.code,
    chinaToday(issuedAt),
    await nextSequence(ctx.db, subject.region.code, chinaToday(issuedAt)),
  );
  const keys = ctx.config.keys;
  const vcode = verificationCode(keys.codeKey, number, subject.code, digest);
  const url = verificationUrl(ctx.config.verifyBaseUrl, number, vcode);
  const data = reportData(content, {
    number,
    kind: request.kind,
    issuedAt,
    dataCutoff,
    period: request.period,
    purpose: request.purpose,
    verificationCode: vcode,
    verificationUrl: url,
  });
  const { pdf, sha256 } = await renderPdf(data);
  const signature = signText(keys, signedText(number, sha256));
  const who = ctx.identity;
  const row = {
    number,
    kind: request.kind,
    subjectCode: subject.code,
    subjectName: subject.name,
    periodFrom: request.period ? new Date(`${request.period.from}T00:00:00Z`) : null,
    periodTo: request.period ? new Date(`${request.period.to}T00:00:00Z`) : null,
    issuedAt,
    dataCutoff,
    requester: who.actor,
    requesterRole: who.role,
    purpose: request.purpose,
    purposeText: who.purpose,
    pdfSha256: sha256,
    pdf: new Uint8Array(pdf),
    data: JSON.parse(JSON.stringify(data)) as object,
    dataDigest: digest,
    verificationCode: vcode,
    signature,
    keyId: keys.current.keyId,
  };
  // The record and its `report.issued` event (the supervisors' 信用报告出具数, docs/metrics.md) in one transaction.
  const store = async (tx: PrismaRaw & Pick<Db['prisma'], 'issuedReport'>) => {
    await tx.issuedReport.create({ data: row });
    await recordEvent(
      prismaSql(tx),
      reportIssuedEvent({ number, kind: request.kind, subjectCode: subject.code, purpose: request.purpose, issuedAt }),
    );
  };
  if (request.kind === 'SPECIAL_NO_VIOLATION')
    await ctx.audited(
      {
        subjectCode: subject.code,
        fields: ['Query.specialCreditReport'],
        detail: `report ${number}, period ${request.period!.from}..${request.period!.to}, purpose ${request.purpose}`,
      },
      store,
    );
  else await ctx.db.prisma.$transaction(store);
  return {
    number,
    kind: request.kind,
    kindLabel: KIND_LABELS[request.kind],
    subjectCode: subject.code,
    subjectName: subject.name,
    issuedAt,
    dataCutoff,
    periodFrom: request.period?.from ?? null,
    periodTo: request.period?.to ?? null,
    purpose: request.purpose,
    purposeLabel: PURPOSE_LABELS[request.purpose],
    verificationCode: vcode,
    verificationUrl: url,
    pdfSha256: sha256,
    signature,
    keyId: keys.current.keyId,
    pdfBase64: pdf.toString('base64'),
    dataJson: JSON.stringify(data),
  };
}

export const issuePublicReport = (ctx: Context, args: QueryPublicCreditReportArgs) =>
  issue(ctx, {
    kind: 'PUBLIC_INFORMATION',
    subjectCode: args.subjectCode,
    period: null,
    purpose: (args.purpose ?? 'GENERAL') as ReportPurposeName,
  });

/**
 * A 专项 report may be asked for by the subject itself (an enterprise user bound to this USCC) or by an officer who
 * states a purpose (x-purpose); everyone else is refused with the reason (docs/reports.md, "Who may ask").
 */
export function issueSpecialReport(ctx: Context, args: QuerySpecialCreditReportArgs) {
  const who = ctx.identity;
  const code = args.subjectCode.trim().toUpperCase();
  const self = who.role === 'ENTERPRISE' && who.subjectCode === code;
  const officer = who.role === 'OFFICER' && !!who.purpose;
  if (!self && !officer)
    throw forbidden(
      who.role === 'OFFICER'
        ? 'An officer must state the purpose (x-purpose) to ask for a 专项信用报告'
        : 'A 专项信用报告 is issued to the subject itself (an enterprise user bound to this USCC) or to an officer with a stated purpose',
      { field: 'specialCreditReport', reason: who.role === 'OFFICER' ? 'PURPOSE_REQUIRED' : 'NOT_THE_SUBJECT' },
    );
  checkPeriod(args.from, args.to, clock.today());
  return issue(ctx, {
    kind: 'SPECIAL_NO_VIOLATION',
    subjectCode: code,
    period: { from: toIsoDate(args.from)!, to: toIsoDate(args.to)! },
    purpose: args.purpose as ReportPurposeName,
  });
}
