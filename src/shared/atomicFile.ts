import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { escapeRegExp } from './regExp';

/**
 * Replaces `path` with `contents` so that a crash at any moment leaves either the old file or the
 * new one, never a torn mix, and a reader in another process sees one or the other: write a
 * temporary file in the same folder (readable by this user only), fsync it, rename it over the
 * target (atomic on one file system), then fsync the folder so that the rename itself is durable.
 * The temporary file is `<path>.<uuid>.tmp`: whoever lists the folder skips names ending in `.tmp`.
 *
 * The explicit `FileHandle.sync()` matters: `writeFile(…, { flush: true })` is ignored before
 * Node 20.10, and VS Code 1.90's extension host may run Node 20.9.
 */
export async function writeFileAtomically(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
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

/**
 * A temporary file lives only between its open and its rename, milliseconds; one a minute old
 * belongs to a writer that died (a crash, a kill, a power cut) and will never be renamed.
 */
const STALE_TEMPORARY_FILE_AGE_MS = 60_000;

/**
 * Removes the temporary files that {@link writeFileAtomically} left next to `path` when its
 * process died between writing and renaming: `<name>.<uuid>.tmp`, older than a minute (a younger
 * one may be another process's write in progress). They matter because they hold whatever the
 * target holds, keys included, readable by this user. Resolves to the names it removed.
 */
export async function removeStaleTemporaryFiles(path: string): Promise<string[]> {
  const nowMs = Date.now();
  const directory = dirname(path);
  const temporaryName = new RegExp(`^${escapeRegExp(basename(path))}\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp$`, 'i');
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if (isMissing(error)) {
      return [];
    }
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.filter((candidate) => temporaryName.test(candidate))) {
    if (await isOlderThan(join(directory, name), nowMs - STALE_TEMPORARY_FILE_AGE_MS)) {
      await rm(join(directory, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

async function isOlderThan(path: string, thresholdMs: number): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.isFile() && info.mtimeMs < thresholdMs;
  } catch (error) {
    // Renamed or removed by its writer, or by another cleaner, since the folder was listed.
    if (isMissing(error)) {
      return false;
    }
    throw error;
  }
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
    // Windows cannot open or fsync a folder; there the rename is as durable as the OS makes it.
  }
}

/** The file's text, or undefined when it does not exist (yet, or any more). */
export async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Removes a lock file left by a process that is gone, unless it changed since it was read as
 * `staleText` (another process took it over first).
 */
export async function removeStaleLock(lockFile: string, staleText: string | undefined): Promise<void> {
  if ((await readFileIfExists(lockFile)) === staleText) {
    await rm(lockFile, { force: true });
  }
}

/** ENOENT, or ENOTDIR when a folder on the way is a file. */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
