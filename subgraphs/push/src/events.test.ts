import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { liftCause, type IncomingEvent } from './events.ts';

const event = (type: string, payload: Record<string, unknown>): IncomingEvent => ({
  id: 'e1',
  type,
  subjectCode: '91350100M000100Y43',
  department: 'environment',
  occurredAt: new Date('2026-06-15T02:00:00Z'),
  version: 1,
  payload,
});
const rating = (level: string, previousLevel: string | null) =>
  event('rating.changed', { scheme: 'ENVIRONMENTAL', year: 2025, level, previousLevel, ratingId: '7' });

describe('liftCause', () => {
  it('a removal ends its list; a repaired record ends every measure', () => {
    assert.deepEqual(liftCause(event('list.entry.removed', { list: 'SERIOUS_ILLEGAL' })), { list: 'SERIOUS_ILLEGAL' });
    assert.deepEqual(liftCause(event('record.publication.ended', { cause: 'REPAIRED' })), { list: null });
    assert.equal(liftCause(event('record.publication.ended', { cause: 'TERM_ENDED' })), undefined);
  });

  it('an environmental rating leaving red or black ends the environmental black list, and nothing else does', () => {
    assert.deepEqual(liftCause(rating('YELLOW', 'RED')), { list: 'ENVIRONMENTAL_BLACKLIST' });
    assert.deepEqual(liftCause(rating('BLUE', 'BLACK')), { list: 'ENVIRONMENTAL_BLACKLIST' });
    assert.equal(liftCause(rating('BLACK', 'RED')), undefined);
    assert.equal(liftCause(rating('RED', null)), undefined);
    assert.equal(liftCause(rating('GREEN', 'BLUE')), undefined);
    assert.equal(
      liftCause(event('rating.changed', { scheme: 'TAX_CREDIT', level: 'A', previousLevel: 'D', ratingId: '1' })),
      undefined,
    );
  });
});
