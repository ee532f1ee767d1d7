import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

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

/** ENOENT, or ENOTDIR when a folder on the way is a file. */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
