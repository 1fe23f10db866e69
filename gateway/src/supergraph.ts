import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';

/**
 * Serves the committed supergraph.graphql to the gateway and hands it a new one when the file changes
 * (a redeploy of the composed file reloads the graph without restarting the gateway). A broken file
 * is reported and ignored: the gateway keeps serving the last good supergraph.
 */
export function supergraphFromFile(path: string, log: (line: string) => void): SupergraphSdlHook {
  return async ({ update }) => {
    let current = await readFile(path, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(path, () => {
      // Editors and `git checkout` write in several steps: settle before reading.
      clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          const next = await readFile(path, 'utf8');
          if (next === current || next.trim() === '') return;
          update(next);
          current = next;
          log(`supergraph reloaded from ${path}`);
        } catch (error) {
          log(`supergraph reload failed, keeping the previous one: ${(error as Error).message}`);
        }
      }, 200);
    });
    return {
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
