// A `code`-compatible launcher for extension tests on machines where VS Code desktop cannot
// be downloaded: it serves the real workbench with code-server and opens it in headless
// Chromium (playwright-core), then exits with the test run's exit code.
// @vscode/test-cli (.vscode-test.mjs: useInstallation.fromPath = test/host/code) spawns it
// through @vscode/test-electron's runTests, like a desktop `code` binary.
//
// Understood arguments (both `--name=value` and `--name value`):
//   --extensionDevelopmentPath  (repeatable)  --extensionTestsPath  --user-data-dir
//   --extensions-dir  --locale  and one positional folder or .code-workspace file to open.
// Desktop-only options that runTests adds (--no-sandbox, --disable-updates, …) are ignored;
// unknown ones too, with a warning.
//
// Environment:
//   everything it receives reaches the extension host (test-cli's `env` and its
//   VSCODE_TEST_OPTIONS land here), except TMPDIR, which points to a private folder deleted
//   after the run;
//   ACS_TEST_HOST_VERSION the code-server release to run (test/host/versions.mjs), default
//                         DEFAULT_HOST_VERSION; install it first (scripts/setup-test-host.mjs);
//   ACS_TEST_TIMEOUT_MS   overall time limit, default 15 minutes;
//   ACS_TEST_VERBOSE=1    also print code-server's log and the browser console;
//   ACS_TEST_CHROMIUM     Chromium binary, default /usr/bin/chromium.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath, isTestHostInstalled, testHost } from '../../scripts/setup-test-host.mjs';
import { startCodeServer } from './codeServer.mjs';

const TAG = '[test-host]';
const timeoutMs = Number(process.env.ACS_TEST_TIMEOUT_MS) || 15 * 60 * 1000;
const verbose = /^(1|true|yes)$/i.test(process.env.ACS_TEST_VERBOSE ?? '');

// Options of `code` that the launcher uses. Both `--name=value` and `--name value` work.
const OPTIONS = {
  extensionDevelopmentPath: { type: 'string', multiple: true },
  extensionTestsPath: { type: 'string' },
  'user-data-dir': { type: 'string' },
  'extensions-dir': { type: 'string' },
  locale: { type: 'string' },
};
// Options of desktop `code` that mean nothing for a browser-hosted workbench, such as those
// @vscode/test-electron's runTests always adds: ignored silently. The ones taking a value are
// declared so that their value is not mistaken for the folder to open.
const IGNORED_VALUE_OPTIONS = ['log', 'logsPath', 'crash-reporter-directory', 'disable-extension', 'enable-proposed-api', 'profile', 'sync', 'inspect-extensions', 'inspect-brk-extensions'];
const IGNORED_FLAGS = [
  'no-sandbox', 'disable-gpu-sandbox', 'disable-gpu', 'disable-updates', 'skip-welcome', 'skip-release-notes',
  'disable-workspace-trust', 'disable-telemetry', 'disable-crash-reporter', 'new-window', 'reuse-window', 'wait', 'verbose',
  'disable-chromium-sandbox', 'disable-extensions', 'disable-lcd-text', 'no-cached-data',
];

/** Reads `code`-style arguments; warns about (and ignores) the ones it does not know. */
function parseLauncherArgs(args) {
  const options = { ...OPTIONS };
  for (const name of IGNORED_VALUE_OPTIONS) options[name] = { type: 'string', multiple: true };
  for (const name of IGNORED_FLAGS) options[name] = { type: 'boolean', multiple: true };
  // Not strict: an unknown option must not abort a test run, only be reported.
  const { values, positionals, tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option' && !(token.name in options)) {
      console.warn(`${TAG} ignoring unsupported argument ${token.rawName}${token.value !== undefined ? `=${token.value}` : ''}`);
    }
  }
  const [folder, ...extra] = positionals;
  if (extra.length > 0) console.warn(`${TAG} ignoring extra path argument(s) ${extra.join(' ')}`);
  const path = (value) => (typeof value === 'string' ? resolve(value) : undefined);
  return {
    extensionDevelopmentPath: (values.extensionDevelopmentPath ?? []).filter((p) => typeof p === 'string').map((p) => resolve(p)),
    extensionTestsPath: path(values.extensionTestsPath),
    userDataDir: path(values['user-data-dir']),
    extensionsDir: path(values['extensions-dir']),
    locale: typeof values.locale === 'string' ? values.locale : undefined,
    folder: path(folder),
  };
}

/**
 * VS Code takes a display language only when a language pack provides it. The test host needs the
 * language, not VS Code's own translations (extensions bring theirs): an empty pack, registered
 * the way VS Code records installed packs, makes `vscode.env.language` the locale asked for.
 */
function writeLanguagePack(userDataDir, locale) {
  const translations = join(userDataDir, `language-pack-${locale}.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `test-${locale}`, extensions: [{ extensionIdentifier: { id: `acs-tools-tests.language-pack-${locale}` }, version: '0.0.1' }], translations: { vscode: translations }, label: locale };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** The workbench URL that makes it load the development extension and run its tests. */
function workbenchUrl(base, { extensionDevelopmentPath, extensionTestsPath, folder }) {
  const authority = new URL(base).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [
    ...extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const query = new URLSearchParams();
  if (folder) query.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', folder);
  else query.set('ew', 'true');
  query.set('payload', JSON.stringify(payload));
  return `${base}/?${query}`;
}

/** Turns the workbench's log forwarding back into plain lines. */
function formatAutomationLog(type, args) {
  const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
  return type === 'error' || type === 'warn' ? `[${type}] ${text}` : text;
}

async function main() {
  const opts = parseLauncherArgs(process.argv.slice(2));
  const host = testHost(process.env.ACS_TEST_HOST_VERSION || undefined);
  if (!isTestHostInstalled(host.codeServer)) {
    throw new Error(`code-server ${host.codeServer} is not installed: run \`node scripts/setup-test-host.mjs --version=${host.codeServer}\` first`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  if (opts.extensionDevelopmentPath.length === 0 && !opts.extensionTestsPath) {
    console.warn(`${TAG} no --extensionDevelopmentPath/--extensionTestsPath: just opening the workbench`);
  }

  // A fresh state folder per run, in a short path (code-server puts a unix socket in it).
  const stateDir = mkdtempSync(join(tmpdir(), 'acs-host-'));
  const cleanups = [];
  let serverLogFile;
  let exiting = false;
  /** Stops everything (code-server, Chromium, temp folders) exactly once, then exits. */
  const finish = async (code, message) => {
    if (exiting) return;
    exiting = true;
    if (message) console.error(`${TAG} ${message}`);
    if (code !== 0 && !verbose && serverLogFile) {
      try {
        const tail = readFileSync(serverLogFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n  ');
        console.error(`${TAG} last lines of code-server's log (ACS_TEST_VERBOSE=1 shows all):\n  ${tail}`);
      } catch {
        // No log to show: the failure message above is all there is.
      }
    }
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.warn(`${TAG} cleanup: ${err.message}`);
      }
    }
    rmSync(stateDir, { recursive: true, force: true });
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void finish(130, `received ${signal}, stopping`));
  }
  const timer = setTimeout(
    () => void finish(124, `TIMEOUT: the test run did not finish within ${Math.round(timeoutMs / 1000)} s (ACS_TEST_TIMEOUT_MS); stopping code-server and Chromium`),
    timeoutMs,
  );

  try {
    const started = Date.now();
    // The user-data dir is always fresh: a subfolder of the one requested (runTests defaults
    // it to .vscode-test/user-data, which would otherwise carry state between runs).
    if (opts.userDataDir) mkdirSync(opts.userDataDir, { recursive: true });
    const userDataDir = opts.userDataDir ? mkdtempSync(join(opts.userDataDir, 'run-')) : join(stateDir, 'user-data');
    if (opts.userDataDir) cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
    if (opts.locale && !opts.locale.startsWith('en')) writeLanguagePack(userDataDir, opts.locale);
    const runTmp = join(stateDir, 'tmp');
    mkdirSync(runTmp, { recursive: true });
    const server = await startCodeServer({
      host,
      stateDir,
      userDataDir,
      extensionsDir: opts.extensionsDir ?? join(stateDir, 'extensions'),
      // The extension host's IPC sockets (vscode-ipc-*.sock, vscode-git-*.sock) go to TMPDIR and
      // are not removed when the host is killed: a private TMPDIR is deleted with the run.
      env: { ...process.env, TMPDIR: runTmp },
      onLine: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
      extraArgs: [...(host.serverArgs ?? []), ...(opts.locale ? ['--locale', opts.locale] : [])],
    });
    serverLogFile = server.logFile;
    cleanups.push(() => server.stop());
    server.exited.then((code) => {
      if (!exiting) {
        void finish(1, `code-server exited unexpectedly (${code})`);
      }
    });

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      env: { ...process.env, TMPDIR: runTmp },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    cleanups.push(() => browser.close());
    browser.on('disconnected', () => void finish(1, 'Chromium disconnected before the tests finished'));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();

    // Both must exist before the workbench loads: it looks them up when the tests log and end.
    let resolveExit;
    const exitCode = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatAutomationLog(type, args);
      // code-server's gallery (open-vsx.org) is unreachable offline: harmless, and noisy.
      if (!verbose && /ENOTFOUND open-vsx\.org/.test(line)) return;
      console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    page.on('crash', () => void finish(1, 'the workbench page crashed'));
    page.on('pageerror', (err) => verbose && console.error(`[browser] page error: ${err.message}`));
    if (verbose) page.on('console', (msg) => console.log(`[browser:${msg.type()}] ${msg.text()}`));

    const url = workbenchUrl(server.url, opts);
    if (verbose) console.log(`${TAG} opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    console.log(`${TAG} workbench loaded (code-server ${host.codeServer} at ${server.url}) in ${((Date.now() - started) / 1000).toFixed(1)} s; running tests`);

    const code = await exitCode;
    clearTimeout(timer);
    console.log(`${TAG} tests finished with exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await finish(code);
  } catch (err) {
    clearTimeout(timer);
    await finish(1, `launcher failed: ${err.stack ?? err}`);
  }
}

await main();
