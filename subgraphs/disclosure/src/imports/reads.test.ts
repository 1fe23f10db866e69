import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { LICENCE_CODES, nationalRows, PENALTY_CODES, writeNationalFile } from '@credit-hub/datagen';
import { AUTHORITIES } from '../authorities/rules.ts';
import { COLUMNS } from '../format/rules.ts';
import { readRows, scanFile } from './reads.ts';
import { ImportRejected, nationalColumns, type ImportFormat } from './rules.ts';

const market = AUTHORITIES.filter((a) => a.department === 'market');
const foreign = AUTHORITIES.find((a) => a.department === 'tax')!;

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'disclosure-parse-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = PENALTY_CODES.join(',');
const row = (values: Record<string, string>) => PENALTY_CODES.map((c) => values[c] ?? '').join(',');

async function collect(input: string | Buffer, format: ImportFormat, kind?: 'CF' | 'XK') {
  const source = readRows(Readable.from([typeof input === 'string' ? Buffer.from(input) : input]), format, { kind });
  const rows = [];
  for await (const r of source.rows) rows.push(r);
  return { kind: source.kind, columns: source.columns, rows };
}

async function rejected(promise: Promise<unknown>, rule: string, pattern: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ImportRejected, `expected ImportRejected, got ${String(error)}`);
    assert.equal(error.rule, rule);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('national-format files', () => {
  it('the generator writes exactly the national column codes the intake knows, required ones included', () => {
    for (const [kind, codes] of [
      ['CF', PENALTY_CODES],
      ['XK', LICENCE_CODES],
    ] as const) {
      const known = new Set(COLUMNS[kind].map((c) => c.code));
      assert.deepEqual([...codes].sort(), [...known].sort(), `${kind} columns`);
      for (const required of nationalColumns(kind).required) assert.ok(codes.includes(required as never));
    }
  });

  it('reads a UTF-8 CSV with a BOM: header row of column codes, rows numbered from 1 after it', async () => {
    const csv = `\uFEFF${HEADER}\r\n${row({ CF_XDR_MC: '杭州云栖数智科技有限公司', CF_WSH: '杭市监罚决字〔2024〕1号' })}\r\n\r\n${row({ CF_XDR_MC: '"引号,逗号"公司', CF_NR: '"第一行\n第二行"' })}\n`;
    const { kind, columns, rows } = await collect(csv.replace('"引号,逗号"公司', '"引号,逗号公司"'), 'CSV');
    assert.equal(kind, 'CF');
    assert.deepEqual(columns, [...PENALTY_CODES]);
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r) => r.rowNumber),
      [1, 2],
    );
    assert.equal(rows[0]!.raw.CF_XDR_MC, '杭州云栖数智科技有限公司');
    assert.equal(rows[0]!.raw.CF_WSH, '杭市监罚决字〔2024〕1号');
    assert.equal(rows[1]!.raw.CF_XDR_MC, '引号,逗号公司');
    assert.equal(rows[1]!.raw.CF_NR, '第一行\n第二行');
  });

  it('refuses unknown columns, naming them, before yielding any row', async () => {
    const csv = `${HEADER},CF_XDR_NAME,FOO\n${row({ CF_XDR_MC: 'x' })},1,2\n`;
    await rejected(collect(csv, 'CSV'), 'UNKNOWN_COLUMNS', /CF_XDR_NAME, FOO/);
  });

  it('refuses a CSV header missing required columns, naming them', async () => {
    const codes = PENALTY_CODES.filter((c) => c !== 'CF_WSH' && c !== 'CF_JDRQ');
    await rejected(collect(`${codes.join(',')}\n`, 'CSV'), 'MISSING_COLUMNS', /CF_WSH, CF_JDRQ/);
  });

  it('refuses duplicate, mixed-kind and kind-mismatched headers', async () => {
    await rejected(collect(`${HEADER},CF_WSH\n`, 'CSV'), 'DUPLICATE_COLUMNS', /CF_WSH/);
    await rejected(collect(`${HEADER},XK_WSH\n`, 'CSV'), 'MIXED_KINDS', /CF_.*XK_/);
    await rejected(collect(`${HEADER}\n`, 'CSV', 'XK'), 'KIND_MISMATCH', /行政处罚/);
    await rejected(collect(`NAME,CODE\n`, 'CSV'), 'UNKNOWN_KIND', /CF_ or XK_/);
    await rejected(collect(``, 'CSV'), 'EMPTY_FILE', /header/);
  });

  it('takes the kind from the headers: a licence file is XK', async () => {
    const { kind, rows } = await collect(
      `${LICENCE_CODES.join(',')}\n${LICENCE_CODES.map(() => '').join(',')}\n`,
      'CSV',
    );
    assert.equal(kind, 'XK');
    assert.equal(rows.length, 1);
  });

  it('refuses files that are not UTF-8 (a GB18030 export) instead of reading mojibake', async () => {
    // 杭州 in GB18030.
    const gb = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0xba, 0xbc, 0xd6, 0xdd]), Buffer.from('\n')]);
    await rejected(collect(gb, 'CSV'), 'NOT_UTF8', /UTF-8.*GB18030/);
  });

  it('refuses a broken CSV (unclosed quote, wrong field count) naming the line', async () => {
    await rejected(collect(`${HEADER}\n${row({ CF_XDR_MC: '"unclosed' })}\n`, 'CSV'), 'MALFORMED_CSV', /line/);
    await rejected(collect(`${HEADER}\na,b,c\n`, 'CSV'), 'MALFORMED_CSV', /line 2/);
  });

  it('streams a JSON array of objects keyed by column codes; missing keys are left to row validation', async () => {
    const json = JSON.stringify([
      { CF_XDR_MC: '甲', CF_NR_FK: 1.5 },
      { CF_XDR_MC: '乙', BZ: null },
    ]);
    const { kind, rows } = await collect(json, 'JSON');
    assert.equal(kind, 'CF');
    assert.deepEqual(rows, [
      { rowNumber: 1, raw: { CF_XDR_MC: '甲', CF_NR_FK: 1.5 } },
      { rowNumber: 2, raw: { CF_XDR_MC: '乙', BZ: null } },
    ]);
  });

  it('refuses JSON that is not an array of objects, or has unknown keys in any element (named with its row)', async () => {
    await rejected(collect('{"CF_XDR_MC":"x"}', 'JSON'), 'MALFORMED_JSON', /array/);
    await rejected(collect('[{"CF_XDR_MC":"x"}, 3]', 'JSON'), 'MALFORMED_JSON', /Element 2/);
    await rejected(collect('[{"CF_XDR_MC":"x"},', 'JSON'), 'MALFORMED_JSON', /cannot be read/);
    await rejected(
      collect('[{"CF_XDR_MC":"x"},{"CF_XDR_MC":"y"},{"CF_XDR_MC":"z","CF_EXTRA":1}]', 'JSON'),
      'UNKNOWN_COLUMNS',
      /Row 3: .*CF_EXTRA/,
    );
    await rejected(collect('[]', 'JSON'), 'EMPTY_FILE', /no record/);
  });

  it('scans a generated file before import: a late bad element refuses the whole file, nothing yielded to ingest', async () => {
    const good = path.join(dir, 'good.json');
    const written = await writeNationalFile(good, 'JSON', {
      kind: 'CF',
      rows: 50,
      authorities: market,
      foreignAuthority: foreign,
      invalidShare: 0.1,
    });
    assert.equal(written.invalid, 5);
    const scan = await scanFile(good, 'JSON', {});
    assert.equal(scan.kind, 'CF');
    assert.equal(scan.rows, 50);
    assert.ok(scan.columns.includes('CF_XDR_MC') && scan.columns.every((c) => c.startsWith('CF_') || c === 'BZ'));
    const bad = path.join(dir, 'bad.json');
    const items = [...nationalRows({ kind: 'CF', rows: 40, authorities: market, foreignAuthority: foreign })].map(
      (r) => r.raw as Record<string, unknown>,
    );
    items[37]!.CF_UNKNOWN = 'x';
    await writeFile(bad, JSON.stringify(items));
    await rejected(scanFile(bad, 'JSON', {}), 'UNKNOWN_COLUMNS', /Row 38: .*CF_UNKNOWN/);
  });

  it('a generated CSV and JSON of the same rows read back to the same values', async () => {
    const options = { kind: 'XK' as const, rows: 30, authorities: market, foreignAuthority: foreign, seed: 7 };
    const csvPath = path.join(dir, 'x.csv');
    const jsonPath = path.join(dir, 'x.json');
    await writeNationalFile(csvPath, 'CSV', options);
    await writeNationalFile(jsonPath, 'JSON', options);
    const expected = [...nationalRows(options)].map((r) => r.raw);
    const { readFileRows } = await import('./reads.ts');
    const fromCsv = [];
    for await (const r of readFileRows(csvPath, 'CSV', {}).rows) fromCsv.push(r.raw);
    const fromJson = [];
    for await (const r of readFileRows(jsonPath, 'JSON', {}).rows) fromJson.push(r.raw);
    // A CSV row holds every column of the header, empty where the row has no value.
    assert.deepEqual(
      fromCsv,
      expected.map((raw) => Object.fromEntries(LICENCE_CODES.map((c) => [c, raw[c] ?? '']))),
    );
    // JSON leaves empty columns out.
    assert.deepEqual(
      fromJson,
      expected.map((raw) => Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''))),
    );
  });
});
