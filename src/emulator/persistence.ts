import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `contents` so that a crash at any moment leaves either the old file or the
 * new one, never a torn mix: write a temporary file in the same directory, fsync it, rename it
 * over the target (atomic on one file system), then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomically(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open or fsync a directory; there the rename is as durable as the OS makes it.
  }
}

export async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Runs `write` so that writes never overlap and bursts of changes share one write: a save asked
 * for while a write runs is served by the next write, which captures every change made until it starts.
 */
export class CoalescingWriter {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(private readonly write: () => Promise<void>) {}

  /** Resolves once a write that started after this call has completed. */
  save(): Promise<void> {
    if (!this.queued) {
      const next = this.running.then(() => {
        this.queued = undefined;
        return this.write();
      });
      this.queued = next;
      this.running = next.catch(() => undefined);
    }
    return this.queued;
  }

  /** Resolves when every write asked for so far has finished, whether or not it succeeded. */
  idle(): Promise<void> {
    return this.running;
  }
}
