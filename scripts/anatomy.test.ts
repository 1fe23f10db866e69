/**
 * The anatomy of the repository, checked (docs/architecture.md): every subgraph has the same files in the same
 * places, the schema decides which of them must exist, and the layers import only downwards. A deviation fails
 * `npm test` naming the file and the rule, so the anatomy written down cannot drift from the code.
 *
 * Rules for every package: no subgraph imports another; packages/ imports nothing from apps/, subgraphs/ or
 * gateway/; only env modules read process.env; no `src/model.ts` (mappers.ts); every package imported (workspace or
 * third-party) is declared in the manifest. Rules for each subgraph: the files of the anatomy, those the schema requires,
 * one resolver file per object type, names from the anatomy's vocabulary only, no import circle (type-only ones
 * included), generated resolver types imported by resolvers only, raw rows parsed (zod) and no `as unknown as`,
 * tests of the subgraph tier in test/, the README's standard headings.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kind, parse, type DocumentNode } from 'graphql';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

/** The package a module specifier names (`@scope/name` or `name`), or null for a relative path or a Node built-in. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || isBuiltin(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isTestFile = (file: string) => file.endsWith('.test.ts') || /\/test\//.test(rel(file));

/** The names a subgraph's src/ (and a feature folder) may hold, each with its one meaning (docs/architecture.md). */
const SRC_FILES = ['index', 'main', 'env', 'context', 'loaders', 'mappers', 'reads', 'writes', 'rules'];
const FEATURE_FILES = ['mappers', 'loaders', 'reads', 'writes', 'rules', 'routes', 'events', 'jobs', 'env'];
const TOP_ONLY_EXTRAS = ['routes', 'events', 'jobs'];
const README_HEADINGS = [
  'What it owns',
  'Federation contract',
  'Rules',
  'Access',
  'Loaders',
  'Events',
  'Gotchas',
  'Run alone',
];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'generated') return [];
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const subgraphs = readdirSync(path.join(root, 'subgraphs'))
  .filter((name) => statSync(path.join(root, 'subgraphs', name)).isDirectory())
  .sort();

/** The module specifiers a TypeScript file imports or re-exports, `import type` included. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** A relative specifier's target file, or null for a package. */
function resolveRelative(from: string, specifier: string): string | null {
  return specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
}

const sourceFiles = (dir: string) =>
  walk(path.join(root, dir)).filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}__generated__${path.sep}`));

const workspaceOf = (file: string): string => {
  const parts = rel(file).split('/');
  return parts[0] === 'gateway' || parts[0] === 'e2e' || parts[0] === 'scripts' ? parts[0] : `${parts[0]}/${parts[1]}`;
};

describe('the repository', () => {
  it('has no imports between subgraphs', () => {
    const found: string[] = [];
    for (const name of subgraphs)
      for (const file of sourceFiles(`subgraphs/${name}`))
        for (const specifier of importsOf(file)) {
          const target = resolveRelative(file, specifier);
          const other = target
            ? rel(target).startsWith('subgraphs/') && !rel(target).startsWith(`subgraphs/${name}/`)
            : /^@credit-hub\/subgraph-/.test(specifier);
          if (other) found.push(`${rel(file)} imports ${specifier}`);
        }
    assert.deepEqual(found, [], 'a subgraph knows other departments only through federation');
  });

  it('keeps packages/ a ground floor: nothing there imports apps/, subgraphs/ or gateway/', () => {
    const found: string[] = [];
    // A library's tests may check it against the services that use it (the demo data against the court's rules).
    for (const file of sourceFiles('packages').filter((f) => !/\.test\.ts$|\/test\//.test(rel(f))))
      for (const specifier of importsOf(file)) {
        const target = resolveRelative(file, specifier);
        const up = target
          ? /^(apps|subgraphs|gateway)\//.test(rel(target))
          : /^@credit-hub\/(subgraph-|gateway|hub)/.test(specifier);
        if (up) found.push(`${rel(file)} imports ${specifier}`);
      }
    assert.deepEqual(found, []);
  });

  it('reads process.env only in env modules', () => {
    // The test harness is configured by scripts/test.ts; the datagen command reads its one flag's fallback.
    const allowed = new Set(['packages/kit/src/testing/index.ts', 'packages/datagen/src/cli.ts']);
    const found = ['packages', 'apps', 'subgraphs', 'gateway']
      .flatMap(sourceFiles)
      .filter((file) => !file.endsWith('.test.ts') && path.basename(file) !== 'env.ts' && !allowed.has(rel(file)))
      .filter((file) => /\bprocess\.env\b/.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map(rel);
    assert.deepEqual(found, [], 'configuration is read once, at start, by the env module, and passed down');
  });

  it('has no src/model.ts: the parent types resolvers receive are in mappers.ts', () => {
    assert.deepEqual(
      subgraphs.filter((name) => existsSync(path.join(root, 'subgraphs', name, 'src', 'model.ts'))),
      [],
    );
  });

  it('declares in each manifest every package the package imports (workspace and third-party)', () => {
    const names = new Map<string, string>();
    for (const dir of ['packages', 'apps', 'subgraphs']
      .flatMap((d) => readdirSync(path.join(root, d)).map((n) => `${d}/${n}`))
      .concat('gateway')) {
      const manifest = path.join(root, dir, 'package.json');
      if (existsSync(manifest)) names.set(dir, (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name);
    }
    const missing: string[] = [];
    for (const [dir, own] of names) {
      const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = new Set(Object.keys(manifest.dependencies ?? {}));
      const forTests = new Set([...declared, ...Object.keys(manifest.devDependencies ?? {})]);
      for (const file of sourceFiles(dir).filter((f) => workspaceOf(f) === dir))
        for (const specifier of importsOf(file)) {
          const pkg = packageOf(specifier);
          if (!pkg || pkg === own) continue;
          if (!(isTestFile(file) ? forTests : declared).has(pkg))
            missing.push(`${dir}/package.json: ${pkg} (${rel(file)})`);
        }
    }
    assert.deepEqual([...new Set(missing)], []);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function schemaOf(name: string): DocumentNode {
  return parse(readFileSync(path.join(root, 'subgraphs', name, 'schema.graphql'), 'utf8'));
}

/** Object types (defined or extended) of a schema, with whether they carry @key. */
function objectTypes(document: DocumentNode): Map<string, { entity: boolean }> {
  const types = new Map<string, { entity: boolean }>();
  for (const d of document.definitions)
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION)
      types.set(d.name.value, {
        entity: (types.get(d.name.value)?.entity ?? false) || !!d.directives?.some((x) => x.name.value === 'key'),
      });
  return types;
}

/** Every import circle among a set of files (type-only imports included): each circle as a list of files. */
function circles(files: string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of files)
    graph.set(
      file,
      importsOf(file)
        .map((s) => resolveRelative(file, s))
        .filter((t): t is string => t !== null && files.includes(t)),
    );
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map(rel));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

for (const name of subgraphs) {
  describe(`the ${name} subgraph's anatomy`, () => {
    const dir = path.join(root, 'subgraphs', name);
    const src = path.join(dir, 'src');
    const schema = schemaOf(name);
    const types = objectTypes(schema);
    const files = walk(src).map((f) => path.relative(src, f).split(path.sep).join('/'));
    const has = (file: string) => files.includes(file);
    /** Top-level folders of src/ other than resolvers/ and __generated__/: the feature folders. */
    const features = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]!))].filter(
      (f) => f !== 'resolvers' && f !== '__generated__',
    );
    const resolverFiles = files.filter((f) => /(^|\/)resolvers\/[^/]+\.ts$/.test(f) && !f.endsWith('/index.ts'));

    it('has the files of the anatomy', () => {
      const required = [
        '../README.md',
        '../package.json',
        '../schema.graphql',
        'index.ts',
        'main.ts',
        'env.ts',
        'context.ts',
        'loaders.ts',
        'mappers.ts',
        'resolvers/index.ts',
      ];
      assert.deepEqual(
        required.filter((f) => !existsSync(path.join(src, f))),
        [],
      );
      assert.ok(
        walk(path.join(dir, 'test')).some((f) => f.endsWith('.test.ts')),
        `${name}: the subgraph tier (test/*.test.ts) is missing`,
      );
    });

    it('has the files its schema requires', () => {
      const missing: string[] = [];
      const anywhere = (base: string) => has(base) || features.some((f) => has(`${f}/${base}`));
      if (types.has('Mutation')) {
        if (!has('resolvers/Mutation.ts')) missing.push('resolvers/Mutation.ts (the schema has Mutation)');
        if (!anywhere('writes.ts')) missing.push('writes.ts (the schema has Mutation)');
      }
      if (types.has('Query') && !has('resolvers/Query.ts')) missing.push('resolvers/Query.ts (the schema has Query)');
      for (const [type, { entity }] of types)
        // An entity's resolver may sit in the feature folder that owns it (market/abnormal/resolvers/…).
        if (entity && !anywhere(`resolvers/${type}.ts`))
          missing.push(`resolvers/${type}.ts (${type} is an entity here)`);
      assert.deepEqual(missing, []);
    });

    it('keeps one object type per resolver file, named after it', () => {
      const strays = resolverFiles.filter((f) => !types.has(path.basename(f, '.ts')));
      assert.deepEqual(strays, [], 'a resolvers/ file is named after the schema type it resolves');
    });

    it('gives every type of its resolver map a file of its own', async () => {
      const { resolvers } = (await import(pathToFileURL(path.join(src, 'resolvers', 'index.ts')).href)) as {
        resolvers: Record<string, unknown>;
      };
      const missing = Object.keys(resolvers)
        .filter((type) => types.has(type))
        .filter((type) => !resolverFiles.some((f) => path.basename(f, '.ts') === type));
      assert.deepEqual(missing, []);
    });

    it("uses only the anatomy's names", () => {
      const strays: string[] = [];
      for (const file of files) {
        if (file.startsWith('__generated__/') || /(^|\/)resolvers\//.test(file)) continue;
        const parts = file.split('/');
        const base = path.basename(file).replace(/(\.test)?\.ts$/, '');
        if (!file.endsWith('.ts')) strays.push(file);
        else if (parts.length === 1) {
          if (![...SRC_FILES, ...TOP_ONLY_EXTRAS].includes(base)) strays.push(file);
        } else if (parts.length === 2) {
          if (!FEATURE_FILES.includes(base)) strays.push(file);
        } else strays.push(file);
      }
      assert.deepEqual(
        strays,
        [],
        `src/ holds ${SRC_FILES.join(', ')} (and routes, events, jobs); a feature folder the same names (docs/architecture.md)`,
      );
    });

    it('has no import circle, type-only ones included', () => {
      assert.deepEqual(circles(walk(src).filter((f) => f.endsWith('.ts'))), []);
    });

    it('imports the generated resolver types in resolvers only; domain code takes __generated__/types.ts', () => {
      const found = walk(src)
        .filter((f) => f.endsWith('.ts') && !/(^|\/)(resolvers|__generated__)\//.test(rel(f)))
        .filter((f) => importsOf(f).some((s) => s.endsWith('__generated__/resolvers-types.ts')))
        .map(rel);
      assert.deepEqual(found, []);
    });

    it('parses raw rows instead of casting them, and casts nothing through unknown', () => {
      const found: string[] = [];
      for (const file of walk(src).filter((f) => f.endsWith('.ts') && !rel(f).includes('/__generated__/'))) {
        const text = readFileSync(file, 'utf8');
        if (/\bas unknown as\b/.test(text)) found.push(`${rel(file)}: as unknown as`);
        for (const m of text.matchAll(/\$queryRaw(?:Unsafe)?<([^>]+)>/g))
          if (m[1]!.trim() !== 'unknown[]')
            found.push(`${rel(file)}: $queryRaw<${m[1]}> (read unknown[] and parse it)`);
      }
      assert.deepEqual(found, []);
    });

    it('keeps unit tests free of the database: a test that needs one is in test/', () => {
      const found = walk(src)
        .filter((f) => f.endsWith('.test.ts'))
        .filter((f) => /createTestDatabase|start\w*Subgraph\(|startTestHub/.test(readFileSync(f, 'utf8')))
        .map(rel);
      assert.deepEqual(found, []);
    });

    it('has a README with the standard headings, in order', () => {
      const headings = [...readFileSync(path.join(dir, 'README.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) =>
        m[1]!.trim(),
      );
      assert.deepEqual(
        headings.filter((h) => README_HEADINGS.includes(h)),
        README_HEADINGS,
      );
    });
  });
}
