/**
 * Working days (工作日) on the generator's day numbers, through the hub's own Chinese calendar so that
 * a generated removal deadline is exactly what the services compute for it.
 *
 * Imported by path: @credit-hub/kit has no `./calendar` export, and its main entry loads the whole
 * server stack (about 3 s) for one small class.
 *
 * Only days of the years the calendar holds may be asked for (it refuses the others rather than guess): the
 * generator looks working days up between 2019 and AS_OF only.
 */
import { chineseCalendar } from '@credit-hub/kit/calendar';

const MS_PER_DAY = 86_400_000;

const toDate = (day: number) => new Date(day * MS_PER_DAY);

// A few thousand distinct days cover the whole demo world; a million subjects ask for them ~10⁵ times.
const working = new Map<number, boolean>();
const added = new Map<number, number>();

export function isWorkingDay(day: number): boolean {
  let w = working.get(day);
  if (w === undefined) {
    w = chineseCalendar.isWorkingDay(toDate(day));
    working.set(day, w);
  }
  return w;
}

/** `chineseCalendar.addWorkingDays` on day numbers: the day `n` working days after `day` (not counting it). */
export function addWorkingDays(day: number, n: number): number {
  const key = day * 64 + n;
  let result = added.get(key);
  if (result === undefined) {
    result = Math.round(chineseCalendar.addWorkingDays(toDate(day), n).getTime() / MS_PER_DAY);
    added.set(key, result);
  }
  return result;
}

/** `day` itself when it is a working day, else the next one: authorities decide on working days. */
export function onWorkingDay(day: number): number {
  while (!isWorkingDay(day)) day++;
  return day;
}
