// CPU profiles of the extension host (`npm run bench -- --profile`): where the time of a
// measurement goes, ours, VS Code's, the SDK's, the garbage collector's. Off unless the runner
// names a folder in ACS_BENCH_PROFILE_DIR; profiled runs are extra runs, never measured ones.
// `<group>.<n>.cpuprofile` are runs of one group, summarized together.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const directory = process.env.ACS_BENCH_PROFILE_DIR;

export function isProfiling(): boolean {
  return directory !== undefined && directory !== '';
}

/** Runs `work` under the profiler and writes `<name>.cpuprofile`; just runs it when not profiling or not named. */
export async function profiled<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!directory || name === undefined) {
    return work();
  }
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    // 100 µs: a row of the tree takes tens of microseconds.
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(directory, `${name}.cpuprofile`), JSON.stringify(profile));
    return result;
  } finally {
    session.disconnect();
  }
}
