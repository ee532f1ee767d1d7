// Loaded inside the extension host (runTests' extensionTestsPath): runs every compiled
// integration test (out/test/integration/**/*.test.js) with mocha's TDD UI (suite/test).
//
// Contract with scripts/test.mjs and test/runIntegration.ts:
// - writes { passed, failed, pending, failures: [{ title, message }] } as JSON to the file
//   named by ACS_TEST_RESULTS_FILE (when set);
// - rejects when a test failed, so that the host exits with code 1.
// Mocha's report goes through console.log, which the host forwards to the launcher's stdout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
}

/** Every `*.test.js` under `dir`, sorted so that runs are reproducible. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {found.push(...findTestFiles(full));}
    else if (entry.isFile() && entry.name.endsWith('.test.js')) {found.push(full);}
  }
  return found.sort();
}

function writeResults(results: TestResults): void {
  const file = process.env.ACS_TEST_RESULTS_FILE;
  if (file) {fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');}
}

export async function run(): Promise<void> {
  // The remote extension host forwards console calls with their arguments joined by spaces,
  // without printf-style substitution (and console.log cannot be replaced there): mocha's
  // `console.log('%s%s', indent, title)` would arrive as "%s%s  title". Format first.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.ACS_TEST_MOCHA_TIMEOUT_MS) || 60_000,
    // ACS_TEST_GREP=<regexp> runs only the matching tests (handy while writing one).
    grep: process.env.ACS_TEST_GREP || undefined,
  });
  const results: TestResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  try {
    for (const file of findTestFiles(__dirname)) {mocha.addFile(file);}
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.pending++);
      runner.on('fail', (test, err: unknown) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), message: errorMessage(err) });
      });
    });
  } catch (err) {
    // A test file that cannot even be loaded (syntax error, failing import).
    results.failed++;
    results.failures.push({ title: 'loading the integration tests', message: errorMessage(err) });
    console.error(`Could not run the integration tests: ${errorMessage(err)}`);
  }
  writeResults(results);
  if (results.failed > 0) {throw new Error(`${results.failed} integration test(s) failed`);}
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {return err.message || String(err);}
  return String(err);
}
