// The processes an end-to-end run needs besides code-server (test/host/codeServer.mjs): the
// emulator, started by its command line as a person would, and headless Chromium. Each one is
// stopped by its pid; a run must leave none behind.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * Starts `node dist/emulator.js --port 0 --data <file>` (and `extraArgs`, e.g. `--tls-cert`) and
 * resolves once it has printed its connection string.
 * @param {{ emulatorJs: string, dataFile: string, logFile: string, extraArgs?: string[], timeoutMs?: number }} o
 * @returns {Promise<{ pid: number, endpoint: string, connectionString: string, accessKey: string, stop(): Promise<void> }>}
 */
export function startEmulatorCli({ emulatorJs, dataFile, logFile, extraArgs = [], timeoutMs = 30_000 }) {
  const child = spawn(process.execPath, [emulatorJs, '--port', '0', '--data', dataFile, '--no-throttle', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const stop = () => stopChild(child, exited).finally(() => log.end());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the emulator printed no connection string within ${timeoutMs / 1000} s; see ${logFile}`));
    }, timeoutMs);
    let buffered = '';
    const onData = (chunk) => {
      log.write(chunk);
      buffered += chunk.toString();
      const match = /^Connection string: (\S+)$/m.exec(buffered);
      if (match) {
        clearTimeout(timer);
        const connectionString = match[1];
        const endpoint = /endpoint=([^;]+)/i.exec(connectionString)[1];
        const accessKey = /accesskey=([^;]+)/i.exec(connectionString)[1];
        resolve({ pid: child.pid, endpoint, connectionString, accessKey, stop });
        buffered = '';
      } else if (buffered.length > 64_000) {
        buffered = buffered.slice(-4_000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => log.write(chunk));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}) before printing its connection string; see ${logFile}`));
    });
  });
}

/**
 * Starts headless Chromium as a Playwright browser server: the tests connect to its `wsEndpoint`,
 * and the runner keeps its pid to stop it whatever the tests did.
 * @param {{ executablePath: string, env: NodeJS.ProcessEnv }} o
 * @returns {Promise<{ pid: number, wsEndpoint: string, stop(): Promise<void> }>}
 */
export async function startChromium({ executablePath, env }) {
  const { chromium } = await import('playwright-core');
  const server = await chromium.launchServer({
    executablePath,
    headless: true,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const child = server.process();
  const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code, signal) => resolve(code ?? signal))));
  return {
    pid: child.pid,
    wsEndpoint: server.wsEndpoint(),
    stop: async () => {
      await Promise.race([server.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
      await stopChild(child, exited);
    },
  };
}

/** SIGTERM, then SIGKILL if the process is still there after a few seconds. */
async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  killPid(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killPid(child.pid, 'SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

export function killPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
