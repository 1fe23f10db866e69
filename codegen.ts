import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, parse } from 'graphql';
import ts from 'typescript';

/**
 * Types generated from each subgraph's schema.graphql (`npm run codegen`; `npm test` checks they are current),
 * two files per subgraph in src/__generated__/:
 *
 *   types.ts            the schema's types, inputs, enums and field arguments (`DishonestDebtorCaseInput`,
 *                       `QueryDishonestDebtorCasesArgs`…): what domain functions take. It imports nothing, so
 *                       reads.ts/writes.ts/rules.ts can use it without an import circle.
 *   resolvers-types.ts  the resolver signatures (`Resolvers`, `QueryResolvers`…), parents typed by the mappers.
 *
 * Mappers — the parent types resolvers receive — are found by convention, never listed here: every `mappers.ts`
 * under a subgraph's src/ (its own, and a feature folder's) exporting `<GraphQL type>Mapper` maps that type. A
 * generic mapper (`export type CreditSubjectMapper<T> = Pick<T, 'code' | …>`) receives the generated type, so an
 * entity's `@requires` fields are typed from the schema (docs/architecture.md).
 */

const SUBGRAPHS_DIR = 'subgraphs';

interface FoundMapper {
  file: string;
  generic: boolean;
}

/** Every `mappers.ts` below `dir`, generated code and tests aside. */
function mapperFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__generated__' ? [] : mapperFiles(full);
    return entry.name === 'mappers.ts' ? [full] : [];
  });
}

/** The `<Type>Mapper` names a module exports (declared or re-exported), and whether each takes a type parameter. */
function exportedMappers(file: string): Map<string, boolean> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map<string, boolean>();
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && exported(statement))
      found.set(statement.name.text, (statement.typeParameters?.length ?? 0) > 0);
    else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause))
      for (const element of statement.exportClause.elements) found.set(element.name.text, false);
  }
  return new Map([...found].filter(([name]) => name.endsWith('Mapper') && name !== 'Mapper'));
}

/** The object types a subgraph's schema declares or extends. */
function schemaTypes(subgraph: string): Set<string> {
  const document = parse(readFileSync(path.join(SUBGRAPHS_DIR, subgraph, 'schema.graphql'), 'utf8'));
  return new Set(
    document.definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION ? [d.name.value] : [],
    ),
  );
}

/**
 * The entity types (`@key`) of a subgraph: the resolvers file names them bare in its federation mapping (a gap of
 * the plugin's namespaced mode), so they are imported by name too.
 */
function entityTypes(subgraph: string): string[] {
  const document = parse(readFileSync(path.join(SUBGRAPHS_DIR, subgraph, 'schema.graphql'), 'utf8'));
  const names = document.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    d.directives?.some((x) => x.name.value === 'key')
      ? [d.name.value]
      : [],
  );
  return [...new Set(names)].sort();
}

/** A subgraph's codegen mappers, from its mappers.ts files; a name that maps no type of its schema is an error. */
export function mappersOf(subgraph: string): Record<string, string> {
  const src = path.join(SUBGRAPHS_DIR, subgraph, 'src');
  const generated = path.join(src, '__generated__');
  const types = schemaTypes(subgraph);
  const found = new Map<string, FoundMapper>();
  for (const file of mapperFiles(src)) {
    for (const [name, generic] of exportedMappers(file)) {
      const type = name.slice(0, -'Mapper'.length);
      const where = path.relative(process.cwd(), file);
      if (!types.has(type)) throw new Error(`${where}: ${name} maps no type of ${subgraph}/schema.graphql (${type})`);
      const twice = found.get(type);
      if (twice) throw new Error(`${name} is exported by both ${twice.file} and ${where}: one mapper per type`);
      found.set(type, { file: where, generic });
    }
  }
  return Object.fromEntries(
    [...found].map(([type, { file, generic }]) => {
      const relative = path.relative(generated, file).split(path.sep).join('/');
      return [type, `${relative}#${type}Mapper${generic ? '<{T}>' : ''}`];
    }),
  );
}

const subgraphs = readdirSync(SUBGRAPHS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

// CODEGEN_ONLY=<name> regenerates one subgraph (handy while several are being written at once).
// eslint-disable-next-line no-restricted-properties
const only = process.env.CODEGEN_ONLY;

const HEADER = {
  add: { content: '/* Generated by `npm run codegen` from schema.graphql: do not edit. */\n/* eslint-disable */' },
};
const shared = {
  federation: true,
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: {
    Date: { input: 'Date', output: 'Date | string' },
    DateTime: { input: 'Date', output: 'Date | string' },
  },
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  maybeValue: 'T | null',
  inputMaybeValue: 'T | null | undefined',
};

const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    subgraphs
      .filter((name) => !only || name === only)
      .flatMap((name) => {
        // The shared definitions (access directives, Date, PageInfo) first, as the subgraph loads them.
        const schema = ['packages/kit/src/common.graphql', `subgraphs/${name}/schema.graphql`];
        const out = `subgraphs/${name}/src/__generated__`;
        return [
          [`${out}/types.ts`, { schema, plugins: [HEADER, 'typescript'], config: shared }],
          [
            `${out}/resolvers-types.ts`,
            {
              schema,
              plugins: [
                HEADER,
                {
                  add: {
                    content:
                      "import type * as Types from './types.ts';\n" +
                      `import type { ${entityTypes(name).join(', ')} } from './types.ts';`,
                  },
                },
                'typescript-resolvers',
              ],
              config: {
                ...shared,
                namespacedImportName: 'Types',
                contextType: '../context.ts#Context',
                mappers: mappersOf(name),
              },
            },
          ],
        ];
      }),
  ),
};

export default config;
