/**
 * How every service process of the hub is started, in one place: `npm start` and its cluster workers, and in the split
 * layout each subgraph, the gateway and the migration job (Dockerfile, docker-compose.yml, the manifests of
 * scripts/k8s.ts, the templates of scripts/new-subgraph.ts, the benches). Each of those builds its command line from
 * here, and a test holds every file that cannot import it (package.json, the Dockerfile, docker-compose.yml) to the
 * same line.
 */

/**
 * V8 flags of every service process.
 *
 * `--max-semi-space-size=32`: the young generation's semi-spaces may grow to 32 MB instead of 16. Measured on the
 * evaluation subgraph, a batch credit check of 1,000 subjects spent 25–35 % of the process's CPU in the garbage
 * collector with the default; with 32 MB, 12 %, and the request took 160 ms instead of 200. The cost is at most 32 MB
 * more of young generation per process, reached only under such an allocation rate.
 */
export const V8_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/**
 * TypeScript through tsx's ESM hook only. `--import tsx` (and the `tsx` command) also installs tsx's CommonJS hook,
 * through which every `require` then resolves: Apollo Server's per-request `require("crypto")` cost 2.8 % of a
 * subgraph's CPU and 1.3 % of the gateway's there (ADR 0129). Nothing the services load needs TypeScript through
 * `require`. The specifier resolves from the working directory: the repository's root, /app in the image.
 */
export const LOADER_ARGS: readonly string[] = ['--import', 'tsx/esm'];

/** Node's options of every service process: the V8 flags, then the loader. */
export const NODE_ARGS: readonly string[] = [...V8_FLAGS, ...LOADER_ARGS];

/**
 * The arguments after `node` that run `entry` (a path from the repository's root, e.g. `gateway/src/main.ts`) as a
 * service. `extra` are Node options placed after the loader (a profiler's `--import`, which may be TypeScript).
 */
export function serviceArgs(entry: string, extra: readonly string[] = []): string[] {
  return [...NODE_ARGS, ...extra, entry];
}

/** The whole command line of a service, `node` first: a container's command, or package.json's "start". */
export function serviceCommand(entry: string): string[] {
  return ['node', ...serviceArgs(entry)];
}

/** The name of a `--flag` or `--flag=value` option (`--max-semi-space-size`). */
const flagName = (arg: string) => arg.split('=')[0]!;

/** Node's options that load a module before the entry (`-r` is `--require`). */
const LOADER_OPTIONS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** Whether a loader option's value is tsx itself (`tsx`, `tsx/esm`, or a file inside its package, as its CLI adds). */
const isTsx = (specifier: string) => /^tsx(\/|$)/.test(specifier) || /[/\\]node_modules[/\\]tsx[/\\]/.test(specifier);

/**
 * The Node options of a cluster worker of a primary started with `execArgv` (cluster.setupPrimary's default is the
 * primary's own). Whatever the primary was started with — the tsx command, `--import tsx`, a bare `node` — each worker
 * gets the V8 flags and tsx's ESM hook alone. tsx's own options (its CommonJS hook among them) are replaced; every
 * other option is kept in its order after the loader, and a V8 flag the primary was given explicitly keeps its value.
 * The result is the same line again when given back (a worker's own options).
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = flagName(arg);
    if (LOADER_OPTIONS.has(name)) {
      const joined = arg.includes('=');
      const value = joined ? arg.slice(arg.indexOf('=') + 1) : execArgv[i + 1];
      if (!joined) i++;
      if (value !== undefined && isTsx(value)) continue;
      kept.push(...(joined ? [arg] : [arg, ...(value === undefined ? [] : [value])]));
    } else kept.push(arg);
  }
  const v8 = V8_FLAGS.map((flag) => kept.findLast((arg) => flagName(arg) === flagName(flag)) ?? flag);
  const names = new Set(V8_FLAGS.map(flagName));
  return [...v8, ...LOADER_ARGS, ...kept.filter((arg) => !names.has(flagName(arg)))];
}
