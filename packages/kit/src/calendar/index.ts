import { readFileSync } from 'node:fs';

/**
 * Chinese working days (工作日): Monday–Friday, minus public holidays, plus the adjusted working days
 * (调休) announced each year. Holidays are data (cn-*.json next to this file), so a new year's notice is
 * added without code. Deadlines such as "within 5 working days" and "within 7 working days" count here.
 */
export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(data: { holidays: string[]; workdays: string[] }) {
    this.holidays = new Set(data.holidays);
    this.workdays = new Set(data.workdays);
    const years = [...data.holidays, ...data.workdays].map((d) => Number(d.slice(0, 4)));
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
  }

  isWorkingDay(date: Date): boolean {
    const iso = date.toISOString().slice(0, 10);
    if (this.workdays.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    const weekday = date.getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The date `n` working days after `from` (from itself not counted), as a UTC-midnight Date. */
  addWorkingDays(from: Date, n: number): Date {
    const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    let left = n;
    while (left > 0) {
      day.setUTCDate(day.getUTCDate() + 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: Date, to: Date): number {
    let count = 0;
    const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
    while (day.getTime() < end) {
      day.setUTCDate(day.getUTCDate() + 1);
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }
}

const files = ['cn-2024-2026.json'];

/** The calendar shipped with the hub (2024–2026). */
export const chineseCalendar = new WorkingCalendar(
  files
    .map(
      (f) =>
        JSON.parse(readFileSync(new URL(f, import.meta.url), 'utf8')) as { holidays: string[]; workdays: string[] },
    )
    .reduce(
      (all, year) => ({ holidays: [...all.holidays, ...year.holidays], workdays: [...all.workdays, ...year.workdays] }),
      {
        holidays: [] as string[],
        workdays: [] as string[],
      },
    ),
);
