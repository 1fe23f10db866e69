import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file so that commands work from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
export const dataDir = path.join(repoRoot, '.data');
