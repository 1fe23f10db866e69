import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import {
  baseline,
  checkBreakingChanges,
  INTENDED_BREAKS_FILE,
  judge,
  parseIntendedBreaks,
  type Git,
} from './breaking-changes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const before1 = buildSchema(`type Query { subject(code: ID!): Subject  count: Int }
  type Subject { code: ID!  name: String  kind: Kind }
  enum Kind { PERSON ORGANISATION }`);

describe('judge', () => {
  it('passes additions, and sorts a removal as an unrecorded break', async () => {
    const added = buildSchema(`type Query { subject(code: ID!): Subject  count: Int  more: Int }
      type Subject { code: ID!  name: String  kind: Kind }
      enum Kind { PERSON ORGANISATION }`);
    assert.deepEqual(await judge(before1, added, []), { unrecorded: [], recorded: [], dangerous: [] });

    const removed = buildSchema(`type Query { subject(code: ID!): Subject }
      type Subject { code: ID!  kind: Kind }
      enum Kind { PERSON ORGANISATION }`);
    const verdict = await judge(before1, removed, []);
    assert.deepEqual(
      verdict.unrecorded.map((c) => [c.type, c.path]),
      [
        ['FIELD_REMOVED', 'Query.count'],
        ['FIELD_REMOVED', 'Subject.name'],
      ],
    );
    assert.deepEqual(verdict.recorded, []);
  });

  it('lets a recorded break through, and only that one', async () => {
    const removed = buildSchema(`type Query { subject(code: ID!): Subject }
      type Subject { code: ID!  kind: Kind }
      enum Kind { PERSON ORGANISATION }`);
    const intended = [
      { type: 'FIELD_REMOVED', path: 'Query.count', reason: 'counted by the search page now', recorded: '2026-12-06' },
    ];
    const verdict = await judge(before1, removed, intended);
    assert.deepEqual(
      verdict.recorded.map((c) => c.path),
      ['Query.count'],
    );
    assert.deepEqual(
      verdict.unrecorded.map((c) => c.path),
      ['Subject.name'],
    );
  });

  it('calls an added enum value dangerous, not breaking', async () => {
    const widened = buildSchema(`type Query { subject(code: ID!): Subject  count: Int }
      type Subject { code: ID!  name: String  kind: Kind }
      enum Kind { PERSON ORGANISATION GOVERNMENT }`);
    const verdict = await judge(before1, widened, []);
    assert.deepEqual(verdict.unrecorded, []);
    assert.deepEqual(
      verdict.dangerous.map((c) => [c.type, c.path]),
      [['ENUM_VALUE_ADDED', 'Kind.GOVERNMENT']],
    );
  });
});

describe('parseIntendedBreaks', () => {
  it('reads entries with a reason, and refuses one without, naming it', () => {
    const ok = [
      { type: 'FIELD_REMOVED', path: 'Query.count', reason: 'counted elsewhere now', recorded: '2026-12-06' },
    ];
    assert.deepEqual(parseIntendedBreaks(JSON.stringify(ok)), ok);
    assert.throws(
      () => parseIntendedBreaks(JSON.stringify([{ ...ok[0], reason: '' }])),
      /intended-breaks\.json: \[0\.reason\]/,
    );
  });

  it('holds only well-formed entries in the committed file', async () => {
    assert.ok(Array.isArray(parseIntendedBreaks(await readFile(path.join(root, INTENDED_BREAKS_FILE), 'utf8'))));
  });
});

describe('baseline', () => {
  const history =
    (files: Record<string, string | null>, last = 'c0ffee1234567890'): Git =>
    (args) => {
      if (args[0] === 'log') return `${last}\n`;
      return files[args[1]!] ?? null;
    };

  it('is the committed file while the working tree differs from it', () => {
    assert.deepEqual(baseline(history({ 'HEAD:s.graphql': 'old' }), 's.graphql', 'new'), { sdl: 'old', from: 'HEAD' });
  });

  it('is the version before the last commit that changed the file once that change is committed', () => {
    const git = history({ 'HEAD:s.graphql': 'new', 'c0ffee1234567890~1:s.graphql': 'older' });
    assert.deepEqual(baseline(git, 's.graphql', 'new'), { sdl: 'older', from: 'c0ffee1234~1' });
  });

  it('is nothing without history (the file is new, or there is no repository)', () => {
    assert.equal(
      baseline(() => null, 's.graphql', 'new'),
      null,
    );
    assert.equal(baseline(history({ 'HEAD:s.graphql': 'new' }), 's.graphql', 'new'), null);
  });
});

describe('checkBreakingChanges on the real supergraph', () => {
  let dir: string;
  let supergraph: string;
  /** The committed supergraph with one more CreditSubject field: against it, today's supergraph removed that field. */
  let withRetiredField: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'credit-hub-breaks-'));
    supergraph = await readFile(path.join(root, 'supergraph.graphql'), 'utf8');
    withRetiredField = supergraph.replace(
      /^(type CreditSubject\n(?: {2}@[^\n]*\n)*\{\n)/m,
      '$1  retiredFlag: Boolean @join__field(graph: COURT)\n',
    );
    assert.notEqual(withRetiredField, supergraph);
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const gitWith =
    (committed: string): Git =>
    (args) =>
      args[0] === 'show' ? committed : null;

  it('fails on a removed field, naming it', async () => {
    await writeFile(path.join(dir, INTENDED_BREAKS_FILE), '[]');
    const result = await checkBreakingChanges(dir, supergraph, gitWith(withRetiredField));
    assert.equal(result.ok, false);
    assert.ok(
      result.lines.includes(
        "BREAKING change: FIELD_REMOVED CreditSubject.retiredFlag: Field 'retiredFlag' was removed from object type 'CreditSubject'",
      ),
      result.lines.join('\n'),
    );
  });

  it('passes the same removal once it is recorded with a reason', async () => {
    await writeFile(
      path.join(dir, INTENDED_BREAKS_FILE),
      JSON.stringify([
        {
          type: 'FIELD_REMOVED',
          path: 'CreditSubject.retiredFlag',
          reason: 'replaced by isDishonestDebtor; every client moved first',
          recorded: '2026-12-06',
        },
      ]),
    );
    const result = await checkBreakingChanges(dir, supergraph, gitWith(withRetiredField));
    assert.equal(result.ok, true, result.lines.join('\n'));
    assert.match(
      result.lines.join('\n'),
      /intended breaking change \(intended-breaks\.json\): FIELD_REMOVED CreditSubject\.retiredFlag/,
    );
  });

  it('passes an unchanged supergraph', async () => {
    await writeFile(path.join(dir, INTENDED_BREAKS_FILE), '[]');
    const result = await checkBreakingChanges(dir, supergraph, gitWith(supergraph.replace(/$/, '\n')));
    assert.equal(result.ok, true, result.lines.join('\n'));
  });
});
