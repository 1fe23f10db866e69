import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { chinaToday, clock, clockFromEnv, fixClock, fixedClock, setClock, shiftedClock, systemClock } from './clock.ts';

describe('the one clock', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('is the system clock unless moved', () => {
    const before = Date.now();
    const now = clock.now().getTime();
    assert.ok(now >= before && now <= Date.now());
  });

  it('fixClock moves now() and today(); the restore function puts the previous clock back', () => {
    restore = fixClock('2027-01-01T00:30:00+08:00');
    assert.equal(clock.now().toISOString(), '2026-12-31T16:30:00.000Z');
    // 00:30 in Beijing is already the new year, though UTC still says 2026.
    assert.equal(clock.today().toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(chinaToday().toISOString(), '2027-01-01T00:00:00.000Z');
    restore();
    assert.notEqual(clock.today().toISOString().slice(0, 4), '2027-01-01');
    restore = () => {};
  });

  it('a bare date is that day in China, whatever the time zone', () => {
    assert.equal(fixedClock('2026-03-31').now().toISOString(), '2026-03-31T04:00:00.000Z');
    restore = setClock(fixedClock('2026-03-31'));
    assert.equal(clock.today().toISOString().slice(0, 10), '2026-03-31');
  });

  it('a shifted clock starts at the given instant and advances', () => {
    let t = 1_000_000;
    const base = { now: () => new Date(t) };
    const shifted = shiftedClock('2030-01-01T00:00:00Z', base);
    assert.equal(shifted.now().toISOString(), '2030-01-01T00:00:00.000Z');
    t += 5_000;
    assert.equal(shifted.now().toISOString(), '2030-01-01T00:00:05.000Z');
  });

  it('CLOCK_START is honoured in development and refused in production, naming the variable', () => {
    assert.equal(clockFromEnv({ NODE_ENV: 'development' }), systemClock);
    const moved = clockFromEnv({ NODE_ENV: 'development', CLOCK_START: '2028-06-01' });
    assert.equal(chinaToday(moved.now()).toISOString().slice(0, 10), '2028-06-01');
    assert.throws(() => clockFromEnv({ NODE_ENV: 'production', CLOCK_START: '2028-06-01' }), /CLOCK_START/);
  });

  it('refuses a value that is not a date', () => {
    assert.throws(() => fixedClock('next tuesday'), /not a date/);
  });
});
