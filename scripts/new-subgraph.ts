/**
 * Adds a department (部门) to the hub: a subgraph of the one anatomy (docs/architecture.md, "One subgraph"; the court is
 * the worked example) with a first entity field on CreditSubject, wired into every place a subgraph is known.
 *
 *   npm run new:subgraph -- <name> --department <dept> [--label <Chinese name>] [--no-build]
 *
 * <name> is the subgraph's name (lower-case letters and digits: `housing`); <dept> the department code that owns its
 * records (an existing key of DEPARTMENTS in packages/kit/src/topology.ts, or a new one, then named by --label). It
 * writes:
 *
 *   subgraphs/<name>/      package.json, README.md (the standard headings), schema.graphql, src/ (index, main, env,
 *                          context, loaders, mappers, reads, rules + its unit test, resolvers/), test/ (seed.ts and a
 *                          subgraph-tier test over real HTTP)
 *   prisma/schema/<name>.prisma and the schema name in _base.prisma; the migration (`npm run db:migration`)
 *   packages/kit/src/topology.ts   the SUBGRAPHS entry (next free port) and, when new, the DEPARTMENTS entry
 *   apps/hub               the starter in src/index.ts and the dependency in package.json
 *   Dockerfile, docker-compose.yml (service, the gateway's SUBGRAPH_URL_<NAME>, depends_on), package-lock.json and
 *   the workspace link in node_modules (what `npm install` would write)
 *
 * and then regenerates what is generated: the Prisma client, codegen, the supergraph, docs/reference and deploy/k8s.
 * `npm test` is green right after it (scripts/test/new-subgraph.test.ts proves it in a copy of the repository). `--no-build` writes
 * the files and edits only (no migration, generation or composition): the test uses it to time the steps apart.
 *
 * The first field is a list of the department's records about a subject (`<name>Records`): replace it with the
 * department's real data, keeping the shape (loader by subject code, mapper, resolver file per type, seed, tests).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceCommand } from '../packages/kit/src/launch.ts';

export interface NewSubgraph {
  name: string;
  department: string;
  label?: string;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

// The descriptions of CreditSubject and its key repeat the subject subgraph's word for word: composition keeps one.
const SUBJECT_DESCRIPTION = `"""
A credit subject (信用主体): an organisation keyed by its unified social credit code (统一社会信用代码,
USCC) or a natural person (自然人) keyed by a pseudonymous person key. Every department's subgraph
extends this entity with its own records.
"""`;
const CODE_DESCRIPTION = `  """
  The subject's key: the 18-character USCC for organisations; for natural persons a 22-character person
  key starting with NP, derived from the ID number with the platform's secret so that departments can
  join a person without the raw 居民身份证号码 appearing in the graph.
  """`;

/** The files of the new subgraph, by path relative to the repository. */
export function subgraphFiles({ name, department, label }: NewSubgraph): Record<string, string> {
  const Name = pascal(name);
  const Record = `${Name}Record`;
  const records = `${name}Records`;
  const upper = name.toUpperCase();
  const who = label ?? department;
  return {
    [`prisma/schema/${name}.prisma`]: `// ${who}: the ${name} subgraph's tables (subgraphs/${name}). Made by \`npm run new:subgraph\`.

/// One record the department keeps about a credit subject: the subgraph's first field (CreditSubject.${records}).
model ${Record} {
  id          BigInt   @id @default(autoincrement())
  /// The subject's USCC or person key.
  subjectCode String   @map("subject_code") @db.VarChar(22)
  /// What the record says, as the department publishes it.
  title       String
  /// The day the department decided it.
  decidedOn   DateTime @map("decided_on") @db.Date
  createdAt   DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  @@index([subjectCode, decidedOn(sort: Desc), id(sort: Desc)])
  @@map("${name}_record")
  @@schema("${name}")
}
`,
    [`subgraphs/${name}/package.json`]:
      JSON.stringify(
        {
          name: `@credit-hub/subgraph-${name}`,
          version: '0.1.0',
          private: true,
          type: 'module',
          exports: { '.': './src/index.ts' },
          scripts: { start: serviceCommand('src/main.ts').join(' ') },
          dependencies: { '@credit-hub/kit': '*' },
        },
        null,
        2,
      ) + '\n',
    [`subgraphs/${name}/README.md`]: `# ${name} subgraph — ${who}

Owned by the \`${department}\` department. It extends \`CreditSubject\` with the department's records. Made by
\`npm run new:subgraph\` (docs/architecture.md, "How to add … a department"); the court subgraph is the worked example
of everything this one grows into.

## What it owns

- Postgres schema \`${name}\` (\`prisma/schema/${name}.prisma\`): \`${name}_record\` — one record about a subject (its code,
  title and decision day).
- On \`CreditSubject\` (nullable: an outage of this subgraph costs only its fields): \`${records}\`.

## Federation contract

Extends \`CreditSubject @key(fields: "code")\`. A reference is its own key: \`__resolveReference\` reads nothing. It
neither \`@requires\` nor provides facts of other subgraphs.

## Rules

\`src/rules.ts\`: records are listed newest decision first (\`byNewestDecision\`). Each rule names its source
(docs/domain.md, docs/rules/).

## Access

\`${Record}\` and \`CreditSubject.${records}\` are PUBLIC (docs/reference/access.md). Add \`@access\` levels and
\`@personal\` masks in schema.graphql before adding anything that is not public data.

## Loaders

\`recordsBySubject\`: every record of every subject of a request in one statement (\`rowsByKeys\`, ADR 0006), so a page
of 50 subjects costs what a page of 5 does (asserted in \`test/${name}.test.ts\`).

## Events

None: the subgraph neither emits nor consumes events.

## Gotchas

- \`decidedOn\` is a calendar day (\`@db.Date\`), answered as \`YYYY-MM-DD\` by the kit's \`Date\` scalar.

## Run alone

\`DATABASE_URL=… INTERNAL_IDENTITY_SECRET=… ${serviceCommand(`subgraphs/${name}/src/main.ts`).join(' ')}\` (variables: \`${upper}_HOST\`,
\`${upper}_PORT\` and the common ones, docs/reference/configuration.md). Tests:
\`npx tsx scripts/test.ts subgraphs/${name}/test/*.test.ts\` (subgraph tier), \`subgraphs/${name}/src/**/*.test.ts\`
(unit tier).
`,
    [`subgraphs/${name}/schema.graphql`]: `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@composeDirective"])
  @link(url: "https://specs.credit-hub.cn/access/v1.0", import: ["@access", "@personal"])
  @composeDirective(name: "@access")
  @composeDirective(name: "@personal")

# Extended here by ${who} with its records about a subject. The fields are nullable on purpose: when this
# subgraph is down, only they become null (with an error naming it) and the rest of the profile still arrives.
${SUBJECT_DESCRIPTION}
type CreditSubject @key(fields: "code") @access(level: PUBLIC) {
${CODE_DESCRIPTION}
  code: ID!
  """
  The subject's records kept by ${who} (${department}), newest decision first. Null (with an error naming the
  ${name} subgraph) when the ${name} subgraph is unavailable.
  """
  ${records}: [${Record}!]
}

"A record ${who} keeps about a credit subject."
type ${Record} @access(level: PUBLIC) {
  "The record's id."
  id: ID!
  "What the record says, as the department publishes it."
  title: String!
  "The day the department decided it (决定日期)."
  decidedOn: Date!
}
`,
    [`subgraphs/${name}/src/index.ts`]: `import { loadSchemaFile, startSubgraph, type StartOptions, type SubgraphDefinition } from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** ${who}: the department's records about credit subjects. */
export const ${name}Subgraph: SubgraphDefinition<Loaders> = {
  name: '${name}',
  department: '${department}',
  typeDefs: loadSchemaFile(import.meta.url),
  resolvers,
  createLoaders,
};

export const start${Name}Subgraph = (options: StartOptions<undefined>) => startSubgraph(${name}Subgraph, options);
`,
    [`subgraphs/${name}/src/main.ts`]: `import {
  clockFromEnv,
  identityOptionsOf,
  metricsOptionsOf,
  poolSizeOf,
  readEnvOrExit,
  serviceLogger,
  setClock,
  startObservability,
} from '@credit-hub/kit';
import { createDb } from '@credit-hub/kit/db';
import { readEnv } from './env.ts';
import { start${Name}Subgraph } from './index.ts';

// Runs this subgraph alone (one process per department in production; \`npm start\` runs all in one).
const env = readEnvOrExit(readEnv);
setClock(clockFromEnv(env));
// Log level, and traces when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (docs/operations.md).
await startObservability(env, 'subgraph-${name}');
const service = await start${Name}Subgraph({
  db: createDb(env.DATABASE_URL, { applicationName: 'subgraph-${name}', poolSize: poolSizeOf(env) }),
  port: env.${upper}_PORT,
  host: env.${upper}_HOST,
  production: env.NODE_ENV === 'production',
  ...identityOptionsOf(env),
  ...metricsOptionsOf(env),
});
serviceLogger('${name}').info('subgraph listening', { url: service.url });
`,
    [`subgraphs/${name}/src/env.ts`]: `import { loadEnv, subgraphEnv } from '@credit-hub/kit';

/**
 * The ${name} subgraph's configuration (docs/reference/configuration.md). main.ts reads it once at start and passes
 * the values down as options; this is the only module of the service that reads process.env.
 */
export const envShape = subgraphEnv('${name}');

export const readEnv = (source: Record<string, string | undefined> = process.env) => loadEnv(envShape, source);
`,
    [`subgraphs/${name}/src/context.ts`]: `import type { SubgraphContext } from '@credit-hub/kit';
import type { Loaders } from './loaders.ts';

export type Context = SubgraphContext<Loaders>;
`,
    [`subgraphs/${name}/src/loaders.ts`]: `import { manyByKey } from '@credit-hub/kit';
import type { Db } from '@credit-hub/kit/db';
import type { ${Record}Mapper } from './mappers.ts';
import { recordsOfSubjects } from './reads.ts';

/**
 * Every DataLoader of one request (built fresh per request by the kit): one statement per batch, whatever the
 * number of subjects in the request.
 */
export function createLoaders(db: Db) {
  return {
    /** Every record per subject, newest decision first: one statement for a whole page of subjects. */
    recordsBySubject: manyByKey<string, ${Record}Mapper>(
      (codes) => recordsOfSubjects(db, codes),
      (row) => row.subjectCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,
    [`subgraphs/${name}/src/mappers.ts`]: `import type { ${Record} } from '@credit-hub/kit/db';

/**
 * The parent types the ${name} subgraph's resolvers receive, named \`<GraphQL type>Mapper\` so that codegen finds them
 * (codegen.ts).
 */

/** The subgraph holds no subject rows: it knows a subject by its key alone (other subgraphs own the rest). */
export interface CreditSubjectMapper {
  code: string;
}

/** A record row as stored. */
export type ${Record}Mapper = ${Record};
`,
    [`subgraphs/${name}/src/reads.ts`]: `import { rowsByKeys, type Db, type ${Record} } from '@credit-hub/kit/db';
import { byNewestDecision } from './rules.ts';

const RECORDS = { model: '${Record}', schema: '${name}' } as const;

/** The records of many subjects in one statement (the loader's batch), newest decision first. */
export async function recordsOfSubjects(db: Db, codes: readonly string[]): Promise<${Record}[]> {
  const rows = await rowsByKeys<${Record}>(db, RECORDS, 'subjectCode', codes, [
    ['decidedOn', 'desc'],
    ['id', 'desc'],
  ]);
  return rows.sort(byNewestDecision);
}
`,
    [`subgraphs/${name}/src/rules.ts`]: `/**
 * The ${name} subgraph's pure rules: no I/O, no GraphQL (unit-tested in rules.test.ts beside this file).
 */

/** Newest decision first; the later record first on the same day. */
export const byNewestDecision = (
  a: { decidedOn: Date; id: bigint },
  b: { decidedOn: Date; id: bigint },
): number => b.decidedOn.getTime() - a.decidedOn.getTime() || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0);
`,
    [`subgraphs/${name}/src/rules.test.ts`]: `import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byNewestDecision } from './rules.ts';

describe('byNewestDecision', () => {
  it('puts the latest decision first, and the later record first on the same day', () => {
    const rows = [
      { id: 1n, decidedOn: new Date('2026-03-01') },
      { id: 3n, decidedOn: new Date('2026-05-01') },
      { id: 2n, decidedOn: new Date('2026-03-01') },
    ];
    assert.deepEqual(
      [...rows].sort(byNewestDecision).map((r) => r.id),
      [3n, 2n, 1n],
    );
  });
});
`,
    [`subgraphs/${name}/src/resolvers/index.ts`]: `import { DateScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { CreditSubject } from './CreditSubject.ts';
import { ${Record} } from './${Record}.ts';

/** The ${name} subgraph's resolver map, one object type per file. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  CreditSubject,
  ${Record},
};
`,
    [`subgraphs/${name}/src/resolvers/CreditSubject.ts`]: `import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';

export const CreditSubject: CreditSubjectResolvers = {
  // The subgraph holds no subject rows: a reference is its own key (no SQL).
  __resolveReference: (ref) => ({ code: ref.code }),
  ${records}: (s, _args, { loaders }) => loaders.recordsBySubject.load(s.code),
};
`,
    [`subgraphs/${name}/src/resolvers/${Record}.ts`]: `import { toIsoDate } from '@credit-hub/kit';
import type { ${Record}Resolvers } from '../__generated__/resolvers-types.ts';

export const ${Record}: ${Record}Resolvers = {
  id: (r) => String(r.id),
  decidedOn: (r) => toIsoDate(r.decidedOn)!,
};
`,
    [`subgraphs/${name}/test/seed.ts`]: `import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';

type RecordColumns = Prisma.${Record}CreateManyInput;

/** What a test states about a record: its subject and decision day (YYYY-MM-DD), and any column it cares about. */
export type RecordSeed = Pick<RecordColumns, 'subjectCode'> & Partial<Omit<RecordColumns, 'decidedOn'>> & {
  decided: string;
};

/** The ${name} subgraph's rows as the department writes them, on the kit's seed (subjects, codes). */
export function ${name}Seed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    record: seed.rows('${Record}', ({ decided, ...given }: RecordSeed): RecordColumns => ({
      title: '测试记录',
      ...given,
      decidedOn: new Date(decided),
    })),
  };
}
`,
    [`subgraphs/${name}/test/${name}.test.ts`]: `import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { start${Name}Subgraph } from '../src/index.ts';
import { ${name}Seed } from './seed.ts';

// The ${name} subgraph in process over real HTTP against a real Postgres clone; the file owns its data.
let tdb: TestDatabase;
let service: RunningService;
let seed: ReturnType<typeof ${name}Seed>;
let listed: string;
let clean: string;

before(async () => {
  tdb = await createTestDatabase();
  seed = ${name}Seed(tdb.db);
  listed = (await seed.subject()).code;
  clean = (await seed.subject()).code;
  await seed.record.many([
    { subjectCode: listed, title: '第一条记录', decided: '2026-03-01' },
    { subjectCode: listed, title: '第二条记录', decided: '2026-05-01' },
  ]);
  service = await start${Name}Subgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

const ENTITIES = \`query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on CreditSubject { code ${records} { title decidedOn } } }
}\`;
const refs = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'CreditSubject', code })) });

describe('CreditSubject.${records}', () => {
  it("gives each subject its records, newest decision first, and an empty list to a subject without any", async () => {
    const { body } = await postAs(service.url, callers.public, ENTITIES, refs([listed, clean]));
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data, {
      _entities: [
        {
          code: listed,
          ${records}: [
            { title: '第二条记录', decidedOn: '2026-05-01' },
            { title: '第一条记录', decidedOn: '2026-03-01' },
          ],
        },
        { code: clean, ${records}: [] },
      ],
    });
  });

  it('reads the records of many subjects in one statement', async () => {
    const codes = [listed, clean, ...Array.from({ length: 20 }, () => seed.uscc())];
    tdb.db.resetStatements();
    const { body } = await postAs(service.url, callers.public, ENTITIES, refs(codes));
    assert.equal(body.errors, undefined);
    assert.equal((body.data as { _entities: unknown[] })._entities.length, codes.length);
    assert.equal(tdb.db.statements(), 1);
  });
});
`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Edits of the files that know every subgraph.

/** Inserts `text` before the first match of `anchor` at or after `from`; refuses when the anchor is missing. */
function insertBefore(source: string, anchor: RegExp | string, text: string, file: string, from = 0): string {
  const rest = source.slice(from);
  const at = typeof anchor === 'string' ? rest.indexOf(anchor) : (rest.match(anchor)?.index ?? -1);
  if (at < 0) throw new Error(`${file}: cannot find where to add the subgraph (${String(anchor)})`);
  return source.slice(0, from + at) + text + source.slice(from + at);
}

/** Inserts `line` after the last line matching `pattern`. */
function afterLastLine(source: string, pattern: RegExp, line: string, file: string): string {
  const lines = source.split('\n');
  const last = lines.findLastIndex((l) => pattern.test(l));
  if (last < 0) throw new Error(`${file}: no line matches ${String(pattern)}`);
  lines.splice(last + 1, 0, line);
  return lines.join('\n');
}

export function wire(root: string, { name, department, label }: NewSubgraph): void {
  const Name = pascal(name);
  const upper = name.toUpperCase();
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(root, file);
    writeFileSync(full, change(readFileSync(full, 'utf8')));
  };

  // The Postgres schema, in the datasource's list.
  edit('prisma/schema/_base.prisma', (text) =>
    text.replace(/(schemas\s*=\s*\[[^\]]*)\]/, (_m, list: string) => `${list}, "${name}"]`),
  );

  // The topology: the next free port, and the department when it is new.
  let port = 0;
  edit('packages/kit/src/topology.ts', (text) => {
    const ports = [...text.matchAll(/port: (\d+)/g)].map((m) => Number(m[1]));
    port = Math.max(...ports) + 1;
    let out = insertBefore(
      text,
      /\n\] as const;/,
      `\n  { name: '${name}', port: ${port}, department: '${department}' },`,
      'topology.ts',
    );
    const departments = out.indexOf('export const DEPARTMENTS');
    const known = new RegExp(`^\\s+${department}: '`, 'm').test(out.slice(departments));
    if (!known) {
      if (!label) throw new Error(`department ${department} is new: name it with --label <Chinese name>`);
      out = insertBefore(out, /\n\} as const;/, `\n  ${department}: '${label}',`, 'topology.ts', departments);
    }
    return out;
  });

  // The all-in-one hub: the import, the starter and the dependency.
  edit('apps/hub/src/index.ts', (text) => {
    const withImport = afterLastLine(
      text,
      /^import .* from '@credit-hub\/subgraph-/,
      `import { start${Name}Subgraph } from '@credit-hub/subgraph-${name}';`,
      'apps/hub/src/index.ts',
    );
    return insertBefore(
      withImport,
      '\n});',
      `\n  ${name}: start${Name}Subgraph,`,
      'apps/hub/src/index.ts',
      withImport.indexOf('const startersFor'),
    );
  });
  edit('apps/hub/package.json', (text) => {
    const manifest = JSON.parse(text) as { dependencies: Record<string, string> };
    manifest.dependencies[`@credit-hub/subgraph-${name}`] = '*';
    manifest.dependencies = Object.fromEntries(
      Object.entries(manifest.dependencies).sort(([a], [b]) => a.localeCompare(b, 'en')),
    );
    return JSON.stringify(manifest, null, 2) + '\n';
  });

  // The image installs each workspace from its manifest first (a layer that survives code changes).
  edit('Dockerfile', (text) =>
    afterLastLine(
      text,
      /^COPY subgraphs\/.*\/package\.json/,
      `COPY subgraphs/${name}/package.json subgraphs/${name}/`,
      'Dockerfile',
    ),
  );

  // Compose: the service, the gateway's URL for it, and the gateway waits for it.
  edit('docker-compose.yml', (text) => {
    const service = `  ${name}:
    <<: *app
    command: [${serviceCommand(`subgraphs/${name}/src/main.ts`)
      .map((part) => `'${part}'`)
      .join(', ')}]
    environment:
      <<: *subgraph-env
      ${upper}_HOST: 0.0.0.0
      ${upper}_PORT: '${port}'
    depends_on: *subgraph-depends
    healthcheck:
      test:
        [
          'CMD',
          'node',
          '-e',
          "fetch('http://127.0.0.1:${port}/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))",
        ]
      interval: 10s
      timeout: 3s
      retries: 5

`;
    let out = insertBefore(text, /^ {2}gateway:$/m, service, 'docker-compose.yml');
    out = afterLastLine(
      out,
      /^ {6}SUBGRAPH_URL_[A-Z]+: /,
      `      SUBGRAPH_URL_${upper}: http://${name}:${port}/graphql`,
      'docker-compose.yml',
    );
    const gateway = out.search(/^ {2}gateway:$/m);
    const tail = out.slice(gateway);
    const lastHealthy = tail.lastIndexOf('        condition: service_healthy\n');
    if (lastHealthy < 0) throw new Error("docker-compose.yml: the gateway's depends_on has no service_healthy entry");
    const at = gateway + lastHealthy + '        condition: service_healthy\n'.length;
    return out.slice(0, at) + `      ${name}:\n        condition: service_healthy\n` + out.slice(at);
  });

  // What `npm install` would record for a new workspace: the lock entries and the link in node_modules.
  edit('package-lock.json', (text) => {
    const lock = JSON.parse(text) as { packages: Record<string, Record<string, unknown>> };
    const packages = lock.packages;
    const hub = packages['apps/hub'] as { dependencies?: Record<string, string> } | undefined;
    if (hub?.dependencies) {
      hub.dependencies[`@credit-hub/subgraph-${name}`] = '*';
      hub.dependencies = Object.fromEntries(
        Object.entries(hub.dependencies).sort(([a], [b]) => a.localeCompare(b, 'en')),
      );
    }
    packages[`node_modules/@credit-hub/subgraph-${name}`] = { resolved: `subgraphs/${name}`, link: true };
    packages[`subgraphs/${name}`] = {
      name: `@credit-hub/subgraph-${name}`,
      version: '0.1.0',
      dependencies: { '@credit-hub/kit': '*' },
    };
    const [rootEntry, ...rest] = Object.keys(packages);
    // npm orders the entries by locale ('en'), the root first.
    const sorted = [rootEntry!, ...rest.sort((a, b) => a.localeCompare(b, 'en'))];
    lock.packages = Object.fromEntries(sorted.map((key) => [key, packages[key]!]));
    return JSON.stringify(lock, null, 2) + '\n';
  });
  const link = path.join(root, 'node_modules', '@credit-hub', `subgraph-${name}`);
  if (existsSync(path.dirname(link)) && !existsSync(link)) symlinkSync(path.join('..', '..', 'subgraphs', name), link);
}

// ---------------------------------------------------------------------------------------------------------------

function parseArgs(args: string[]): NewSubgraph & { build: boolean } {
  const name = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const option = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const department = option('--department');
  const usage = 'usage: npm run new:subgraph -- <name> --department <dept> [--label <Chinese name>] [--no-build]';
  if (!name || !department) throw new Error(usage);
  if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`the name ${name} must be lower-case letters and digits`);
  if (!/^[a-z][a-z0-9]*$/.test(department))
    throw new Error(`the department code ${department} must be lower-case letters and digits`);
  return { name, department, label: option('--label'), build: !args.includes('--no-build') };
}

export function newSubgraph(root: string, spec: NewSubgraph, build = true): void {
  if (existsSync(path.join(root, 'subgraphs', spec.name)))
    throw new Error(`subgraphs/${spec.name} exists already: choose another name`);
  const timings: string[] = [];
  const step = (what: string, work: () => void) => {
    const started = performance.now();
    work();
    timings.push(`${what} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  step('files and wiring', () => {
    for (const [file, text] of Object.entries(subgraphFiles(spec))) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    wire(root, spec);
  });
  if (build) {
    // Prisma's CLI reports usage to its vendor unless told not to: air-gapped sites (and the tests' guard) refuse it.
    const env = { ...process.env, CHECKPOINT_DISABLE: '1' };
    const npm = (...args: string[]) =>
      execFileSync('npm', ['run', '--silent', ...args], { cwd: root, stdio: 'inherit', env });
    step('prisma client', () => npm('generate'));
    step('migration', () => npm('db:migration', '--', spec.name));
    // Composition first: the web app's codegen reads the composed supergraph, which the new subgraph changes.
    step('composition', () => npm('compose'));
    step('codegen', () => npm('codegen'));
    step('reference docs', () => npm('docs'));
    step('kubernetes manifests', () => npm('k8s'));
    step('format', () =>
      execFileSync(
        'npx',
        [
          'prettier',
          '--log-level',
          'warn',
          '--write',
          `subgraphs/${spec.name}`,
          'apps/hub',
          'packages/kit/src/topology.ts',
          'docker-compose.yml',
        ],
        { cwd: root, stdio: 'inherit' },
      ),
    );
  }
  console.log(`added the ${spec.name} subgraph (${timings.join(', ')})`);
  console.log(
    `next: replace the first field (${spec.name}Records) with the department's data, then \`npm test\`; ` +
      `see subgraphs/${spec.name}/README.md`,
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1] === fileURLToPath(import.meta.url)) {
  const { build, ...spec } = parseArgs(process.argv.slice(2));
  newSubgraph(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), spec, build);
}
