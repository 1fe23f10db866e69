/**
 * The memory soak's heap probe (bench/memory-probe.ts) tells retained memory from garbage: in a process started as the
 * soak starts its gateway, 20 MB kept reachable shows in heap used after the probe's full collection, and the same
 * 20 MB made unreachable does not — the property the soak's "heap used after a full collection" figure rests on
 * (docs/operations.md, "Gateway memory soak"). Counts bytes, never time.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { MemoryProbe } from '../bench/memory-probe.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

// The process under test: keeps or drops 20 MB of small arrays on command (what a leaking map would hold).
const SUBJECT = `
let kept = [];
process.on('message', (m) => {
  if (m === 'keep') { for (let i = 0; i < 20 * 1024; i += 1) kept.push(new Array(128).fill(i)); process.send('done'); }
  if (m === 'drop') { kept = []; process.send('done'); }
  if (m === 'garbage') { let sum = 0; for (let i = 0; i < 20 * 1024; i += 1) sum += new Array(128).fill(i).length; process.send('done'); }
});`;

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message as string);
  });
}

describe('the memory soak heap probe', () => {
  let child: ChildProcess;
  before(() => {
    child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--import', './bench/memory-probe.ts', '--input-type=module', '-e', SUBJECT],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
  });
  after(() => {
    child.kill('SIGTERM');
  });

  const probe = () => ask<MemoryProbe>(child, { probe: true });

  it('counts retained objects in heap used after its collection, and garbage not', async () => {
    const start = await probe();
    await ask(child, 'garbage');
    const afterGarbage = await probe();
    // 20 MB allocated and dropped: gone after the collection (a little for the compiled code, well under 2 MB).
    assert.ok(
      afterGarbage.heapUsed - start.heapUsed < 2 * MB,
      `garbage left ${(afterGarbage.heapUsed - start.heapUsed) / MB} MB`,
    );

    await ask(child, 'keep');
    const afterKeep = await probe();
    // 20,480 arrays of 128 small integers: at least 20 MB of elements, all reachable.
    assert.ok(afterKeep.heapUsed - start.heapUsed > 20 * MB, `kept ${(afterKeep.heapUsed - start.heapUsed) / MB} MB`);
    assert.ok(afterKeep.oldSpaceUsed > start.oldSpaceUsed, 'retained objects end up in old space');

    await ask(child, 'drop');
    const afterDrop = await probe();
    assert.ok(
      afterDrop.heapUsed - start.heapUsed < 2 * MB,
      `dropped left ${(afterDrop.heapUsed - start.heapUsed) / MB} MB`,
    );
    for (const figure of [afterDrop.rss, afterDrop.heapTotal, afterDrop.newSpace]) assert.ok(figure > 0);
  });
});
