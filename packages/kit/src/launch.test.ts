import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOADER_ARGS, NODE_ARGS, serviceArgs, serviceCommand, V8_FLAGS, workerExecArgv } from './launch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const startScript = (dir: string) =>
  (JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { scripts?: { start?: string } }).scripts
    ?.start;

describe('how a service process starts (launch.ts)', () => {
  it('runs an entry with the V8 flags and tsx’s ESM hook alone', () => {
    assert.deepEqual(V8_FLAGS, ['--max-semi-space-size=32']);
    assert.deepEqual(LOADER_ARGS, ['--import', 'tsx/esm']);
    assert.deepEqual(serviceArgs('gateway/src/main.ts'), [
      '--max-semi-space-size=32',
      '--import',
      'tsx/esm',
      'gateway/src/main.ts',
    ]);
    // Extra options follow the loader, so that a preloaded module may be TypeScript.
    assert.deepEqual(serviceArgs('x.ts', ['--import', './probe.ts']), [...NODE_ARGS, '--import', './probe.ts', 'x.ts']);
    assert.deepEqual(serviceCommand('scripts/start.ts'), ['node', ...NODE_ARGS, 'scripts/start.ts']);
  });

  it("gives a cluster worker the V8 flags and the ESM hook whatever the primary's options", () => {
    const expected = [...V8_FLAGS, ...LOADER_ARGS];
    // A bare node, `--import tsx` (both hooks), the tsx command's own options, the kit's own line.
    assert.deepEqual(workerExecArgv([]), expected);
    assert.deepEqual(workerExecArgv(['--import', 'tsx']), expected);
    assert.deepEqual(workerExecArgv(['--import=tsx']), expected);
    assert.deepEqual(
      workerExecArgv([
        '--require',
        '/srv/hub/node_modules/tsx/dist/preflight.cjs',
        '--import',
        'file:///srv/hub/node_modules/tsx/dist/loader.mjs',
      ]),
      expected,
    );
    assert.deepEqual(workerExecArgv(NODE_ARGS), expected);
    assert.deepEqual(workerExecArgv(workerExecArgv(['--import', 'tsx'])), expected);
  });

  it("keeps the primary's other options after the loader, and a V8 flag it was given explicitly", () => {
    assert.deepEqual(workerExecArgv(['--enable-source-maps', '--import', './probe.ts']), [
      ...V8_FLAGS,
      ...LOADER_ARGS,
      '--enable-source-maps',
      '--import',
      './probe.ts',
    ]);
    assert.deepEqual(workerExecArgv(['--import', 'tsx', '--max-semi-space-size=64']), [
      '--max-semi-space-size=64',
      ...LOADER_ARGS,
    ]);
  });

  it("is the command of npm start and of every service workspace's start script", () => {
    assert.equal(startScript('.'), serviceCommand('scripts/start.ts').join(' '));
    const workspaces = ['gateway', ...readdirSync(path.join(root, 'subgraphs')).map((name) => `subgraphs/${name}`)];
    for (const dir of workspaces) assert.equal(startScript(dir), serviceCommand('src/main.ts').join(' '), dir);
  });
});
