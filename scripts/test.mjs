#!/usr/bin/env node
// `npm test`: build, then every test suite, then one summary line.
//
//   0. lint          eslint (layers, promises; counted as 1 test)
//   1. build         node esbuild.mjs (dist/) and tsc -p . (out/, emptied first)
//   2. test host     code-server installed on demand (scripts/setup-test-host.mjs)
//   3. unit          mocha, TDD UI, out/test/unit/**/*.test.js, plain Node
//   4. integration   out/test/runIntegration.js: the extension in a real VS Code workbench
//   5. package       scripts/check-package.mjs: the .vsix installs into VS Code (counted as 1 test)
//   6. e2e           scripts/run-e2e.mjs: the packaged extension driven in the workbench by mouse and keyboard
//
// The last line of the output is always `N passed, N failed` (sums over all stages) and the
// exit code is non-zero when N failed > 0. A stage that breaks before reporting counts as
// (at least) 1 failure, with the reason printed in the summary.
//
// Options: --only=unit,integration,package,e2e   run only these test stages (the build always runs)
// Environment: see test/runIntegration.ts (ACS_TEST_GREP, ACS_TEST_VERBOSE, ACS_TEST_TIMEOUT_MS, …).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestHost, repoRoot } from './setup-test-host.mjs';

const require = createRequire(import.meta.url);
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const selected = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : ['unit', 'integration', 'package', 'e2e']);
const scratch = mkdtempSync(join(tmpdir(), 'acs-test-'));

/** @type {{ name: string, passed: number, failed: number, pending?: number, failures: {title: string, message: string}[], note?: string, seconds: number }[]} */
const stages = [];
const buildProblems = [];

const secondsSince = (t) => Math.round((Date.now() - t) / 100) / 10;
const heading = (text) => console.log(`\n=== ${text} ===`);

/** Runs a command with inherited output; resolves to its exit code (or a description of its death). */
function run(cmd, args, { env = process.env, timeoutMs } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          console.error(`[test] ${args.join(' ')} did not finish within ${timeoutMs / 1000} s: stopping it`);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }, timeoutMs)
      : undefined;
    child.on('error', (err) => resolve(`could not start: ${err.message}`));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(timedOut ? 'timed out' : (code ?? `killed by ${signal}`));
    });
  });
}

function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs a suite that writes a results file; turns a crash or a missing report into failures. */
async function runSuite(name, cmd, args, { env = {}, timeoutMs } = {}) {
  heading(name);
  const started = Date.now();
  const resultsFile = join(scratch, `${name}.json`);
  rmSync(resultsFile, { force: true });
  const code = await run(cmd, args, { env: { ...process.env, ...env, ACS_TEST_RESULTS_FILE: resultsFile }, timeoutMs });
  const results = readResults(resultsFile);
  const stage = { name, passed: 0, failed: 0, pending: 0, failures: [], seconds: secondsSince(started) };
  if (results) Object.assign(stage, { passed: results.passed, failed: results.failed, pending: results.pending ?? 0, failures: results.failures ?? [] });
  if (!results) {
    stage.failed = Math.max(stage.failed, 1);
    stage.note = `crashed before reporting results (exit ${code})`;
  } else if (code !== 0 && stage.failed === 0) {
    stage.failed = 1;
    stage.note = `all tests passed but the run exited with ${code}`;
  }
  stages.push(stage);
}

/** A stage that cannot run at all counts as one failure. */
function notRun(name, why) {
  stages.push({ name, passed: 0, failed: 1, failures: [], note: `not run: ${why}`, seconds: 0 });
}

async function main() {
  const started = Date.now();

  heading('lint');
  const lintStarted = Date.now();
  const lintCode = await run(process.execPath, [join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.', '--max-warnings', '0']);
  stages.push(
    lintCode === 0
      ? { name: 'lint', passed: 1, failed: 0, failures: [], seconds: secondsSince(lintStarted) }
      : { name: 'lint', passed: 0, failed: 1, failures: [{ title: 'eslint', message: `eslint exited with ${lintCode}` }], seconds: secondsSince(lintStarted) },
  );

  heading('build');
  // Compiled tests of files deleted or moved since the last build would run again: start empty.
  rmSync(join(repoRoot, 'out'), { recursive: true, force: true });
  const esbuildCode = await run(process.execPath, ['esbuild.mjs']);
  if (esbuildCode !== 0) buildProblems.push(`node esbuild.mjs failed (${esbuildCode})`);
  const tscCode = await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
  // tsc still writes out/ on type errors, so the tests can run and tell more.
  if (tscCode !== 0) buildProblems.push(`tsc -p . reported errors (${tscCode})`);
  const bundleOk = esbuildCode === 0 && existsSync(join(repoRoot, 'dist', 'extension.js'));
  console.log(`[test] build took ${secondsSince(started)} s${buildProblems.length ? `: ${buildProblems.join('; ')}` : ''}`);

  let hostProblem;
  if (selected.has('integration') || selected.has('package') || selected.has('e2e')) {
    heading('test host');
    try {
      await ensureTestHost();
    } catch (err) {
      hostProblem = `test host unavailable: ${err.message}`;
      console.error(`[test] ${hostProblem}`);
    }
  }

  if (selected.has('unit')) {
    await runSuite('unit', process.execPath, [join(repoRoot, 'scripts', 'run-unit-tests.mjs'), '--results', join(scratch, 'unit.json')], { timeoutMs: 10 * 60_000 });
  }

  if (selected.has('integration')) {
    if (!bundleOk) notRun('integration', 'the extension bundle did not build');
    else if (hostProblem) notRun('integration', hostProblem);
    else await runSuite('integration', process.execPath, [join(repoRoot, 'out', 'test', 'runIntegration.js')], { timeoutMs: 20 * 60_000 });
  }

  if (selected.has('package')) {
    if (!bundleOk) notRun('package', 'the extension bundle did not build');
    else if (hostProblem) notRun('package', hostProblem);
    else {
      heading('package');
      const t = Date.now();
      const code = await run(process.execPath, [join(repoRoot, 'scripts', 'check-package.mjs')], { timeoutMs: 10 * 60_000 });
      stages.push(
        code === 0
          ? { name: 'package', passed: 1, failed: 0, failures: [], seconds: secondsSince(t) }
          : { name: 'package', passed: 0, failed: 1, failures: [{ title: 'the .vsix packages and installs', message: `check-package exited with ${code}` }], seconds: secondsSince(t) },
      );
    }
  }

  if (selected.has('e2e')) {
    if (!bundleOk) notRun('e2e', 'the extension bundle did not build');
    else if (hostProblem) notRun('e2e', hostProblem);
    // The build above compiled the tests already.
    else await runSuite('e2e', process.execPath, [join(repoRoot, 'scripts', 'run-e2e.mjs'), '--no-compile'], { timeoutMs: 15 * 60_000 });
  }

  if (buildProblems.length > 0) {
    stages.unshift({ name: 'build', passed: 0, failed: 1, failures: buildProblems.map((m) => ({ title: 'build', message: m })), seconds: 0 });
  }

  heading('summary');
  for (const s of stages) {
    const pending = s.pending ? `, pending ${s.pending}` : '';
    console.log(`${s.name.padEnd(12)} passed ${s.passed}, failed ${s.failed}${pending}  (${s.seconds} s)${s.note ? `  [${s.note}]` : ''}`);
    for (const f of s.failures) {
      const lines = f.message.split('\n').filter((l) => l.trim());
      console.log(`    ✗ ${f.title}: ${lines.slice(0, 4).join('\n      ')}${lines.length > 4 ? ' …' : ''}`);
    }
  }
  console.log(`total time ${secondsSince(started)} s`);
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0);
  rmSync(scratch, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  // Only a bug in this script lands here; still end with the summary line.
  console.error(`[test] ${err.stack ?? err}`);
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0) + 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = 1;
});
