import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '@credit-hub/kit/db';

/**
 * Starts a service's main in a process of its own, as in production, on a port it binds itself (`portVariable` = 0),
 * and waits for its /health; `url` is its base address (no path), read from the service's "… listening" log line. A
 * port probed free by the test and handed over could be taken meanwhile by another test file's server, whose /health
 * would then answer for it (seen once: a test's requests reached a subgraph of another file's hub). Bounded at 3
 * minutes: on the shared, loaded 2-core machine a gateway's start (compiling the plan) can be slow.
 */
export async function startServiceProcess(
  main: string,
  portVariable: string,
  /** The whole environment (the test's own, with the service's settings). */
  env: Record<string, string | undefined>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: repoRoot,
    env: { NODE_ENV: 'test', ...env, LOG_LEVEL: 'info', [portVariable]: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let url: string | undefined;
  let stdout = '';
  // Read to the end (the access log follows), so the pipe never fills; only the lines before the address are kept.
  child.stdout!.on('data', (chunk: Buffer) => {
    if (url) return;
    stdout += chunk.toString();
    const line = stdout.split('\n').find((l) => l.includes('listening'));
    url = line ? /"url":"(http:\/\/[^"]+)\/graphql"/.exec(line)?.[1] : undefined;
  });
  try {
    for (let i = 0; i < 1800; i += 1) {
      if (child.exitCode !== null) throw new Error(`${main} exited with ${child.exitCode}: ${stderr}`);
      const ok =
        url !== undefined &&
        (await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        ));
      if (ok) return { child, url: url! };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${main} did not become healthy in 3 minutes: ${stderr}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
