#!/usr/bin/env node
// `npm start`: try the extension without an Azure account.
// Builds and packages the extension, installs the .vsix into a local code-server (the real
// VS Code workbench, served over http) and opens nothing: it prints the URL to open in a browser.
// It sets ACS_IDENTITY_START_EMULATOR=1 for code-server, so the extension, once its view opens,
// starts the ACS Identity emulator inside the extension host (exactly as "Start Local Emulator"
// does, with the same data file) and lists it as the resource "Local emulator".
// Ctrl+C stops code-server, and with it the extension host and its emulator.
//
// Options:
//   --port N        code-server's port (default 8080, or a free one if 8080 is taken; 0 = any)
//   --skip-build    reuse the last .vsix built by `npm start`
// State (settings, installed extension, the emulator's users) lives in .vscode-test/start/;
// delete it to reset.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTestHost, repoRoot } from './setup-test-host.mjs';
import { packageVsix } from './check-package.mjs';
import { runCodeServerCli, startCodeServer } from '../test/host/codeServer.mjs';

const TAG = '[start]';
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const DEFAULT_PORT = 8080;
const stateDir = join(repoRoot, '.vscode-test', 'start');

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** @returns {{ port?: number, skipBuild: boolean }} */
function readOptions() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'skip-build': { type: 'boolean', default: false } } });
  if (values.port === undefined) return { skipBuild: values['skip-build'] };
  const port = Number(values.port);
  if (values.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}: expected 0-65535`);
  return { port, skipBuild: values['skip-build'] };
}

async function choosePort(requestedPort) {
  if (requestedPort !== undefined) return requestedPort;
  if (await portIsFree(DEFAULT_PORT)) return DEFAULT_PORT;
  console.log(`${TAG} port ${DEFAULT_PORT} is taken; using a free port instead`);
  return 0;
}

async function main() {
  const started = Date.now();
  const options = readOptions();
  const host = await ensureTestHost({ needChromium: false, quiet: true });
  mkdirSync(stateDir, { recursive: true });

  const vsix = join(stateDir, `${pkg.name}-${pkg.version}.vsix`);
  if (!options.skipBuild || !existsSync(vsix)) {
    console.log(`${TAG} building and packaging ${pkg.name} ${pkg.version}…`);
    packageVsix(vsix); // runs vscode:prepublish (production build of dist/)
  }
  const dirs = ['--extensions-dir', join(stateDir, 'extensions'), '--user-data-dir', join(stateDir, 'user-data')];
  await runCodeServerCli(host, ['--install-extension', vsix, '--force', ...dirs], { stateDir });
  console.log(`${TAG} installed ${vsix}`);

  let server;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${TAG} stopping…`);
    await server?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  server = await startCodeServer({
    host,
    stateDir,
    userDataDir: join(stateDir, 'user-data'),
    extensionsDir: join(stateDir, 'extensions'),
    port: await choosePort(options.port),
    env: { ...process.env, ACS_IDENTITY_START_EMULATOR: '1' },
  });
  server.exited.then((code) => {
    if (!stopping) {
      console.error(`${TAG} code-server exited (${code}); its log: ${server.logFile}`);
      void stop(1);
    }
  });
  const response = await fetch(`${server.url}/healthz`);
  if (!response.ok) throw new Error(`code-server does not answer (${response.status}); see ${server.logFile}`);

  console.log(`
${TAG} ready in ${((Date.now() - started) / 1000).toFixed(1)} s.

    Open  ${server.url}/  in a browser.

  Open the Azure Communication Services view: the extension starts the local emulator and lists
  it as the resource "Local emulator" (no Azure account needed).
  Working on a remote machine? Forward the port first, e.g. ssh -L ${server.port}:127.0.0.1:${server.port} <host>
  Press Ctrl+C to stop code-server (and the emulator with it). code-server's log: ${server.logFile}
`);
}

main().catch((err) => {
  console.error(`${TAG} ${err.message}`);
  process.exit(1);
});
