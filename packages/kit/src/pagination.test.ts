import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { dateIdKey, dateIdSeek, decodeCursor, encodeCursor, isDateIdCursor, isString } from './pagination.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof GraphQLError);
    return error.extensions;
  }
  assert.fail('expected a refusal');
};

const anyKey = (v: unknown): v is unknown => isString(v) || isDateIdCursor(v);

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    assert.equal(decodeCursor(encodeCursor('91330106MA2K00014X'), isString), '91330106MA2K00014X');
    assert.deepEqual(decodeCursor(encodeCursor(['2025-04-20', '17']), isDateIdCursor), ['2025-04-20', '17']);
  });

  it('refuses forged cursors with BAD_USER_INPUT CURSOR, never passing them to SQL', () => {
    const forged = [
      '!!!',
      '',
      encodeCursor(42),
      encodeCursor(['2025-13-01', '1']),
      encodeCursor(['2025-04-20', '1e9']),
      // Well-formed base64 and JSON whose key no database text can hold.
      encodeCursor('a\u0000b'),
      Buffer.from('"\\ud800"').toString('base64url'),
      encodeCursor(['2025-04-20\u0000', '1']),
    ];
    for (const cursor of forged)
      assert.deepEqual(
        refusal(() => decodeCursor(cursor, anyKey)),
        { code: 'BAD_USER_INPUT', field: 'after', rule: 'CURSOR' },
        cursor,
      );
  });
});

describe('dateIdSeek', () => {
  it('seeks nothing on the first page', () => {
    assert.deepEqual(dateIdSeek('filedOn', null, 'desc'), {});
  });

  it('newest first: an earlier day, or the same day and a smaller id', () => {
    assert.deepEqual(dateIdSeek('filedOn', ['2025-03-10', '42'], 'desc'), {
      OR: [
        { filedOn: { lt: new Date('2025-03-10T00:00:00Z') } },
        { filedOn: new Date('2025-03-10T00:00:00Z'), id: { lt: 42n } },
      ],
    });
  });

  it('oldest first: a later day, or the same day and a larger id', () => {
    assert.deepEqual(dateIdSeek('listedUntil', ['2026-01-31', '7'], 'asc'), {
      OR: [
        { listedUntil: { gt: new Date('2026-01-31T00:00:00Z') } },
        { listedUntil: new Date('2026-01-31T00:00:00Z'), id: { gt: 7n } },
      ],
    });
  });

  it('writes the cursor key it reads back', () => {
    const row = { filedOn: new Date('2025-03-10T00:00:00Z'), id: 42n };
    const key = dateIdKey('filedOn')(row);
    assert.deepEqual(key, ['2025-03-10', '42']);
    assert.deepEqual(decodeCursor(encodeCursor(key), isDateIdCursor), key);
  });
});
