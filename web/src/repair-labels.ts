/**
 * The 信用修复 / 异议 window's words on the site (subgraphs/repair, docs/rules/repair.md): record kinds, the states as
 * the applicant reads them, objection categories and the materials. One list, used by the /repair page, the form and
 * 我的申请.
 */
export const RECORD_KIND_LABELS: Record<string, string> = {
  ADMINISTRATIVE_PENALTY: '行政处罚',
  MAJOR_TAX_VIOLATION: '重大税收违法失信主体',
  SERIOUS_ILLEGAL: '严重违法失信名单',
  ABNORMAL_OPERATION: '经营异常名录',
  ENVIRONMENTAL_PENALTY: '环境行政处罚',
  DISHONEST_DEBTOR: '失信被执行人',
  ENVIRONMENTAL_BLACKLIST: '环境信用黑名单（环保不良企业）',
  COMMITMENT_BREACH: '信用承诺未践诺',
};

/** The states as the applicant (and anyone holding the 查询码) reads them. */
export const APPLICANT_STATE_LABELS: Record<string, string> = {
  DRAFT: '草稿，尚未提交',
  SUBMITTED: '已提交，平台形式审查中',
  RETURNED: '待补正（办理时限暂停计算）',
  FORWARDED: '已转认定部门',
  ACCEPTED: '认定部门已受理，审核中',
  REJECTED_NOT_ACCEPTED: '不予受理',
  APPROVED: '准予修复，正在同步',
  DENIED: '不予修复',
  SYNCED: '修复完成，已终止公示',
  CORRECTED: '异议成立，已更正',
  UPHELD: '异议不成立，维持原记录',
  WITHDRAWN: '已撤回',
};

/** Objection categories (ObjectionCategory), in the order the form offers them. */
export const OBJECTION_CATEGORIES: readonly (readonly [string, string])[] = [
  ['WRONG', '信息错误'],
  ['INCOMPLETE', '信息不完整'],
  ['DUPLICATED', '信息重复'],
  ['NOT_TO_BE_PUBLISHED', '不应公示'],
  ['PAST_PERIOD', '超期公示'],
  ['DIFFERS_FROM_AUTHORITY', '与认定部门记录不一致'],
];
export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(OBJECTION_CATEGORIES);

/** The materials of a case (RepairFilePurpose). */
export const PURPOSE_LABELS: Record<string, string> = {
  COMMITMENT: '信用承诺书（签字盖章扫描件）',
  PROOF: '履行法定义务的证明（缴款凭证、整改报告等）',
  AUTHORISATION: '授权委托书',
  EVIDENCE: '异议证明材料',
};

/** The largest file the window takes (REPAIR_FILE_LIMIT_BYTES's default, and the gateway's limit). */
export const FILE_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * A file's type told by its first bytes, as the repair subgraph tells it (subgraphs/repair/src/rules.ts, sniff):
 * PDF, JPEG or PNG; null for anything else, whatever its name says.
 */
export async function sniffFile(file: Blob): Promise<'application/pdf' | 'image/jpeg' | 'image/png' | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}
