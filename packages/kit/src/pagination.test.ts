import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, isDateIdCursor, isString } from './pagination.ts';

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
