import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isLoopbackHost } from '../shared/hosts';
import { readFileIfExists, removeStaleLock, writeFileAtomically } from '../shared/atomicFile';
import { isProcessRunning } from '../shared/processes';
import { emulatorAnswersAt } from './emulatorProbe';

/**
 * Who runs the emulator of one data file: a lock file next to it holding `{ pid, endpoint }`.
 * Every VS Code window has its own extension host (its own process), and two emulators on one
 * data file would each keep their own copy of the identities in memory, the last writer erasing
 * the other's users. So the first window to start one creates the lock (`wx`: atomic, fails when
 * it exists) and the others point at its endpoint instead of starting a second emulator.
 */
export type EmulatorLockAttempt =
  | { readonly acquired: true; readonly lock: HeldEmulatorLock }
  | { readonly acquired: false; readonly endpoint: string; readonly pid: number };

export interface HeldEmulatorLock {
  /** Tells other windows where the emulator listens, once it does. */
  publish(endpoint: string): Promise<void>;
  release(): Promise<void>;
}

interface LockContents {
  readonly pid: number;
  /** Absent while the owner is still starting its emulator. */
  readonly endpoint?: string;
}

/**
 * The lock files held by this process. A lock that names our own pid is alive only if it is one
 * of these (another EmulatorHost of this process holds it); otherwise an earlier process that had
 * our pid died without removing it. Per module instance: the extension bundle and the compiled
 * tests each have their own, and each works on its own data files.
 */
const heldByThisProcess = new Set<string>();

/** How long to wait for another window that holds the lock but does not listen yet. */
const STARTING_WAIT_MS = 30_000;
const POLL_MS = 100;

/**
 * Takes the lock of `lockFile`, or names the live emulator that holds it. A lock left by a process
 * that is gone is taken over, and so is one whose endpoint no emulator answers at: after a crash
 * and a reboot, an unrelated process can hold the pid the lock names.
 */
export async function acquireEmulatorLock(lockFile: string): Promise<EmulatorLockAttempt> {
  await mkdir(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + STARTING_WAIT_MS;
  for (;;) {
    if (await tryCreate(lockFile)) {
      heldByThisProcess.add(lockFile);
      return { acquired: true, lock: heldLock(lockFile) };
    }
    const text = await readFileIfExists(lockFile);
    if (text === undefined) {
      continue; // released in the meantime
    }
    const owner = parseLock(text);
    const ownerAlive = owner !== undefined && isAlive(owner.pid, lockFile);
    if (ownerAlive && owner.endpoint !== undefined) {
      if (await emulatorAnswersAt(owner.endpoint)) {
        return { acquired: false, endpoint: owner.endpoint, pid: owner.pid };
      }
      await removeStaleLock(lockFile, text);
      continue;
    }
    // A live owner still starting, or a lock being written (`wx` creates it empty, then writes):
    // wait for its endpoint. Past the deadline an unreadable lock is stale; a live owner is not.
    const starting = ownerAlive || owner === undefined;
    if (starting && Date.now() < deadline) {
      await delay(POLL_MS);
      continue;
    }
    if (ownerAlive) {
      throw new Error(`Another VS Code window (process ${owner.pid}) has been starting the local emulator for ${STARTING_WAIT_MS / 1000} seconds; try again later.`);
    }
    await removeStaleLock(lockFile, text);
  }
}

async function tryCreate(lockFile: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
  try {
    await handle.writeFile(serialize({ pid: process.pid }), 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

function heldLock(lockFile: string): HeldEmulatorLock {
  return {
    // Renamed over the lock in one step: readers see `{ pid }` or `{ pid, endpoint }`, never half.
    publish: (endpoint) => writeFileAtomically(lockFile, serialize({ pid: process.pid, endpoint })),
    release: async () => {
      heldByThisProcess.delete(lockFile);
      await rm(lockFile, { force: true });
    },
  };
}

/** This process holds a lock only while it has it; any other owner, while its process runs. */
function isAlive(pid: number, lockFile: string): boolean {
  return pid === process.pid ? heldByThisProcess.has(lockFile) : isProcessRunning(pid);
}

function serialize(contents: LockContents): string {
  return `${JSON.stringify(contents)}\n`;
}

/** The lock's contents; undefined when it is not (yet) a complete lock. Only a loopback http endpoint is ever reused. */
function parseLock(text: string): LockContents | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { pid, endpoint } = value as Partial<Record<keyof LockContents, unknown>>;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) {
    return undefined;
  }
  return typeof endpoint === 'string' && isLoopbackEndpoint(endpoint) ? { pid, endpoint } : { pid };
}

function isLoopbackEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}
