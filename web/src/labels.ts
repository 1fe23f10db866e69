/** Status badges of a subject: each carries its text (never colour alone), its list type and the keeping department. */
export type BadgeType = 'red' | 'black' | 'watch' | 'abnormal';

export interface Badge {
  text: string;
  type: BadgeType;
  title: string;
}

export interface SubjectFlags {
  isALevelTaxpayer?: boolean | null;
  isEnvironmentalIntegrityEnterprise?: boolean | null;
  isMajorTaxViolator?: boolean | null;
  isDishonestDebtor?: boolean | null;
  isSeriousIllegal?: boolean | null;
  isOnEnvironmentalBlacklist?: boolean | null;
  isInAbnormalOperationList?: boolean | null;
  isMarkedAbnormal?: boolean | null;
  isConsumptionRestricted?: boolean | null;
  isOnEnvironmentalWatchList?: boolean | null;
  isHighFrequencyOffender?: boolean | null;
}

/** The four kinds of badge the public site shows (红名单 / 黑名单 / 重点关注 / 经营异常), from the departments' flags. */
export function badgesOf(s: SubjectFlags): Badge[] {
  const badges: Badge[] = [];
  const red = [s.isALevelTaxpayer && 'A级纳税人', s.isEnvironmentalIntegrityEnterprise && '环保诚信企业'].filter(
    Boolean,
  );
  if (red.length) badges.push({ text: '红名单', type: 'red', title: red.join('、') });
  const black = [
    s.isDishonestDebtor && '失信被执行人',
    s.isMajorTaxViolator && '重大税收违法失信主体',
    s.isSeriousIllegal && '严重违法失信名单',
    s.isOnEnvironmentalBlacklist && '环境信用黑名单',
  ].filter(Boolean);
  if (black.length) badges.push({ text: '黑名单', type: 'black', title: black.join('、') });
  const watch = [
    s.isConsumptionRestricted && '限制消费',
    s.isOnEnvironmentalWatchList && '环保警示企业',
    s.isHighFrequencyOffender && '高频失信主体',
  ].filter(Boolean);
  if (watch.length) badges.push({ text: '重点关注', type: 'watch', title: watch.join('、') });
  if (s.isInAbnormalOperationList || s.isMarkedAbnormal)
    badges.push({ text: '经营异常', type: 'abnormal', title: s.isMarkedAbnormal ? '经营异常状态' : '经营异常名录' });
  return badges;
}

export const KIND_OPTIONS = [
  { value: '', label: '全部主体' },
  { value: 'ENTERPRISE', label: '企业' },
  { value: 'INDIVIDUAL_BUSINESS', label: '个体工商户' },
  { value: 'FARMERS_COOPERATIVE', label: '农民专业合作社' },
  { value: 'SOCIAL_ORGANISATION', label: '社会组织' },
  { value: 'PUBLIC_INSTITUTION', label: '事业单位' },
  { value: 'GOVERNMENT_BODY', label: '机关' },
  { value: 'OTHER', label: '其他' },
] as const;

export const REGISTRATION_STATUS: Record<string, string> = {
  ACTIVE: '存续（在业）',
  REVOKED: '吊销',
  CANCELLED: '注销',
  MOVED_OUT: '迁出',
};

/** Dates arrive as YYYY-MM-DD; shown as 2026年3月5日. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/**
 * An instant (ISO 8601) as China time, to the minute: 2026年3月15日 09:30. China keeps UTC+8 all year, so the offset
 * is added rather than asking the browser for a time zone (older 信创 browsers' time-zone data varies).
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const t = new Date(ms + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

export function formatMoney(value: string | number | null | undefined, unit = '元'): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return Number.isFinite(n) ? `${n.toLocaleString('zh-CN')} ${unit}` : String(value);
}
