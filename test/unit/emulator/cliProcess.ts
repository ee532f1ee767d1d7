import { ChildProcess, execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/** The repository root, from `out/test/unit/emulator`. */
const REPO_ROOT = resolve(__dirname, '../../../..');
const BUNDLE = resolve(REPO_ROOT, 'dist/emulator.js');

let bundleBuilt: Promise<unknown> | undefined;

/** Builds `dist/emulator.js` as `npm run emulator` does, once per test run. */
export function buildEmulatorBundle(): Promise<unknown> {
  bundleBuilt ??= promisify(execFile)(process.execPath, ['esbuild.mjs', '--only=emulator'], { cwd: REPO_ROOT });
  return bundleBuilt;
}

export interface CliRun {
  readonly child: ChildProcess;
  readonly connectionString: string;
  readonly endpoint: string;
  /** Resolves with the exit code (null when killed by a signal) and everything printed. */
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Sends SIGTERM (Ctrl+C's twin) and resolves once it has exited. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Runs `node dist/emulator.js …args` to the end, for arguments that make it exit by itself. */
export async function runCliToExit(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return collectExit(child);
}

/** Starts the CLI and waits for its connection-string line. */
export async function startCli(args: readonly string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = collectExit(child);
  const connectionString = await new Promise<string>((resolveLine, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = /Connection string: (endpoint=(\S+);accesskey=\S+)/.exec(seen);
      if (match) {
        child.stdout?.off('data', onData);
        resolveLine(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((result) => reject(new Error(`The emulator exited with ${result.code} before printing its connection string: ${result.stderr}`)));
  });
  const stop = (): Promise<{ code: number | null; stdout: string; stderr: string }> => {
    child.kill('SIGTERM');
    return exited;
  };
  return { child, connectionString, endpoint: /endpoint=(\S+);/.exec(connectionString)?.[1] ?? '', exited, stop };
}

function collectExit(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolveExit) => child.on('close', (code) => resolveExit({ code, stdout, stderr })));
}
