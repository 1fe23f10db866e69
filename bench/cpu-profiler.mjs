// Preloaded into each service process by bench/split-cpu.ts (`--import`), only when SPLIT_CPU_PROFILE_DIR is set: V8's
// sampling profiler through an inspector session, started on SIGUSR1 (after the warm-up) and written on SIGUSR2 as
// <dir>/<service>.cpuprofile (open it in Chrome DevTools or any .cpuprofile viewer). A signal, not process exit,
// because a service stops by SIGTERM and --cpu-prof writes only on a normal exit.
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const dir = process.env.SPLIT_CPU_PROFILE_DIR;
const entry = /subgraphs\/(\w+)\/src\/main\.ts|gateway\/src\/main\.ts/.exec(process.argv.join(' '));
if (dir && entry) {
  const name = entry[1] ?? 'gateway';
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  process.on('SIGUSR1', () => session.post('Profiler.start'));
  process.on('SIGUSR2', () =>
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(result.profile));
    }),
  );
}
