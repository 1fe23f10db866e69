/**
 * Legal periods (期间) counted in years, months or days, as 《中华人民共和国民法典》 第二百零一条 and 第二百零二条
 * count them: the day a period runs from is not counted, and a period of years or months ends on the
 * corresponding day of its last month, or on that month's last day when it has none. A 3-year listing made
 * on 2023-05-10 therefore ends with 2026-05-10 (it is still in force that day and gone the next), and one
 * made on 2024-02-29 ends with 2027-02-28.
 *
 * 第二百零三条 (a last day on a public holiday moves to the next working day) is deliberately not applied:
 * it extends the time to *do* something, while these periods say how long a record stays published.
 *
 * Dates are calendar days at UTC midnight, like `clock.today()` and the dates read from the database.
 */

const DAY_MS = 86_400_000;

export interface PeriodLength {
  years?: number;
  months?: number;
  days?: number;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The last day of a period of `length` running from `from` (民法典 第二百零一、二百零二条). */
export function periodEnd(from: Date, length: PeriodLength): Date {
  const months = (length.years ?? 0) * 12 + (length.months ?? 0);
  const total = from.getUTCMonth() + months;
  const year = from.getUTCFullYear() + Math.floor(total / 12);
  const month0 = ((total % 12) + 12) % 12;
  const day = Math.min(from.getUTCDate(), daysInMonth(year, month0));
  return new Date(Date.UTC(year, month0, day) + (length.days ?? 0) * DAY_MS);
}

/** The calendar day after `date`. */
export const dayAfter = (date: Date): Date => new Date(date.getTime() + DAY_MS);

/** Whether `today` is on or before `lastDay` (a period is in force through its last day). */
export const isOnOrBefore = (today: Date, lastDay: Date): boolean => today.getTime() <= lastDay.getTime();
