import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';

export interface SupergraphWatchOptions {
  /** How often the file is read again besides the change notifications (default 5 s; 0: never). */
  pollMs?: number;
}

/**
 * Serves the committed supergraph.graphql to the gateway and hands it a new one when the file changes
 * (a redeploy of the composed file reloads the graph without restarting the gateway). A broken file
 * is reported and ignored: the gateway keeps serving the last good supergraph.
 *
 * Files are rarely changed in place: a deploy writes a new file and renames it over the old one, and a Kubernetes
 * ConfigMap swaps a symlink. A watch on the path follows the old file after either, so the watch is set again after
 * every change notification, and the file is also read every `pollMs` (a notification can be missed altogether on
 * some volumes). Every replica watching the same file thus picks the change up, within `pollMs` at worst.
 */
export function supergraphFromFile(
  path: string,
  log: (line: string) => void,
  { pollMs = 5000 }: SupergraphWatchOptions = {},
): SupergraphSdlHook {
  return async ({ update }) => {
    let current = await readFile(path, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    let closed = false;
    let checking: Promise<void> = Promise.resolve();

    const check = () =>
      (checking = checking.then(async () => {
        if (closed) return;
        try {
          const next = await readFile(path, 'utf8');
          if (next === current || next.trim() === '') return;
          update(next);
          current = next;
          log(`supergraph reloaded from ${path}`);
        } catch (error) {
          log(`supergraph reload failed, keeping the previous one: ${(error as Error).message}`);
        }
      }));

    const arm = () => {
      watcher?.close();
      watcher = undefined;
      if (closed) return;
      try {
        watcher = watch(path, () => {
          // Editors and `git checkout` write in several steps: settle before reading. The watch is set again on
          // the path, which may name a new file now (a rename over it, a swapped symlink).
          clearTimeout(timer);
          timer = setTimeout(() => {
            arm();
            void check();
          }, 200);
        });
        watcher.on('error', () => undefined);
      } catch {
        // The file is being replaced right now: the poll sets the watch again.
      }
    };
    arm();
    const poll =
      pollMs > 0
        ? setInterval(() => {
            if (!watcher) arm();
            void check();
          }, pollMs)
        : undefined;
    poll?.unref();

    return {
      supergraphSdl: current,
      cleanup: async () => {
        closed = true;
        clearTimeout(timer);
        clearInterval(poll);
        watcher?.close();
        await checking;
      },
    };
  };
}
