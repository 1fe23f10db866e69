/** Hands the browser a file made in the page (a report's PDF from base64, or its JSON) as a download. */
export function saveFile(content: Blob, name: string): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const pdfBlob = (base64: string) =>
  new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'application/pdf' });

/** The purposes a report is asked for (ReportPurpose), in Chinese. */
export const REPORT_PURPOSES = [
  ['GENERAL', '一般查询'],
  ['TENDER', '招标投标'],
  ['PROCUREMENT', '政府采购'],
  ['AWARD', '评优评先'],
  ['FINANCING', '融资信贷'],
  ['LISTING', '上市融资'],
  ['ADMINISTRATIVE_APPROVAL', '行政审批'],
  ['OTHER', '其他'],
] as const;
