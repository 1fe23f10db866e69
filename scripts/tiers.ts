import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The test tiers (docs/architecture.md, "Tests"). A test file's tier is its folder, never what the file contains:
 * unit tests sit next to the code under `src/`, subgraph-tier tests under a `test/` folder, end-to-end tests under
 * the top-level `e2e/`.
 */
export type Tier = 'unit' | 'subgraph' | 'e2e';
export const TIERS: readonly Tier[] = ['unit', 'subgraph', 'e2e'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A test file's tier, from its path alone. */
export function tierOf(file: string): Tier {
  const parts = path.relative(repoRoot, path.resolve(file)).split(path.sep);
  if (parts[0] === 'e2e') return 'e2e';
  return parts.slice(0, -1).includes('test') ? 'subgraph' : 'unit';
}
