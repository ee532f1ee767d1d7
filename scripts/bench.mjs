#!/usr/bin/env node
// `npm run bench`: how big, how fast. A benchmark, not a test: it is never part of `npm test`
// and has no pass/fail thresholds; it prints its figures next to their targets and writes them
// to bench/results.json (raw samples) and bench/results.md (the table, ready for the README).
//
//   1. sizes       production build (node esbuild.mjs --production): every dist/*.js; the .vsix (vsce)
//   2. activation  fresh windows of the headless test host, one after the other: in each, the
//                  extension and an empty one (bench/fixtures/empty-extension, installed in the
//                  extensions folder) are activated side by side (bench/host/activation.ts)
//   3. workload    one window: create through the extension against the bare SDK, creates and the
//                  view's rows as the list grows to 10,000 users (bench/host/workload.ts)
//   4. bulk        a window of its own: Create Users in Bulk at the service's limits against the
//                  quickstart's sequential loop (bench/host/workload.ts)
// Every figure is a median of several runs; what is compared is measured in the same run.
// The code under bench/host runs inside the extension host; `tsc -p bench` compiles it to out/bench/.
//
// Options: --quick                 fewer runs and users (about a third of the time)
//          --only=sizes,activation,workload,bulk
//          --extension=<folder>    measure the extension in that folder (built, with its package.json;
//                                  e.g. an older commit exported with `git archive`) instead of this one,
//                                  with this checkout's benchmark, to compare two builds (sizes stay
//                                  this checkout's)
//          --profile               also CPU-profile extra runs of the workload in the extension host,
//                                  with a build that is not minified (readable names); the profiles
//                                  go to bench/profiles/ and a summary of each is printed
//                                  (bench/profileSummary.mjs). Its figures are those of that build.
// It installs the test host it needs (scripts/setup-test-host.mjs) and stops everything it starts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printSummaries } from '../bench/profileSummary.mjs';
import { markdown } from '../bench/report.mjs';
import { runCodeServerCli } from '../test/host/codeServer.mjs';
import { DEFAULT_HOST_VERSION } from '../test/host/versions.mjs';
import { packageExtensionFolder, packageVsix } from './check-package.mjs';
import { ensureTestHost, repoRoot } from './setup-test-host.mjs';

const require = createRequire(import.meta.url);
const STAGES = ['sizes', 'activation', 'workload', 'bulk'];

function readOptions() {
  try {
    const { values } = parseArgs({
      options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, profile: { type: 'boolean', default: false }, extension: { type: 'string' } },
    });
    const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean) ?? STAGES;
    const unknown = only.filter((stage) => !STAGES.includes(stage));
    if (unknown.length > 0) throw new Error(`unknown stage(s) ${unknown.join(', ')}; known: ${STAGES.join(', ')}`);
    return { quick: values.quick, only, profile: values.profile, extensionPath: values.extension ? resolve(values.extension) : repoRoot };
  } catch (err) {
    console.error(`[bench] ${err.message}`);
    process.exit(2);
  }
}

const { quick, only, profile, extensionPath } = readOptions();
const benchDir = join(repoRoot, 'bench');
const scratch = mkdtempSync(join(tmpdir(), 'acs-bench-'));
/** The launcher now running, stopped with us. */
let window;

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

/** Runs a node script to completion; throws on failure. */
function node(args, { cwd = repoRoot } = {}) {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function machine() {
  const osRelease = (() => {
    try {
      return /^PRETTY_NAME="?(.*?)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${osRelease ?? process.platform} (Linux ${release()})`,
  };
}

/** The 1-minute load average every 5 seconds: the machine may be shared. */
function sampleLoad() {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 5000);
  timer.unref();
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0]);
    const sorted = [...samples].sort((a, b) => a - b);
    const round = (x) => Math.round(x * 100) / 100;
    return { min: round(sorted[0]), median: round(sorted[sorted.length >> 1]), max: round(sorted.at(-1)), samples: samples.length };
  };
}

function sizes() {
  heading('sizes');
  // vsce runs vscode:prepublish, the production build: the bundles are measured as it leaves them.
  const vsixBytes = statSync(packageVsix(join(scratch, 'acs-identity.vsix'))).size;
  const dist = join(repoRoot, 'dist');
  const bundles = readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort((a, b) => (a === 'extension.js' ? -1 : b === 'extension.js' ? 1 : a.localeCompare(b)))
    .map((name) => ({ file: `dist/${name}`, bytes: statSync(join(dist, name)).size }));
  for (const { file, bytes } of bundles) console.log(`[bench] ${file}: ${bytes} bytes`);
  console.log(`[bench] .vsix: ${vsixBytes} bytes`);
  return { bundles, vsixBytes };
}

/** The empty extension, packaged and installed into an extensions folder of its own. */
async function installEmptyExtension(host) {
  const fixture = join(benchDir, 'fixtures', 'empty-extension');
  const vsix = join(scratch, 'empty-extension.vsix');
  packageExtensionFolder(fixture, vsix);
  const extensionsDir = join(scratch, 'extensions');
  await runCodeServerCli(host, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(scratch, 'user-data')], { stateDir: join(scratch, 'cli') });
  return extensionsDir;
}

/**
 * One fresh window of the test host (test/host/launcher.mjs: code-server and headless Chromium,
 * a new extension host) that runs `module` of out/bench/bench/host and returns what it wrote.
 */
function runWindow(module, { extensionsDir, env = {}, timeoutMs }) {
  const resultsFile = join(scratch, `result-${Date.now()}.json`);
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const args = [
    join(repoRoot, 'test', 'host', 'launcher.mjs'),
    `--extensionDevelopmentPath=${extensionPath}`,
    `--extensionTestsPath=${join(repoRoot, 'out', 'bench', 'bench', 'host', module)}`,
    `--user-data-dir=${join(scratch, 'user-data')}`,
    `--extensions-dir=${extensionsDir}`,
    workspace,
  ];
  const readResults = () => {
    try {
      return JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve, reject) => {
    // A window that says it is complete is closed at once: its extension host would otherwise first
    // finish its background work (thousands of token values to SecretStorage after a bulk creation).
    const poller = setInterval(() => {
      if (readResults()?.complete) window?.kill('SIGTERM');
    }, 500);
    window = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env, ACS_BENCH_RESULTS_FILE: resultsFile, ACS_BENCH_QUICK: quick ? '1' : '0', ACS_TEST_HOST_VERSION: DEFAULT_HOST_VERSION, ACS_TEST_TIMEOUT_MS: String(timeoutMs) },
    });
    window.on('error', reject);
    window.on('exit', (code, signal) => {
      window = undefined;
      clearInterval(poller);
      const results = readResults();
      if (!results) return reject(new Error(`the ${module} window exited with ${code ?? signal} and wrote no results`));
      if (results.complete) return resolve(results);
      // A window that failed midway still hands back what it measured before.
      console.error(`[bench] the ${module} window exited with ${code ?? signal} before it was complete`);
      resolve({ ...results, incomplete: `exited with ${code ?? signal} before it was complete` });
    });
  });
}

async function activation(extensionsDir) {
  const windows = quick ? 3 : 7;
  heading(`activation (${windows} fresh windows)`);
  const extension = [];
  const empty = [];
  for (let index = 0; index < windows; index++) {
    const order = index % 2 === 0 ? 'extension-first' : 'empty-first';
    const { samples } = await runWindow('activation.js', { extensionsDir, env: { ACS_BENCH_ORDER: order }, timeoutMs: 3 * 60_000 });
    for (const sample of samples) {
      if (sample.wasActive) {
        console.warn(`[bench] ${sample.extensionId} was already active in window ${index + 1}: not counted`);
        continue;
      }
      (sample.extensionId === 'acs-bench.empty-extension' ? empty : extension).push(sample.milliseconds);
    }
    console.log(`[bench] window ${index + 1} (${order}): ${samples.map((s) => `${s.extensionId} ${s.milliseconds.toFixed(1)} ms`).join(', ')}`);
  }
  return { windows, extension, empty };
}

async function main() {
  const started = Date.now();
  const load = sampleLoad();
  const results = { date: new Date().toISOString(), quick, machine: machine(), ...(extensionPath === repoRoot ? {} : { extensionPath }) };
  console.log(`[bench] ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.ramGiB} GiB, Node ${results.machine.node}, ${results.machine.os}; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  // sizes() leaves the production build in dist/: the windows run what ships, or a readable build to profile.
  if (only.includes('sizes')) results.sizes = sizes();
  if (profile || !only.includes('sizes')) node(['esbuild.mjs', ...(profile ? [] : ['--production'])]);
  const profiles = join(benchDir, 'profiles');
  if (profile) {
    results.profiled = true;
    rmSync(profiles, { recursive: true, force: true });
    mkdirSync(profiles, { recursive: true });
  }

  if (only.some((stage) => stage !== 'sizes')) {
    heading('build the bench and the test host');
    rmSync(join(repoRoot, 'out', 'bench'), { recursive: true, force: true });
    node([require.resolve('typescript/bin/tsc'), '-p', 'bench']);
    const host = await ensureTestHost({ version: DEFAULT_HOST_VERSION, quiet: true });
    results.host = { codeServer: host.codeServer, vscode: host.vscode };
    const extensionsDir = await installEmptyExtension(host);
    if (only.includes('activation')) results.activation = await activation(extensionsDir);
    const profiling = profile ? { ACS_BENCH_PROFILE_DIR: profiles } : {};
    if (only.includes('workload')) {
      heading('workload (one window)');
      results.workload = await runWindow('workload.js', { extensionsDir, env: { ...profiling, ACS_BENCH_PHASES: 'overhead,scale' }, timeoutMs: (quick ? 8 : 15) * 60_000 });
    }
    if (only.includes('bulk')) {
      // Its own window: the thousands of token values it leaves on their way to SecretStorage must not slow anything else.
      heading('bulk (one window)');
      const { bulk, incomplete } = await runWindow('workload.js', { extensionsDir, env: { ...profiling, ACS_BENCH_PHASES: 'bulk' }, timeoutMs: (quick ? 5 : 8) * 60_000 });
      results.bulk = bulk;
      if (incomplete) results.bulkIncomplete = incomplete;
    }
  }

  results.machine.load = load();
  results.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = markdown(results);
  writeFileSync(join(benchDir, 'results.md'), table);
  heading('results');
  console.log(table);
  if (profile) {
    printSummaries(readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(profiles, name)));
  }
  console.log(`[bench] ${results.seconds} s; written to bench/results.json and bench/results.md`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    const exit = () => {
      rmSync(scratch, { recursive: true, force: true });
      process.exit(130);
    };
    if (!window) return exit();
    // The launcher stops its code-server and Chromium on SIGTERM, then exits.
    window.once('exit', exit);
    window.kill('SIGTERM');
  });
}

try {
  await main();
} catch (err) {
  console.error(`[bench] ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
