import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { isMissing, readFileIfExists, removeStaleLock } from '../shared/atomicFile';
import { isProcessRunning } from '../shared/processes';

/**
 * Where the records live, under the extension's global storage folder, shared by every window:
 *   records/snapshot.jsonl            the compacted events of windows that are gone
 *   records/journals/<writer>.jsonl   each running window's own events, appended by it alone
 *   records/compaction.lock           held by the window that is compacting
 * A writer's name starts with its process id, so that the journal of a window that is gone can be
 * told from that of one that runs.
 */
export class RecordFolder {
  readonly directory: string;
  readonly journalsDirectory: string;
  readonly snapshotFile: string;
  readonly lockFile: string;
  /** The layout before journals: one JSON file per resource, user and token. */
  readonly legacyDirectory: string;

  constructor(rootDirectory: string) {
    this.directory = path.join(rootDirectory, 'records');
    this.journalsDirectory = path.join(this.directory, 'journals');
    this.snapshotFile = path.join(this.directory, 'snapshot.jsonl');
    this.lockFile = path.join(this.directory, 'compaction.lock');
    this.legacyDirectory = path.join(rootDirectory, 'resources');
  }

  static newWriterId(): string {
    return `${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  journalOf(writerId: string): string {
    return path.join(this.journalsDirectory, `${writerId}.jsonl`);
  }

  async create(): Promise<void> {
    await mkdir(this.journalsDirectory, { recursive: true });
  }

  /** Every journal, by writer id. */
  async journals(): Promise<string[]> {
    try {
      return (await readdir(this.journalsDirectory)).filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -'.jsonl'.length));
    } catch (error) {
      if (isMissing(error)) {
        return [];
      }
      throw error;
    }
  }

  /**
   * Takes the compaction lock, or returns undefined when a live window holds it. A lock left by a
   * process that is gone is broken.
   */
  async tryLock(): Promise<(() => Promise<void>) | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(this.lockFile, 'wx', 0o600);
        try {
          await handle.writeFile(String(process.pid));
        } finally {
          await handle.close();
        }
        return () => rm(this.lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw error;
        }
      }
      const ownerText = await readFileIfExists(this.lockFile);
      if (isProcessRunning(Number(ownerText))) {
        return undefined;
      }
      await removeStaleLock(this.lockFile, ownerText);
    }
    return undefined;
  }
}

/** Whether the window that wrote a journal may still be running (its process exists). */
export function isWriterAlive(writerId: string): boolean {
  return isProcessRunning(Number(writerId.split('-')[0]));
}
