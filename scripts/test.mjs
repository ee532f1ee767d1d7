#!/usr/bin/env node
// `npm test`: build, then every test suite, then one summary line.
//
//   0. lint                  eslint: the layers, promises, style (counted as 1 test)
//   1. build                 node esbuild.mjs (dist/) and tsc -p . (out/)
//   2. test hosts            the code-server releases of test/host/versions.mjs, installed on
//                            demand (scripts/setup-test-host.mjs)
//   3. unit                  mocha's CLI (.mocharc.cjs): out/test/unit/**/*.test.js, plain Node
//   4. integration@<version> @vscode/test-cli (.vscode-test.mjs), once per host: the extension
//                            in a real VS Code workbench; integration-fr@<default version>: the
//                            French suite (test/integration-fr) with the display language French
//   5. package               scripts/check-package.mjs: the .vsix installs into VS Code (1 test)
//   6. e2e@<version>         scripts/run-e2e.mjs, once per host: the packaged extension driven in
//                            the workbench by mouse and keyboard
//
// Every suite reports its counts through scripts/mocha-summary-reporter.cjs, which writes them
// to a JSON file. The last line of the output is always `N passed, N failed` (sums over all
// stages) and the exit code is non-zero when N failed > 0. A stage that breaks before reporting
// counts as (at least) 1 failure, with the reason printed in the summary.
//
// Options: --only=lint,unit,integration,package,e2e   run only these stages (the build always runs);
//          `integration` (`e2e`) is every host, `integration@4.90.3` (`e2e@4.90.3`) one of them
// Environment: see .vscode-test.mjs and test/host/launcher.mjs (ACS_TEST_GREP, ACS_TEST_VERBOSE, …).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTestHost, repoRoot } from './setup-test-host.mjs';
import { DEFAULT_HOST_VERSION, HOST_VERSIONS } from '../test/host/versions.mjs';

const require = createRequire(import.meta.url);
const mochaBin = require.resolve('mocha/bin/mocha.js');
const testCliBin = fileURLToPath(new URL('bin.mjs', import.meta.resolve('@vscode/test-cli')));

const integrationStages = [
  ...HOST_VERSIONS.map((h) => ({ name: `integration@${h.codeServer}`, version: h.codeServer })),
  // The French suite, with VS Code's display language set to French (on the default host).
  { name: `integration-fr@${DEFAULT_HOST_VERSION}`, version: DEFAULT_HOST_VERSION },
];
const e2eStages = HOST_VERSIONS.map((h) => ({ name: `e2e@${h.codeServer}`, version: h.codeServer }));
function readOptions() {
  try {
    return parseArgs({ options: { only: { type: 'string' } } }).values;
  } catch (err) {
    console.error(`[test] ${err.message}`);
    process.exit(2);
  }
}
const options = readOptions();
const stageNames = ['lint', 'unit', ...integrationStages.map((s) => s.name), 'package', ...e2eStages.map((s) => s.name)];
const requested = options.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = requested?.filter((r) => r !== 'integration' && r !== 'e2e' && !stageNames.includes(r)) ?? [];
if (unknown.length > 0) {
  console.error(`[test] unknown stage(s) ${unknown.join(', ')}; known: ${['integration', 'e2e', ...stageNames].join(', ')}`);
  process.exit(2);
}
/** A stage runs when nothing was asked for, when it was, or when its family (`integration`, `e2e`) was. */
const isSelected = (name) => !requested || requested.includes(name) || requested.includes(name.split('@')[0]) || (name.startsWith('integration-fr@') && requested.includes('integration'));
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

/**
 * Runs a suite whose reporter writes `resultsFile`; turns a crash or a missing report into failures.
 */
async function runSuite(name, resultsFile, cmd, args, { env = {}, timeoutMs } = {}) {
  heading(name);
  const started = Date.now();
  rmSync(resultsFile, { force: true });
  const code = await run(cmd, args, { env: { ...process.env, ...env }, timeoutMs });
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

  if (isSelected('lint')) {
    heading('lint');
    const lintStarted = Date.now();
    const lintCode = await run(process.execPath, [join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.', '--max-warnings', '0']);
    stages.push(
      lintCode === 0
        ? { name: 'lint', passed: 1, failed: 0, failures: [], seconds: secondsSince(lintStarted) }
        : { name: 'lint', passed: 0, failed: 1, failures: [{ title: 'eslint', message: `eslint exited with ${lintCode}` }], seconds: secondsSince(lintStarted) },
    );
  }

  heading('build');
  const esbuildCode = await run(process.execPath, ['esbuild.mjs']);
  if (esbuildCode !== 0) buildProblems.push(`node esbuild.mjs failed (${esbuildCode})`);
  // The test globs match every compiled file in out/: compiled copies of moved or deleted
  // tests must not run.
  rmSync(join(repoRoot, 'out'), { recursive: true, force: true });
  const tscCode = await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
  // tsc still writes out/ on type errors, so the tests can run and tell more.
  if (tscCode !== 0) buildProblems.push(`tsc -p . reported errors (${tscCode})`);
  const bundleOk = esbuildCode === 0 && existsSync(join(repoRoot, 'dist', 'extension.js'));
  const buildSeconds = secondsSince(started);
  console.log(`[test] build took ${buildSeconds} s${buildProblems.length ? `: ${buildProblems.join('; ')}` : ''}`);

  // Each host is installed before any suite runs, so that suite times do not include installs.
  /** @type {Map<string, string>} code-server version -> why it cannot be used */
  const hostProblems = new Map();
  const hostsStarted = Date.now();
  const neededHosts = new Set([...integrationStages, ...e2eStages].filter((s) => isSelected(s.name)).map((s) => s.version));
  if (isSelected('package')) neededHosts.add(DEFAULT_HOST_VERSION);
  if (neededHosts.size > 0) {
    heading('test hosts');
    for (const version of neededHosts) {
      try {
        await ensureTestHost({ version });
      } catch (err) {
        hostProblems.set(version, `test host code-server ${version} unavailable: ${err.message}`);
        console.error(`[test] ${hostProblems.get(version)}`);
      }
    }
  }

  const hostsSeconds = secondsSince(hostsStarted);

  if (isSelected('unit')) {
    const resultsFile = join(scratch, 'unit.json');
    await runSuite('unit', resultsFile, process.execPath, [mochaBin, '--reporter-option', `output=${resultsFile}`], { timeoutMs: 10 * 60_000 });
  }

  for (const { name, version } of integrationStages) {
    if (!isSelected(name)) continue;
    if (!bundleOk) notRun(name, 'the extension bundle did not build');
    else if (hostProblems.has(version)) notRun(name, hostProblems.get(version));
    else {
      // .vscode-test.mjs names the file <label>.json in ACS_TEST_RESULTS_DIR.
      await runSuite(name, join(scratch, `${name}.json`), process.execPath, [testCliBin, '--label', name], {
        env: { ACS_TEST_RESULTS_DIR: scratch },
        timeoutMs: 20 * 60_000,
      });
    }
  }

  if (isSelected('package')) {
    if (!bundleOk) notRun('package', 'the extension bundle did not build');
    else if (hostProblems.has(DEFAULT_HOST_VERSION)) notRun('package', hostProblems.get(DEFAULT_HOST_VERSION));
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

  for (const { name, version } of e2eStages) {
    if (!isSelected(name)) continue;
    if (!bundleOk) notRun(name, 'the extension bundle did not build');
    else if (hostProblems.has(version)) notRun(name, hostProblems.get(version));
    else {
      const resultsFile = join(scratch, `${name}.json`);
      // The .vsix files are made by the first version's run and installed by every one.
      const packagesDir = join(scratch, 'e2e-packages');
      await runSuite(name, resultsFile, process.execPath, [join(repoRoot, 'scripts', 'run-e2e.mjs'), '--no-compile', `--code-server=${version}`, `--packages-dir=${packagesDir}`], {
        env: { ACS_TEST_RESULTS_FILE: resultsFile },
        timeoutMs: 15 * 60_000,
      });
    }
  }

  if (buildProblems.length > 0) {
    stages.unshift({ name: 'build', passed: 0, failed: 1, failures: buildProblems.map((m) => ({ title: 'build', message: m })), seconds: 0 });
  }

  heading('summary');
  for (const s of stages) {
    const pending = s.pending ? `, pending ${s.pending}` : '';
    console.log(`${s.name.padEnd(20)} passed ${s.passed}, failed ${s.failed}${pending}  (${s.seconds} s)${s.note ? `  [${s.note}]` : ''}`);
    for (const f of s.failures) {
      const lines = f.message.split('\n').filter((l) => l.trim());
      console.log(`    ✗ ${f.title}: ${lines.slice(0, 4).join('\n      ')}${lines.length > 4 ? ' …' : ''}`);
    }
  }
  console.log(`build ${buildSeconds} s, test hosts ${hostsSeconds} s; total time ${secondsSince(started)} s`);
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0);
  rmSync(scratch, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  // Only a bug in this script lands here; still end with the summary line.
  console.error(`[test] ${err.stack ?? err}`);
  rmSync(scratch, { recursive: true, force: true });
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0) + 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = 1;
});
