import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMissing, readFileIfExists, writeFileAtomically } from '../shared/atomicFile';

/**
 * Small JSON documents on disk, each written atomically (see {@link writeFileAtomically}), so a
 * reader in another window sees the old or the new document, never half of one.
 */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The document, or undefined when it does not exist (yet, or any more) or cannot be parsed. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await readFileIfExists(file);
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Names of the entries of a directory, or none when it does not exist. */
export async function listDirectory(directory: string): Promise<string[]> {
  try {
    return await fs.readdir(directory);
  } catch (error) {
    if (isMissing(error)) {
      return [];
    }
    throw error;
  }
}

export async function removeTree(target: string): Promise<void> {
  await fs.rm(target, { recursive: true, force: true });
}
