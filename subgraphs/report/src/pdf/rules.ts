import type { ReportData, ReportTable } from '../content/rules.ts';
import { printedCode } from '../rules.ts';

/**
 * The report's layout as a pdfmake document definition (A4; the tables repeat their header row on every page; the
 * footer carries the number, the 查验码 and 第 x 页 / 共 y 页). Pure: the data in, the definition out. The fonts and
 * the rendering are pdf/writes.ts.
 */
export const FONT = 'NotoSansSC';

type Node = Record<string, unknown> | string;

/** Contents and reasons take the free width; dates, amounts and names get fixed columns (points). */
function columnWidths(columns: string[]): (number | string)[] {
  if (columns.length <= 2) return columns.map((_c, i) => (i === 0 && columns.length === 2 ? 110 : '*'));
  const widths: (number | string)[] = columns.map((c) => {
    if (/内容|事由|事实|领域/.test(c)) return '*';
    if (/日期|截止|有效期至/.test(c)) return 50;
    if (/金额|年度|状态/.test(c)) return 42;
    return 62;
  });
  if (!widths.includes('*')) widths[widths.length - 1] = '*';
  return widths;
}

/** Above this many columns a table is printed record by record (see table()). */
const CARD_COLUMNS = 7;

function table(t: ReportTable): Node[] {
  const out: Node[] = [
    { text: t.title, style: 'h2' },
    { text: `数据来源：${t.source}`, style: 'source' },
  ];
  if (t.note) out.push({ text: t.note, style: 'note' });
  if (t.rows.length === 0 || t.columns.length === 0) {
    out.push({ text: t.empty, style: 'empty' });
    return out;
  }
  // Too many fields for one A4 row (信用承诺 has ten): each record is printed as its own field/value block, kept on
  // one page, so no column shrinks to a character's width.
  if (t.columns.length > CARD_COLUMNS) {
    for (const row of t.rows)
      out.push({
        table: {
          widths: [90, '*'],
          dontBreakRows: true,
          body: t.columns.map((c, i) => [
            { text: c, style: 'th' },
            { text: row[i] ?? '—', style: 'td' },
          ]),
        },
        unbreakable: true,
        layout: {
          fillColor: (_row: number, _node: unknown, column: number) => (column === 0 ? '#eef2f7' : null),
          hLineColor: () => '#9aa5b1',
          vLineColor: () => '#9aa5b1',
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
        },
        margin: [0, 2, 0, 6],
      });
    return out;
  }
  out.push({
    table: {
      headerRows: 1,
      // A record stays on one page (with the header row repeated above it), never split between two.
      dontBreakRows: true,
      // Dates and amounts get narrow fixed columns, the text columns share the rest: long Chinese text wraps
      // inside its cell.
      widths: columnWidths(t.columns),
      body: [
        t.columns.map((c) => ({ text: c, style: 'th' })),
        ...t.rows.map((row) => row.map((cell) => ({ text: cell, style: 'td' }))),
      ],
    },
    layout: {
      fillColor: (row: number) => (row === 0 ? '#eef2f7' : null),
      hLineColor: () => '#9aa5b1',
      vLineColor: () => '#9aa5b1',
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
    },
    margin: [0, 2, 0, 8],
  });
  return out;
}

const beijing = (isoInstant: string) =>
  new Date(Date.parse(isoInstant) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ') + '（北京时间）';

export function documentDefinition(data: ReportData): Record<string, unknown> {
  const code = printedCode(data.verificationCode);
  const cover: [string, string][] = [
    ['报告类型', data.kindLabel],
    ['主体名称', data.subject.name],
    [data.subject.isPerson ? '主体标识码' : '统一社会信用代码', data.subject.code],
    ['报告编号', data.number],
    ['生成时间', beijing(data.issuedAt)],
    ['数据截止时间', beijing(data.dataCutoff)],
  ];
  if (data.period) cover.push(['报告期', `${data.period.from} 至 ${data.period.to}`]);
  cover.push(['报告用途', data.purposeLabel], ['出具机构', data.issuer], ['查验码', code]);
  const content: Node[] = [
    { text: data.kindLabel, style: 'title' },
    {
      columns: [
        {
          width: '*',
          table: {
            widths: [90, '*'],
            body: cover.map(([k, v]) => [
              { text: k, style: 'th' },
              { text: v, style: 'td' },
            ]),
          },
          layout: 'lightHorizontalLines',
        },
        {
          width: 120,
          stack: [
            { qr: data.verificationUrl, fit: 110, alignment: 'center' },
            { text: '扫码查验', style: 'source', alignment: 'center' },
          ],
        },
      ],
      columnGap: 12,
    },
    { text: '报告说明', style: 'h2', margin: [0, 14, 0, 4] },
    { ol: data.explanation.map((line) => ({ text: line, style: 'td' })) },
    { text: '覆盖范围', style: 'h2' },
    { text: `本报告涵盖：${data.covered.join('、')}。`, style: 'td' },
    { text: `本报告不涵盖：${data.notCovered.join('；')}。`, style: 'td', margin: [0, 2, 0, 6] },
  ];
  if (data.kind === 'SPECIAL_NO_VIOLATION') {
    content.push(
      { text: '分领域违法违规记录情况', style: 'h2', pageBreak: 'before' },
      {
        text: `报告期：${data.period?.from ?? ''} 至 ${data.period?.to ?? ''}`,
        style: 'source',
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 170],
          body: [
            [
              { text: '领域（部门）', style: 'th' },
              { text: '报告期内记录情况', style: 'th' },
            ],
            ...data.domains.map((d) => [
              { text: d.domain, style: 'td' },
              { text: d.statement, style: 'td' },
            ]),
          ],
        },
        margin: [0, 2, 0, 8],
      },
    );
    for (const t of data.tables) content.push(...table(t));
  } else {
    content.push({ text: '', pageBreak: 'after' });
    for (const t of data.tables) content.push(...table(t));
  }
  content.push({ text: '— 报告结束 —', alignment: 'center', style: 'source', margin: [0, 16, 0, 0] });
  return {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 56],
    info: { title: `${data.kindLabel} ${data.number}`, author: data.issuer, subject: data.subject.code },
    defaultStyle: { font: FONT, fontSize: 9.5, lineHeight: 1.3 },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `报告编号：${data.number}\u3000查验码：${code}`, style: 'footer' },
        { text: `第 ${page} 页 / 共 ${pages} 页`, style: 'footer', alignment: 'right' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 10, 0, 16] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 2] },
      th: { bold: true, fontSize: 9 },
      td: { fontSize: 9 },
      source: { fontSize: 8, color: '#555555' },
      note: { fontSize: 8.5, color: '#333333', margin: [0, 2, 0, 2] },
      empty: { fontSize: 9, color: '#333333', margin: [0, 2, 0, 6] },
      footer: { fontSize: 8, color: '#555555' },
    },
  };
}

/** Every string the definition prints (for the glyph check): walks the whole definition, footer included. */
export function printedText(data: ReportData, definition: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      // The QR code's payload is drawn as modules, not glyphs.
      if (key !== 'qr') parts.push(node);
    } else if (Array.isArray(node)) node.forEach((n) => walk(n));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) if (k !== 'styles' && k !== 'info') walk(v, k);
  };
  walk(definition.content);
  const footer = definition.footer as (p: number, n: number) => unknown;
  walk(footer(1, 1));
  parts.push(data.number);
  return parts.join('\n');
}

/** The characters of `text` the font lacks, each once, in order of appearance (white space is not drawn). */
export function missingGlyphs(text: string, hasGlyph: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    if (!hasGlyph(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}
