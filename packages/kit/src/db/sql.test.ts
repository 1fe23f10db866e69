import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { sqlLiteral } from './sql.ts';

describe('sqlLiteral', () => {
  it('writes the literal node-postgres writes, quotes and backslashes included', () => {
    const samples = [
      '',
      'plain',
      "O'Brien",
      "''",
      'a\\b',
      "both ' and \\ and \\'",
      '{"fields":"[\\"CreditSubject.creditCheck\\"]","detail":null}',
      '信用核查 “引号” \u0000-free \n newline',
      '\\',
    ];
    for (const text of samples) assert.equal(sqlLiteral(text), pg.escapeLiteral(text), text);
  });

  it('writes a long document with quotes and backslashes as node-postgres does', () => {
    const json = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, note: `it's \\ entry ${i}` })));
    assert.equal(sqlLiteral(json), pg.escapeLiteral(json));
  });
});
