import { createHmac } from 'node:crypto';
import { badInput } from '@credit-hub/kit';

/** The two reports (docs/reports.md). */
export const KIND_LABELS = {
  PUBLIC_INFORMATION: '公共信用信息报告',
  SPECIAL_NO_VIOLATION: '专项信用报告（有无违法违规记录证明版）',
} as const;
export type ReportKindName = keyof typeof KIND_LABELS;

/** Purposes counted for the supervisors (the usage scenarios of city credit monitoring, docs/reports.md). */
export const PURPOSE_LABELS = {
  GENERAL: '一般查询',
  TENDER: '招标投标',
  PROCUREMENT: '政府采购',
  AWARD: '评优评先',
  FINANCING: '融资信贷',
  LISTING: '上市融资',
  ADMINISTRATIVE_APPROVAL: '行政审批',
  OTHER: '其他',
} as const;
export type ReportPurposeName = keyof typeof PURPOSE_LABELS;

/** The platform that issues (the report's cover and the verification page). */
export const ISSUER = '信用信息共享平台（信用办）';

/** Longest 专项 report period: 3 years, the longest look-back the provinces' 专项 reports use (open question). */
export const MAX_PERIOD_DAYS = 3 * 366;

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A 专项 report period: from ≤ to ≤ today, at most MAX_PERIOD_DAYS long; refusals name the field and the rule. */
export function checkPeriod(from: Date, to: Date, today: Date): void {
  if (to.getTime() > today.getTime())
    throw badInput('to', 'RANGE', `to (${iso(to)}) may not be after today (${iso(today)}): a report states the past`, {
      max: iso(today),
    });
  if (from.getTime() > to.getTime())
    throw badInput('from', 'RANGE', `from (${iso(from)}) may not be after to (${iso(to)})`, { max: iso(to) });
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (days > MAX_PERIOD_DAYS)
    throw badInput('from', 'RANGE', `the report period may span at most ${MAX_PERIOD_DAYS} days, got ${days}`, {
      max: MAX_PERIOD_DAYS,
    });
}

/** 报告编号: XY + region (6) + China issue day (yyyyMMdd) + sequence of the day per region (6): 22 characters. */
export function reportNumber(regionCode: string, chinaDay: Date, sequence: number): string {
  const region = /^\d{6}$/.test(regionCode) ? regionCode : '000000';
  return `XY${region}${iso(chinaDay).replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
}

/** Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or typed is not misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 查验码: the first 8 base32 characters of HMAC-SHA-256(code key, number ‖ subject ‖ data digest). It is printed on
 * the PDF, so it cannot cover the PDF's own hash; it covers the report's contents instead, and the Ed25519 signature
 * covers the PDF (docs/adr/0091). Without the key nobody can derive the code of a number.
 */
export function verificationCode(key: Buffer, number: string, subjectCode: string, dataDigest: string): string {
  const mac = createHmac('sha256', key).update(`${number}\n${subjectCode}\n${dataDigest}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 8) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 8) break;
  }
  return out;
}

/** A code as a person types it (`k7q4-9mzp`, `K7Q4 9MZP`, O for 0…) in its stored form, or null if it cannot be one. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(code) ? code : null;
}

/** The code as printed: XXXX-XXXX. */
export const printedCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** What the signature covers: the number and the PDF's hash, one per line. */
export const signedText = (number: string, pdfSha256: string) => `${number}\n${pdfSha256}`;

/** The verification page's address for a report (the QR code). */
export function verificationUrl(baseUrl: string, number: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify?no=${encodeURIComponent(number)}&c=${encodeURIComponent(printedCode(code))}`;
}

/** The validity statement the verification page shows (Chinese, as the site is). */
export function validityStatement(
  report: { number: string; kind: ReportKindName; issuedAt: Date },
  changed: boolean | null,
): string {
  const at = new Date(report.issuedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const base = `报告编号 ${report.number} 的《${KIND_LABELS[report.kind]}》由${ISSUER}于 ${at}（北京时间）出具，查验码正确，报告真实有效。`;
  if (changed === null) return `${base}暂时无法比对该主体的最新信用记录。`;
  return changed
    ? `${base}自报告出具以来，该主体的公共信用信息已发生变化，请以最新出具的报告为准。`
    : `${base}自报告出具以来，该主体的公共信用信息未发生变化。`;
}
