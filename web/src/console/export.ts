/**
 * A panel's data out of the console: CSV (UTF-8 with a BOM, so that Excel on a Chinese desktop opens it right), an
 * Excel workbook (exceljs, loaded only when asked for), and the chart as PNG (ECharts' own image of the canvas).
 */
export interface Table {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const safeName = (title: string) => title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'panel';

export function csvOf(table: Table): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // Quote what a spreadsheet would split or read as a formula.
    return /[",\n\r]|^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [table.header, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

export function exportCsv(table: Table) {
  download(`${safeName(table.title)}.csv`, new Blob(['\uFEFF', csvOf(table)], { type: 'text/csv;charset=utf-8' }));
}

export async function exportExcel(table: Table) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeName(table.title).slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 18));
  const buffer = await workbook.xlsx.writeBuffer();
  download(
    `${safeName(table.title)}.xlsx`,
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
}

export function exportPng(title: string, dataUrl: string) {
  const [head, body] = dataUrl.split(',');
  const bytes = Uint8Array.from(atob(body ?? ''), (c) => c.charCodeAt(0));
  download(`${safeName(title)}.png`, new Blob([bytes], { type: head?.match(/data:([^;]+)/)?.[1] ?? 'image/png' }));
}
