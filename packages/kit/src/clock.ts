/**
 * The hub's one clock. Every rule that depends on "today" (a listing term, a publicity window, a
 * working-day deadline, a rating's validity) asks this clock, never `new Date()`: what the public sees
 * changes on the right day without a job having to run, and a test can stand on the day before, of and
 * after every boundary by moving one value.
 *
 * The clock is per process. Tests move it with `setClock`/`fixClock`; a development or demo hub can be
 * started "as of" another instant with CLOCK_START (read by the service's env module and refused in
 * production, see `clockFromEnv`).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

/** The current instant and China's calendar date, from whichever clock is installed. */
export const clock = {
  now: (): Date => current.now(),
  /** Today's calendar date in China Standard Time, as a Date at UTC midnight (see chinaToday). */
  today: (): Date => chinaToday(current.now()),
};

/** Installs a clock for this process; returns a function that restores the previous one. */
export function setClock(next: Clock): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}

/** A clock that stands still at `at` (an instant, or a `YYYY-MM-DD` China date at 12:00 Beijing time). */
export function fixedClock(at: Date | string): Clock {
  const instant = toInstant(at);
  return { now: () => new Date(instant) };
}

/** A clock that starts at `at` and advances with real time (a demo hub "as of" another day). */
export function shiftedClock(at: Date | string, base: Clock = systemClock): Clock {
  const offset = toInstant(at) - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** Stops the clock at `at` for this process; returns the restore function (tests). */
export const fixClock = (at: Date | string) => setClock(fixedClock(at));

/**
 * The clock CLOCK_START asks for, or the system clock. A moved clock in production would publish or hide
 * records on the wrong day, so it is refused there with the variable named.
 */
export function clockFromEnv(env: { NODE_ENV: string; CLOCK_START?: string | undefined }): Clock {
  if (!env.CLOCK_START) return systemClock;
  if (env.NODE_ENV === 'production')
    throw new Error('CLOCK_START is set: moving the clock is for development and tests, never in production');
  return shiftedClock(env.CLOCK_START);
}

function toInstant(at: Date | string): number {
  if (at instanceof Date) return at.getTime();
  // A bare date means that day in China, at noon so that no time zone moves it to another day.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00+08:00` : at;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date or instant: ${at}`);
  return ms;
}

/**
 * Today's calendar date in China Standard Time (UTC+8), as a Date at UTC midnight like the dates read
 * from the database. Legal dates (decision, publication, removal) are Chinese dates: between 00:00 and
 * 08:00 in Beijing the UTC date is still yesterday.
 */
export function chinaToday(now: Date = current.now()): Date {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate()));
}
