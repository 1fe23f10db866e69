/**
 * Builds the web app when its build is missing or stale (`npm start` and the browser tests call ensureWebBuild;
 * `npm run build -w web` forces one). Stale means: the hash of every input (sources, config, lock file, the
 * supergraph the typed documents come from) differs from the one recorded in dist/.inputs-hash. Offline: codegen
 * and Vite read only local files. About half a minute on two cores, nothing when current.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '..');
export const WEB_DIST = path.join(webRoot, 'dist');
const STAMP = path.join(WEB_DIST, '.inputs-hash');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : filesUnder(full);
    return [full];
  });
}

/** The hash of everything the build reads (generated src/gql aside: it is derived from the rest). */
export function inputsHash(): string {
  const files = [
    ...filesUnder(path.join(webRoot, 'src')),
    ...['index.html', 'vite.config.ts', 'codegen.ts', 'package.json'].map((f) => path.join(webRoot, f)),
    path.join(repoRoot, 'supergraph.graphql'),
    path.join(repoRoot, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(repoRoot, file));
    hash.update('\0');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  return (
    existsSync(path.join(WEB_DIST, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputsHash()
  );
}

/** Regenerates the typed and persisted documents (src/gql) from src/operations.ts and the supergraph. */
export async function generateDocuments(log: (line: string) => void = () => undefined): Promise<void> {
  let generate: typeof import('@graphql-codegen/cli').generate;
  try {
    ({ generate } = await import('@graphql-codegen/cli'));
  } catch {
    // A production image installs no dev tools: it builds from the committed src/gql.
    log('GraphQL Code Generator is not installed: building with the committed src/gql');
    return;
  }
  const { default: config } = await import('./codegen.ts');
  await generate({ ...config, silent: true, errorsOnly: true }, true);
}

/**
 * Vite in its own process with NODE_ENV=production: Vite and Vue decide "production" from NODE_ENV, which a test
 * run sets to `test` (a development build would carry Vue's warnings and their documentation links).
 */
function viteBuild(): Promise<void> {
  const require = createRequire(import.meta.url);
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: webRoot,
      // eslint-disable-next-line no-restricted-properties -- the child inherits this process's environment
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`))));
  });
}

export async function ensureWebBuild(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<{ built: boolean; ms: number }> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  if (!options.force && isBuildCurrent()) return { built: false, ms: 0 };
  log('building the web app (web/dist is missing or stale)');
  await generateDocuments(log);
  const hash = inputsHash();
  await viteBuild();
  writeFileSync(STAMP, hash);
  const ms = Math.round(performance.now() - started);
  log(`web app built in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureWebBuild({ force: process.argv.includes('--force'), log: (line) => console.log(`[web] ${line}`) });
}
