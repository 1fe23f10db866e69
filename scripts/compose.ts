/**
 * Composes the supergraph in-process from every subgraph's schema.graphql (no Rover: it downloads a
 * plugin at run time). `--check` fails when composition fails, when the committed supergraph.graphql is
 * stale, or when the client-facing API breaks without a record in intended-breaks.json (scripts/breaking-changes.ts).
 *
 *   npm run compose            write supergraph.graphql
 *   npm run compose -- --check verify (part of npm test)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repoRoot } from '../packages/kit/src/db/paths.ts';
import { withCommonSdl } from '../packages/kit/src/server.ts';
import { SUBGRAPHS, subgraphSchemaPath } from '../packages/kit/src/topology.ts';
import { checkBreakingChanges } from './breaking-changes.ts';

const supergraphPath = path.join(repoRoot, 'supergraph.graphql');

/** Composes `subgraphs` (default: every one; the reload test composes a hub without one of them). */
export async function compose(
  subgraphs: readonly (typeof SUBGRAPHS)[number][] = SUBGRAPHS,
): Promise<{ supergraphSdl: string; apiSchemaSdl: string }> {
  const services = await Promise.all(
    subgraphs.map(async ({ name, port }) => ({
      name,
      url: `http://127.0.0.1:${port}/graphql`,
      typeDefs: parse(withCommonSdl(await readFile(path.join(repoRoot, subgraphSchemaPath(name)), 'utf8'))),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  for (const hint of result.hints ?? []) console.warn(`hint: ${hint.definition.code}: ${hint.message}`);
  const { printSchema } = await import('graphql');
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  const { supergraphSdl } = await compose();
  const committed = await readFile(supergraphPath, 'utf8').catch(() => null);
  const breaking = await checkBreakingChanges(repoRoot, supergraphSdl);
  for (const line of breaking.lines) (breaking.ok ? console.log : console.error)(line);
  if (check) {
    if (committed !== supergraphSdl) {
      console.error('supergraph.graphql is stale: run `npm run compose` and commit the result');
      process.exit(1);
    }
    if (!breaking.ok) process.exit(1);
    console.log(`supergraph.graphql is current (${SUBGRAPHS.length} subgraphs compose)`);
    return;
  }
  await writeFile(supergraphPath, supergraphSdl);
  console.log(`wrote supergraph.graphql from ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
