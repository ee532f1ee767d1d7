// How a bench window hands its figures back: a JSON file named by the runner (scripts/bench.mjs),
// which sets these variables; the launcher passes them on to the extension host.
import { writeFileSync } from 'node:fs';

export const EXTENSION_ID = 'acs-tools.acs-identity';
export const EMPTY_EXTENSION_ID = 'acs-bench.empty-extension';

export function isQuick(): boolean {
  return process.env.ACS_BENCH_QUICK === '1';
}

export function writeResults(results: unknown): void {
  const file = process.env.ACS_BENCH_RESULTS_FILE;
  if (!file) {
    throw new Error('ACS_BENCH_RESULTS_FILE is not set: run the benchmark with `npm run bench`.');
  }
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const startedAt = Date.now();

/** Progress lines reach the runner's output through the workbench's log forwarding. */
export function say(text: string): void {
  console.log(`[bench +${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${text}`);
}
