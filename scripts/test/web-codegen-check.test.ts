/**
 * `npm run codegen:check` covers the web app's typed and persisted documents: web/src/gql must be what the client
 * preset makes of web/src/operations.ts and the supergraph, or the check fails (a document the site sends would
 * otherwise be missing from the safelist the gateway loads, or typed against an old schema).
 *
 * Run in a copy of what the web codegen reads (its config, src/, the supergraph and the gateway's hash function),
 * node_modules shared by links, so the working tree is never touched. The root script must chain the web check.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '@credit-hub/kit/db';

const run = promisify(execFile);
// Generous: the machine may be shared, and each step starts GraphQL Code Generator.
const STEP = { timeout: 5 * 60_000 };
let copy: string;

/** `npm run --silent <script>` in the copy's web workspace: its exit status and what it printed. */
async function webScript(script: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script], {
      cwd: path.join(copy, 'web'),
      maxBuffer: 16 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

before(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'credit-hub-web-codegen-'));
  await mkdir(path.join(copy, 'gateway', 'src'), { recursive: true });
  await mkdir(path.join(copy, 'web'), { recursive: true });
  for (const file of [
    'package.json',
    'supergraph.graphql',
    'gateway/src/safelist.ts',
    'web/package.json',
    'web/codegen.ts',
  ])
    await cp(path.join(repoRoot, file), path.join(copy, file));
  await cp(path.join(repoRoot, 'web', 'src'), path.join(copy, 'web', 'src'), { recursive: true });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  await symlink(path.join(repoRoot, 'web', 'node_modules'), path.join(copy, 'web', 'node_modules'), 'dir');
});

after(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('codegen:check and the web documents', () => {
  it('is chained into the root codegen:check (what `npm run check` runs)', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.match(scripts['codegen:check']!, /npm run --silent codegen:check -w web/);
    assert.match(scripts.codegen!, /npm run --silent codegen -w web/);
  });

  it(
    'passes on the committed documents, fails once operations.ts changes, passes again after codegen',
    STEP,
    async () => {
      const current = await webScript('codegen:check');
      assert.ok(current.ok, `the committed web/src/gql is current:\n${current.output}`);

      await appendFile(
        path.join(copy, 'web', 'src', 'operations.ts'),
        '\nexport const CheckProbeQuery = graphql(`\n  query WebCheckProbe {\n    regions {\n      code\n    }\n  }\n`);\n',
      );
      const stale = await webScript('codegen:check');
      assert.equal(stale.ok, false, 'a new operation without regenerated documents fails the check');
      assert.match(stale.output, /src\/gql\/(graphql|gql)\.ts/, `the stale files are named:\n${stale.output}`);

      const regenerated = await webScript('codegen');
      assert.ok(regenerated.ok, regenerated.output);
      const documents = await readFile(path.join(copy, 'web', 'src', 'gql', 'persisted-documents.json'), 'utf8');
      assert.match(documents, /query WebCheckProbe/, 'the new operation is published');
      const fixed = await webScript('codegen:check');
      assert.ok(fixed.ok, `current again after codegen:\n${fixed.output}`);
    },
  );
});
