/**
 * Dates as whole days since 1970-01-01. The generator handles a few million dates; going through
 * Date objects and toISOString for each would be the slowest part of a row, and local time zones
 * have no business in a calendar date.
 */

/** Days from civil date (Howard Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Days 1950-01-01 … 2049-12-31 as ISO strings, built on first use: millions of rows share a few thousand dates. */
const ISO_FROM = dayOf(1950, 1, 1);
const ISO_CACHE: (string | undefined)[] = new Array<string | undefined>(dayOf(2050, 1, 1) - ISO_FROM);

/** YYYY-MM-DD */
export function isoDate(days: number): string {
  const i = days - ISO_FROM;
  const cached = ISO_CACHE[i];
  if (cached !== undefined) return cached;
  const { year, month, day } = civilOf(days);
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  if (i >= 0 && i < ISO_CACHE.length) ISO_CACHE[i] = iso;
  return iso;
}

/** YYYYMMDD, as in the birth-date part of an ID number. */
export function compactDate(days: number): string {
  const { year, month, day } = civilOf(days);
  return `${year}${pad2(month)}${pad2(day)}`;
}

/** 2023年1月1日, as official notices write dates. */
export function chineseDate(days: number): string {
  const { year, month, day } = civilOf(days);
  return `${year}年${month}月${day}日`;
}

export function yearOf(days: number): number {
  return civilOf(days).year;
}

/** Same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(days: number, years: number): number {
  const { year, month, day } = civilOf(days);
  const target = year + years;
  return dayOf(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Same calendar day `months` later, or the month's last day when it has none (民法典 第二百零二条). */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilOf(days);
  const total = month - 1 + months;
  const y = year + Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayOf(y, m, Math.min(day, daysInMonth(y, m)));
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayOf(year, month + 1, 1) - dayOf(year, month, 1);
}

/**
 * "The data is as of": the fixed day the demo world is generated for. A generator that read the
 * clock would produce different rows tomorrow, breaking determinism and snapshot tests.
 */
export const AS_OF = dayOf(2026, 6, 30);
