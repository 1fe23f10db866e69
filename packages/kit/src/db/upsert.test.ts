import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upsertStatement } from './upsert.ts';

const column = (type: string) => ({ type, value: () => null });

describe('upsertStatement', () => {
  it('unnests one typed array per column and refreshes the columns outside the key', () => {
    assert.equal(
      upsertStatement({
        table: 'disclosure.authority',
        columns: { code: column('varchar(18)'), name: column('text'), region_code: column('char(6)') },
        key: ['code'],
        onConflict: 'update',
      }),
      'INSERT INTO disclosure.authority (code, name, region_code) SELECT * FROM unnest($1::varchar(18)[], ' +
        '$2::text[], $3::char(6)[]) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code',
    );
  });

  it('keeps the stored row with onConflict nothing, or when every column is the key', () => {
    const spec = {
      table: 'disclosure.declared_decision',
      columns: { kind: column('disclosure."DisclosureKind"'), authority_code: column('text') },
      key: ['kind', 'authority_code'],
    };
    assert.match(
      upsertStatement({ ...spec, onConflict: 'nothing' }),
      /\$1::disclosure\."DisclosureKind"\[\].* ON CONFLICT \(kind, authority_code\) DO NOTHING$/,
    );
    assert.match(upsertStatement({ ...spec, onConflict: 'update' }), /DO NOTHING$/);
  });

  it('refuses names and types that are not identifiers: they are code, never input', () => {
    const ok = {
      table: 'subject.region',
      columns: { code: column('text') },
      key: ['code'],
      onConflict: 'update' as const,
    };
    assert.throws(() => upsertStatement({ ...ok, table: 'region' }), /schema\.table/);
    assert.throws(() => upsertStatement({ ...ok, table: 'subject.region; DROP TABLE x' }), /schema\.table/);
    assert.throws(
      () => upsertStatement({ ...ok, columns: { 'code)--': column('text') }, key: ['code)--'] }),
      /column name/,
    );
    assert.throws(() => upsertStatement({ ...ok, columns: { code: column("text[]); SELECT ('") } }), /SQL type/);
    assert.throws(() => upsertStatement({ ...ok, key: ['name'] }), /key/);
    assert.throws(() => upsertStatement({ ...ok, key: [] }), /key/);
    assert.throws(() => upsertStatement({ ...ok, columns: {}, key: [] }), /no columns/);
  });
});
