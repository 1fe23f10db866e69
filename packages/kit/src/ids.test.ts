import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixClock } from './clock.ts';
import { newId } from './ids.ts';
import { isUuid } from './input.ts';

describe('newId', () => {
  it('makes UUIDs of version 7 that sort in the order they were made, each once', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const id of ids.slice(0, 10)) {
      assert.ok(isUuid(id), id);
      assert.equal(id[14], '7', `version nibble of ${id}`);
      assert.match(id[19]!, /[89ab]/, `variant of ${id}`);
    }
    // Thousands within one millisecond still come out in order: each lands after the previous on a B-tree.
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it("carries the machine's time, not the injectable clock's", () => {
    const restore = fixClock(new Date('2020-01-01T00:00:00Z'));
    try {
      const before = Date.now();
      const ms = parseInt(newId().replaceAll('-', '').slice(0, 12), 16);
      assert.ok(ms >= before && ms <= Date.now() + 1, `id time ${ms} outside [${before}, now]`);
    } finally {
      restore();
    }
  });
});
