// Starting and driving code-server (the headless VS Code host), shared by the test launcher
// (test/host/launcher.mjs), `npm start` and the packaging check.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Environment for code-server and everything it spawns (the extension host inherits it).
 * Variables that would make code-server forward to another running VS Code/code-server
 * instead of starting its own are removed (e.g. when run from a VS Code terminal).
 */
export function codeServerEnv(baseEnv, configFile) {
  const env = { ...baseEnv, CODE_SERVER_CONFIG: configFile };
  for (const name of Object.keys(env)) {
    if (
      name.startsWith('VSCODE_IPC_HOOK') ||
      name === 'VSCODE_CLI' ||
      name === 'CODE_SERVER_PARENT_PID' ||
      name === 'CODE_SERVER_SESSION_SOCKET' ||
      name === 'ELECTRON_RUN_AS_NODE'
    ) {
      delete env[name];
    }
  }
  return env;
}

/** Writes the config file code-server would otherwise create in ~/.config/code-server. */
export function writeCodeServerConfig(dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'code-server.yaml');
  writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

/** @typedef {{ entry: string, nodeBin: string }} CodeServerHost  see testHost() in scripts/setup-test-host.mjs */

/**
 * Starts code-server on 127.0.0.1 and resolves once it listens.
 * @param {object} o
 * @param {CodeServerHost} o.host  which code-server, run by which Node
 * @param {string} o.stateDir  folder for the config file and logs
 * @param {string} o.userDataDir
 * @param {string} o.extensionsDir
 * @param {number} [o.port]  0 (default) picks a free port
 * @param {NodeJS.ProcessEnv} [o.env]  environment of the server and the extension host
 * @param {(line: string) => void} [o.onLine]  each output line of the server (default: log file only)
 * @param {string[]} [o.extraArgs]
 * @returns {Promise<{ url: string, port: number, pid: number, logFile: string, exited: Promise<number|string>, stop(): Promise<void> }>}
 */
export function startCodeServer({ host, stateDir, userDataDir, extensionsDir, port = 0, env = process.env, onLine, extraArgs = [] }) {
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const configFile = writeCodeServerConfig(stateDir);
  const logFile = join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    host.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  // Own process group: stop() kills the server, its extension hosts and terminals at once.
  // The extension host runs on the same Node as the server.
  const child = spawn(host.nodeBin, args, {
    env: codeServerEnv(env, configFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  // Last resort when the parent exits without calling stop() (an uncaught error, process.exit).
  const killOnExit = () => killGroup(child.pid, 'SIGKILL');
  process.once('exit', killOnExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    // Extension hosts may outlive the server process for a moment.
    killGroup(child.pid, 'SIGKILL');
    process.removeListener('exit', killOnExit);
    log.end();
  };

  return new Promise((resolve, reject) => {
    let buffered = '';
    let listening = false;
    const onData = (chunk) => {
      log.write(chunk);
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        onLine?.(line);
        const m = !listening && /HTTP server listening on (http:\/\/[^\s/]+:(\d+))\//.exec(line);
        if (m) {
          listening = true;
          resolve({ url: m[1], port: Number(m[2]), pid: child.pid, logFile, exited, stop });
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    exited.then((code) => {
      if (!listening) reject(new Error(`code-server exited (${code}) before listening; see ${logFile}`));
    });
  });
}

/** Runs code-server as a CLI (e.g. --install-extension) and returns its output. */
export function runCodeServerCli(host, args, { stateDir, env = process.env }) {
  const configFile = writeCodeServerConfig(stateDir);
  return new Promise((resolve, reject) => {
    const child = spawn(host.nodeBin, [host.entry, ...args], {
      env: codeServerEnv(env, configFile),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`)),
    );
  });
}

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
