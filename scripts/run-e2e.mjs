#!/usr/bin/env node
// `npm run test:e2e`: end-to-end tests of the packaged extension, driven like a person would.
//
//   1. build      tsc -p . (the tests, out/test/e2e), then the .vsix as `npm run package` makes it
//   2. install    code-server --install-extension <vsix> into a fresh extensions folder
//                 and the test-only fake Microsoft sign-in (test/e2e/fixtures), never in the product
//   3. start      the emulator by its command line (node dist/emulator.js --port 0 --data <tmp>), a
//                 second one over https as the Azure cloud that the user settings point VS Code at
//                 (test/e2e/host/emulatedCloud.mjs), code-server with that extensions folder,
//                 headless Chromium (playwright-core)
//   4. test       mocha runs out/test/e2e/*.test.js in name order, sharing one workbench; the first
//                 failure stops the run (the flow is sequential), the rest count as pending
//   5. stop       Chromium, code-server and the emulator, by pid, whatever happened
//
// Usage: node scripts/run-e2e.mjs [--code-server=<entry.js path | version>] [--keep] [--no-compile]
//   --code-server     the code-server to test against: the path of its out/node/entry.js, or a
//                     version installed in .vscode-test/code-server-<version>/ (default: the pinned
//                     test host, installed on demand). Also ACS_E2E_CODE_SERVER.
//   --keep            keep the run's temp folder (logs, user data) and print its path
//   --no-compile      skip `tsc -p .` (the caller compiled out/ already, as `npm test` does)
//   --packages-dir=<dir>  take the .vsix files from there if an earlier run put them there, else
//                     make them there (`npm test` packages once for every version)
// Environment:
//   ACS_TEST_RESULTS_FILE   write {passed, failed, pending, failures: [{title, message}]} there
//   ACS_E2E_SCREENSHOTS=1   also save the README pictures (media/*.png, media/*.gif)
//   ACS_E2E_TIMEOUT_MS      overall limit, default 10 minutes
//   ACS_TEST_CHROMIUM       Chromium binary, default /usr/bin/chromium
// Screenshots of failures go to a temp folder whose path is printed. Exit code 0 when all passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, ensureTestHost, repoRoot } from './setup-test-host.mjs';

// eslint-disable-next-line no-control-regex -- the escape character is what a color code starts with
const ANSI_COLOR = /\u001b\[[0-9;]*m/g;
import { packageVsix } from './check-package.mjs';
import { runCodeServerCli, startCodeServer } from '../test/host/codeServer.mjs';
import { startChromium, startEmulatorCli } from '../test/e2e/host/processes.mjs';
import { cloudSettings, packageFakeSignIn } from '../test/e2e/host/emulatedCloud.mjs';
import { makeCertificate, trustEnv } from '../test/host/testCertificate.mjs';

const require = createRequire(import.meta.url);
const TAG = '[e2e]';
const timeoutMs = Number(process.env.ACS_E2E_TIMEOUT_MS) || 10 * 60_000;
const keep = process.argv.includes('--keep');
const compile = !process.argv.includes('--no-compile');
const codeServerChoice = process.argv.find((a) => a.startsWith('--code-server='))?.slice('--code-server='.length) || process.env.ACS_E2E_CODE_SERVER;
const packagesDir = process.argv.find((a) => a.startsWith('--packages-dir='))?.slice('--packages-dir='.length);
const savePictures = /^(1|true|yes)$/i.test(process.env.ACS_E2E_SCREENSHOTS ?? '');
const e2eOut = join(repoRoot, 'out', 'test', 'e2e');

const results = { passed: 0, failed: 0, pending: 0, failures: [] };
const timings = [];
const cleanups = [];
let finished = false;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function timed(name, fn) {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings.push(`${name} ${seconds(Date.now() - started)}`);
  }
}

/** The code-server to run: an entry script's path (run with this Node), a version of test/host/versions.mjs, or the default one. */
async function resolveCodeServer(choice) {
  if (choice && (/\.m?js$/.test(choice) || choice.includes('/'))) {
    const entry = resolve(choice);
    if (!existsSync(entry)) throw new Error(`--code-server: ${entry} does not exist`);
    return { entry, nodeBin: process.execPath };
  }
  return ensureTestHost({ version: choice || undefined, quiet: true });
}

/** Settings of the fresh profile: no startup editor, no tips, a fixed theme for the pictures; `extra`: the emulated cloud's. */
function writeUserSettings(userDataDir, extra) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

function compileTests() {
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tsc -p . failed (${r.status ?? r.signal})`);
}

function testFiles() {
  if (!existsSync(e2eOut)) return [];
  return readdirSync(e2eOut)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(e2eOut, name));
}

/** Runs the suite with mocha in this process; resolves when it is done. */
async function runMocha(files) {
  const Mocha = require('mocha');
  const { rootHooks } = require(join(e2eOut, 'support', 'suiteContext.js'));
  const mocha = new Mocha({ ui: 'tdd', bail: true, timeout: 120_000, reporter: 'spec', rootHooks });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  await new Promise((done) => {
    const runner = mocha.run(() => done());
    runner.on('pass', () => results.passed++);
    runner.on('pending', () => results.pending++);
    runner.on('fail', (test, err) => {
      results.failed++;
      // Playwright colors its call log: the results file and the summary want plain text.
      results.failures.push({ title: test.fullTitle(), message: (err?.message ?? String(err)).replace(ANSI_COLOR, '') });
    });
    runner.on('end', () => {
      // With bail, the tests after the first failure never start: they count as pending.
      const notRun = runner.total - results.passed - results.failed - results.pending;
      if (notRun > 0) {
        results.pending += notRun;
        console.log(`${TAG} ${notRun} test(s) not run after the first failure (the flow is sequential)`);
      }
    });
  });
}

/** Stops everything that was started (newest first), exactly once; each step is by pid. */
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      console.warn(`${TAG} cleanup: ${err.message}`);
    }
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function report(startedAt) {
  const resultsFile = process.env.ACS_TEST_RESULTS_FILE;
  if (resultsFile) writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${TAG} times: ${timings.join(', ')}; total ${seconds(Date.now() - startedAt)}`);
  for (const f of results.failures) console.log(`${TAG} ✗ ${f.title}: ${f.message.split('\n')[0]}`);
  console.log(`${TAG} ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
}

async function finish(code, startedAt, message) {
  if (finished) return;
  finished = true;
  if (message) {
    console.error(`${TAG} ${message}`);
    results.failed++;
    results.failures.push({ title: 'end-to-end run', message });
  }
  await cleanup();
  report(startedAt);
  process.exit(code);
}

async function main() {
  const startedAt = Date.now();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void finish(130, startedAt, `received ${signal}, stopped`));
  }
  const timer = setTimeout(() => void finish(124, startedAt, `TIMEOUT: the run did not finish within ${seconds(timeoutMs)} (ACS_E2E_TIMEOUT_MS)`), timeoutMs);

  // A short path: code-server puts unix sockets in it.
  const scratch = mkdtempSync(join(tmpdir(), 'acs-e2e-'));
  const failureDir = join(tmpdir(), `acs-e2e-failures-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  cleanups.push(() => (keep ? console.log(`${TAG} kept ${scratch}`) : rmSync(scratch, { recursive: true, force: true })));
  try {
    const host = await timed('code-server check', () => resolveCodeServer(codeServerChoice));
    const version = spawnSync(host.nodeBin, [host.entry, '--version'], { encoding: 'utf8' }).stdout.split('\n')[0].trim();
    console.log(`${TAG} code-server ${version} (${host.entry})`);
    if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);

    if (compile) await timed('compile', () => compileTests());
    const files = testFiles();
    if (files.length === 0) throw new Error(`no tests found in ${e2eOut}`);

    const packages = packagesDir ? resolve(packagesDir) : scratch;
    mkdirSync(packages, { recursive: true });
    const productVsix = join(packages, 'acs-identity.vsix');
    const vsix = existsSync(productVsix) ? productVsix : await timed('package', () => packageVsix(productVsix));
    const userDataDir = join(scratch, 'user-data');
    const extensionsDir = join(scratch, 'extensions');
    const fakeSignInDir = join(packages, 'fake-microsoft-auth');
    const fakeSignInVsix = existsSync(join(fakeSignInDir, 'fake-microsoft-auth.vsix'))
      ? join(fakeSignInDir, 'fake-microsoft-auth.vsix')
      : await timed('package the fake sign-in', () => packageFakeSignIn(repoRoot, fakeSignInDir));
    await timed('install', async () => {
      for (const extension of [vsix, fakeSignInVsix]) {
        await runCodeServerCli(host, ['--install-extension', extension, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { stateDir: scratch });
      }
    });
    const certificate = makeCertificate(join(scratch, 'tls'));

    const { emulator, cloud, server, browser } = await timed('start', async () => {
      const emulator = await startEmulatorCli({
        emulatorJs: join(repoRoot, 'dist', 'emulator.js'),
        dataFile: join(scratch, 'emulator-identities.json'),
        logFile: join(scratch, 'emulator.log'),
      });
      cleanups.push(() => emulator.stop());
      const cloud = await startEmulatorCli({
        emulatorJs: join(repoRoot, 'dist', 'emulator.js'),
        dataFile: join(scratch, 'cloud-identities.json'),
        logFile: join(scratch, 'cloud.log'),
        extraArgs: ['--tls-cert', certificate.certFile, '--tls-key', certificate.keyFile, '--resource-name', 'contoso-acs', '--data-location', 'Europe'],
      });
      cleanups.push(() => cloud.stop());
      writeUserSettings(userDataDir, cloudSettings(cloud.endpoint));
      const runTmp = join(scratch, 'tmp');
      mkdirSync(runTmp, { recursive: true });
      // Nothing of the caller's environment may change what the extension asks (e.g. the
      // connection-string variable adds a question to Add Resource) or where code-server goes.
      const env = { ...process.env, TMPDIR: runTmp, ...trustEnv(certificate.certFile, scratch) };
      delete env.COMMUNICATION_SERVICES_CONNECTION_STRING;
      delete env.ACS_IDENTITY_START_EMULATOR;
      const server = await startCodeServer({ host, stateDir: scratch, userDataDir, extensionsDir, env });
      cleanups.push(() => server.stop());
      const browser = await startChromium({ executablePath: chromiumPath, env: { ...process.env, TMPDIR: runTmp } });
      cleanups.push(() => browser.stop());
      return { emulator, cloud, server, browser };
    });
    console.log(`${TAG} emulator pid ${emulator.pid} at ${emulator.endpoint}; the cloud's pid ${cloud.pid} at ${cloud.endpoint}; code-server pid ${server.pid} at ${server.url}; chromium pid ${browser.pid}`);

    const workspaceFolder = join(scratch, 'workspace');
    mkdirSync(workspaceFolder, { recursive: true });
    process.env.ACS_E2E_SESSION = JSON.stringify({
      workbenchUrl: server.url,
      workspaceFolder,
      wsEndpoint: browser.wsEndpoint,
      emulator: { endpoint: emulator.endpoint, accessKey: emulator.accessKey, connectionString: emulator.connectionString },
      cloud: { endpoint: cloud.endpoint, accessKey: cloud.accessKey, ca: readFileSync(certificate.certFile, 'utf8') },
      failureDir,
      picturesDir: savePictures ? join(repoRoot, 'media') : undefined,
    });
    await timed('tests', () => runMocha(files));
    if (results.failed > 0) {
      console.log(`${TAG} screenshots of failures in ${failureDir}; code-server log: ${server.logFile}${keep ? '' : ' (run with --keep to keep it)'}`);
      const tail = readFileSync(server.logFile, 'utf8').trimEnd().split('\n').slice(-10).join('\n  ');
      console.log(`${TAG} last lines of code-server's log:\n  ${tail}`);
    }

    const pids = [emulator.pid, cloud.pid, server.pid, browser.pid];
    clearTimeout(timer);
    await cleanup();
    const alive = pids.filter(isRunning);
    if (alive.length > 0) throw new Error(`processes still running after the stop: ${alive.join(', ')}`);
    console.log(`${TAG} stopped the emulators, code-server and Chromium (pids ${pids.join(', ')})`);
    await finish(results.failed > 0 ? 1 : 0, startedAt);
  } catch (err) {
    clearTimeout(timer);
    await finish(1, startedAt, err?.stack ?? String(err));
  }
}

await main();
