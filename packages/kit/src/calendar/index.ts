import { readdirSync, readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { badInput, ErrorCode } from '../errors.ts';

/**
 * Chinese working days (工作日): Monday–Friday, minus public holidays, plus the adjusted working days (调休)
 * that the 国务院办公厅 announces for each year. Holidays are data (cn/<year>.json next to this file, one file
 * per notice), so a new year is added without code. Deadlines such as "within 3/5/7 working days" count here.
 *
 * A year without its notice is not covered, and a date in it is refused (CalendarRangeError), never counted
 * as plain Monday–Friday: 元旦, 春节 and the 调休 Saturdays would make every such deadline wrong by days.
 * Rules and sources: docs/rules/calendar.md.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A date the calendar cannot count: its year has no holiday notice in the data. A GraphQLError with the stable
 * code CALENDAR_RANGE, so that a caller who does not turn it into something better still answers with a
 * clear error naming the date and the years covered, instead of a guessed deadline or an internal error.
 */
export class CalendarRangeError extends GraphQLError {
  readonly date: string;
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(date: string, firstYear: number, lastYear: number) {
    super(
      `${date} is outside the working-day calendar, which holds the 国务院办公厅 holiday notices for ` +
        `${firstYear}–${lastYear} only: working days around it cannot be counted (a year is added with its notice, ` +
        'packages/kit/src/calendar/cn)',
      {
        extensions: {
          code: ErrorCode.CALENDAR_RANGE,
          rule: ErrorCode.CALENDAR_RANGE,
          date,
          coveredFrom: firstYear,
          coveredTo: lastYear,
        },
      },
    );
    this.date = date;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }
}

export const isCalendarRangeError = (error: unknown): error is CalendarRangeError =>
  error instanceof CalendarRangeError;

/**
 * Runs a working-day count on a date the caller submitted: a date the calendar cannot count becomes
 * BAD_USER_INPUT naming `field`, rule CALENDAR_RANGE, with the calendar's own explanation.
 */
export function countForInput<T>(field: string, count: () => T): T {
  try {
    return count();
  } catch (error) {
    if (!isCalendarRangeError(error)) throw error;
    throw badInput(field, 'CALENDAR_RANGE', `\`${field}\`: ${error.message}`, {
      date: error.date,
      coveredFrom: error.firstYear,
      coveredTo: error.lastYear,
    });
  }
}

/** One holiday of a notice: the days off (from–to, both included) and the Saturdays/Sundays worked for it. */
export interface NoticeHoliday {
  name: string;
  from: string;
  to: string;
  /** The number of days off the notice states (共N天), checked against from–to when the year is loaded. */
  days: number;
  workdays: string[];
}

/** One year's notice as stored in cn/<year>.json. */
export interface YearNotice {
  year: number;
  notice: string;
  issuedOn: string | null;
  sources: string[];
  note?: string;
  holidays: NoticeHoliday[];
}

export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly years: ReadonlySet<number>;
  /** The first and last year covered; every year between them is covered too (checked on construction). */
  readonly firstYear: number;
  readonly lastYear: number;

  /**
   * `years` are the years whose notices the dates come from. Without it, every year from the first to the last
   * date given is taken as covered (small calendars in tests).
   */
  constructor(data: { holidays: readonly string[]; workdays: readonly string[]; years?: readonly number[] }) {
    for (const d of [...data.holidays, ...data.workdays])
      if (!ISO_DAY.test(d)) throw new RangeError(`calendar date ${JSON.stringify(d)} is not YYYY-MM-DD`);
    this.holidays = new Set(data.holidays);
    this.workdays = new Set(data.workdays);
    const dated = [...data.holidays, ...data.workdays].map((d) => Number(d.slice(0, 4)));
    const years = data.years ?? (dated.length ? rangeOf(Math.min(...dated), Math.max(...dated)) : []);
    if (years.length === 0) throw new RangeError('a working-day calendar needs at least one year');
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
    const missing = rangeOf(this.firstYear, this.lastYear).filter((y) => !years.includes(y));
    // A gap would make "covered" mean two ranges; the notices are added year after year, so refuse it.
    if (missing.length) throw new RangeError(`the working-day calendar has no notice for ${missing.join(', ')}`);
    this.years = new Set(years);
  }

  /** Whether the calendar holds the holiday notice of the date's year. */
  covers(date: Date): boolean {
    return this.years.has(date.getUTCFullYear());
  }

  /** The last day the calendar holds (31 December of its last year). */
  get lastDay(): Date {
    return new Date(Date.UTC(this.lastYear, 11, 31));
  }

  /** The first day the calendar holds (1 January of its first year). */
  get firstDay(): Date {
    return new Date(Date.UTC(this.firstYear, 0, 1));
  }

  /** Throws CalendarRangeError unless the date's year is covered. */
  assertCovers(date: Date): void {
    if (!this.covers(date)) throw new CalendarRangeError(isoOf(date), this.firstYear, this.lastYear);
  }

  /** Whether the date (a UTC-midnight calendar date) is a working day; CalendarRangeError outside the years held. */
  isWorkingDay(date: Date): boolean {
    this.assertCovers(date);
    const iso = isoOf(date);
    if (this.workdays.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    const weekday = date.getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The date `n` working days after `from` (from itself not counted), as a UTC-midnight Date. Every day looked
   * at must be covered: a deadline that runs into a year without its notice throws CalendarRangeError.
   */
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

function rangeOf(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Every day from `from` to `to`, both included. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += MS_PER_DAY)
    out.push(isoOf(new Date(t)));
  return out;
}

/**
 * Builds a calendar from notices, checking each against what its text states: the days off of a holiday
 * add up to its 共N天, and a 调休 working day is a Saturday or Sunday (a data-entry slip fails the load).
 */
export function calendarFromNotices(notices: readonly YearNotice[]): WorkingCalendar {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const n of notices) {
    for (const h of n.holidays) {
      const days = daysOf(h.from, h.to);
      if (days.length !== h.days)
        throw new RangeError(
          `${n.year} ${h.name}: ${h.from}–${h.to} is ${days.length} days, the notice says ${h.days}`,
        );
      for (const w of h.workdays) {
        const weekday = new Date(`${w}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6)
          throw new RangeError(`${n.year} ${h.name}: 调休 day ${w} is not a weekend day`);
      }
      holidays.push(...days);
      workdays.push(...h.workdays);
    }
  }
  return new WorkingCalendar({ holidays, workdays, years: notices.map((n) => n.year) });
}

const NOTICE_DIR = new URL('cn/', import.meta.url);

/** The notices shipped with the hub, oldest first (cn/<year>.json). */
export const holidayNotices: readonly YearNotice[] = readdirSync(NOTICE_DIR)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, NOTICE_DIR), 'utf8')) as YearNotice);

/** The calendar shipped with the hub: every year in cn/ (see docs/rules/calendar.md for the years and sources). */
export const chineseCalendar = calendarFromNotices(holidayNotices);
