import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { persistedDocumentHash } from '../gateway/src/safelist.ts';

/**
 * Typed documents for the web app (`npm run codegen -w web`, also run by the build when stale): GraphQL Code
 * Generator's client preset over the gateway's public API schema (the composed supergraph with the federation
 * machinery removed), reading the `graphql(…)` calls of src/**.
 *
 * Persisted documents: the preset writes src/gql/persisted-documents.json (hash → document text) and embeds each
 * document's hash in its DocumentNode (`__meta__.hash`); the browser then sends only the hash. The hash function
 * is the gateway's own (persistedDocumentHash), so there is one scheme, not two that must agree.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const supergraph = readFileSync(path.resolve(here, '../supergraph.graphql'), 'utf8');
const apiSchema = printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema());

const config: CodegenConfig = {
  overwrite: true,
  schema: apiSchema,
  documents: [path.join(here, 'src/**/*.ts'), `!${path.join(here, 'src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [path.join(here, 'src/gql/')]: {
      // The preset's own file, not its name: a name is resolved from the working directory, and the repository root
      // holds another (older) client preset than this workspace's, so `npm run codegen` from the root, the build and
      // `npm run codegen -w web` wrote different files. Resolved from here, it is always this workspace's.
      // (Typed as the name: the CLI's type lists names only, while it loads a module path as well.)
      preset: createRequire(import.meta.url).resolve('@graphql-codegen/client-preset') as 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: persistedDocumentHash },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
