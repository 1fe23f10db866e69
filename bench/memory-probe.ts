/**
 * Loaded into the gateway under the memory soak (bench/memory.ts starts it with `--expose-gc --import` of this file
 * and an IPC channel), never into a deployed gateway. On each `probe` message it runs a full garbage collection and
 * answers with the process's memory right after it: what the heap still holds once every unreachable object is gone.
 * With a path it also writes a heap snapshot there (`--heap-snapshots`), for object counts by constructor.
 * RSS alone cannot tell a leak from V8 sizing its heap (old space is grown before it is collected, the young
 * generation's semi-spaces grow under allocation, freed pages are not always returned): a leak shows as heap used
 * after a full collection that keeps rising, heap sizing as RSS rising over a flat collected heap.
 */
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

export interface MemoryProbe {
  /** Resident set, heap reserved, heap used and memory outside the heap (buffers), right after the collection. */
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  /** The young generation's current size (semi-spaces), which V8 grows under a high allocation rate. */
  newSpace: number;
  /** Old space in use after the collection (where retained objects end up). */
  oldSpaceUsed: number;
  /** Where the heap snapshot taken after the collection was written, when one was asked for. */
  snapshot?: string;
}

/** A probe; with `snapshot`, also a heap snapshot written to that path (to compare object counts between two). */
export type ProbeMessage = { probe: true; snapshot?: string };

const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: ProbeMessage) => {
  if (message?.probe !== true || !process.send) return;
  if (!collect) throw new Error('the memory probe needs node --expose-gc');
  collect();
  const memory = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s]));
  const probe: MemoryProbe = {
    rss: memory.rss,
    heapTotal: memory.heapTotal,
    heapUsed: memory.heapUsed,
    external: memory.external,
    newSpace: spaces.new_space?.space_size ?? 0,
    oldSpaceUsed: spaces.old_space?.space_used_size ?? 0,
    ...(message.snapshot ? { snapshot: writeHeapSnapshot(message.snapshot) } : {}),
  };
  process.send(probe);
});
