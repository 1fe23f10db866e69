/**
 * Compares two V8 heap snapshots (`npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [rows]`), such
 * as the memory soak writes with `--heap-snapshots` after its first and last tenth's full collection: objects counted
 * by kind and constructor name, with what each group holds, sorted by growth in bytes. A structure that grows per
 * request shows as a group whose count rises with the requests served between the two; groups that merely churn
 * (the same count, other objects) do not.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

type Groups = Map<string, { count: number; bytes: number }>;

function groups(file: string): Groups {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = heap.snapshot.meta.node_types[0];
  const result: Groups = new Map();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    // Strings and code are grouped by kind only (their "name" is their content).
    const name = type === 'object' || type === 'closure' ? heap.strings[heap.nodes[i + nameAt]!]! : '';
    const key = `${type} ${name}`.trim();
    const group = result.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += heap.nodes[i + sizeAt]!;
    result.set(key, group);
  }
  return result;
}

const [beforeFile, afterFile, rowsText] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [rows]');
  process.exit(2);
}
const before = groups(beforeFile);
const after = groups(afterFile);
const total = (g: Groups) => [...g.values()].reduce((a, v) => ({ count: a.count + v.count, bytes: a.bytes + v.bytes }));
const rows = [...new Set([...before.keys(), ...after.keys()])]
  .map((key) => {
    const b = before.get(key) ?? { count: 0, bytes: 0 };
    const a = after.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: a.count - b.count, bytes: a.bytes - b.bytes, after: a.count };
  })
  .sort((x, y) => y.bytes - x.bytes)
  .slice(0, Number(rowsText ?? 25));
const [tb, ta] = [total(before), total(after)];
console.log(
  `objects ${tb.count} → ${ta.count}, self size ${(tb.bytes / 1048576).toFixed(1)} → ${(ta.bytes / 1048576).toFixed(1)} MB`,
);
for (const row of rows)
  console.log(
    `${String(row.bytes).padStart(10)} B ${String(row.count).padStart(8)} objects (now ${row.after})  ${row.key}`,
  );
