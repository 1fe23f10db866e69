import { fixClock } from '../clock.ts';

/**
 * Runs `work` with the process's clock standing on `day` (a China date), then puts the previous clock back, also
 * when `work` fails: the tests that stand on the day before, of and after a boundary.
 */
export async function onDay<T>(day: string, work: () => Promise<T>): Promise<T> {
  const restore = fixClock(day);
  try {
    return await work();
  } finally {
    restore();
  }
}
