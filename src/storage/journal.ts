import { open, type FileHandle } from 'node:fs/promises';
import { parseRecordEvent, type RecordEvent } from '../core/recordEvents';
import { isMissing } from '../shared/atomicFile';

/** A line of a journal that is not an event: kept aside and reported, never silently dropped. */
export interface DamagedLine {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly reason: 'notJson' | 'notAnEvent' | 'incomplete';
}

export interface JournalRead {
  readonly events: RecordEvent[];
  readonly damaged: DamagedLine[];
  /** Where the next read starts: after the last complete line. */
  readonly nextOffset: number;
  /** Lines read so far in the file, for numbering damaged ones. */
  readonly nextLine: number;
}

/** One event per line, JSON. */
export function serializeEvents(events: readonly RecordEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}

/**
 * Reads the complete lines of `file` from `offset`. A last line without its newline is being
 * written by its window right now: it is left for the next read, unless `final` (its writer is
 * gone, so it never will be complete).
 */
export async function readJournal(file: string, from: { offset: number; line: number }, final = false): Promise<JournalRead> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isMissing(error)) {
      return { events: [], damaged: [], nextOffset: from.offset, nextLine: from.line };
    }
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size <= from.offset) {
      return { events: [], damaged: [], nextOffset: from.offset, nextLine: from.line };
    }
    const buffer = Buffer.alloc(size - from.offset);
    await handle.read(buffer, 0, buffer.length, from.offset);
    return parseLines(file, buffer, from, final);
  } finally {
    await handle.close();
  }
}

function parseLines(file: string, buffer: Buffer, from: { offset: number; line: number }, final: boolean): JournalRead {
  const events: RecordEvent[] = [];
  const damaged: DamagedLine[] = [];
  let start = 0;
  let line = from.line;
  for (let end = buffer.indexOf(0x0a, start); end >= 0; end = buffer.indexOf(0x0a, start)) {
    line++;
    const text = buffer.toString('utf8', start, end);
    start = end + 1;
    if (text.trim() === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      damaged.push({ file, line, reason: 'notJson' });
      continue;
    }
    const event = parseRecordEvent(value);
    if (event) {
      events.push(event);
    } else {
      damaged.push({ file, line, reason: 'notAnEvent' });
    }
  }
  if (final && start < buffer.length && buffer.toString('utf8', start).trim() !== '') {
    damaged.push({ file, line: line + 1, reason: 'incomplete' });
    start = buffer.length;
  }
  return { events, damaged, nextOffset: from.offset + start, nextLine: line };
}

/**
 * This window's own journal: only this writer appends to it, so writes never interleave with
 * another window's. Each append is one write of whole lines (a kill leaves complete lines, or a
 * last line the readers know to be incomplete). The write reaches the OS at once, which is what
 * another window reads and what survives this process being killed; the fsync that makes it
 * survive a power cut follows in the background, coalesced, so that no command waits for the disk.
 */
export class JournalWriter {
  private handle: Promise<FileHandle> | undefined;
  private syncing: Promise<void> | undefined;
  private dirty = false;
  private closed = false;

  constructor(readonly file: string) {}

  async append(events: readonly RecordEvent[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    if (this.closed) {
      throw new Error('The journal is closed.');
    }
    this.handle ??= open(this.file, 'a', 0o600);
    const handle = await this.handle;
    const data = Buffer.from(serializeEvents(events), 'utf8');
    let written = 0;
    while (written < data.length) {
      written += (await handle.write(data, written, data.length - written)).bytesWritten;
    }
    this.scheduleSync();
  }

  /** Resolves once everything appended so far is on disk. */
  async flush(): Promise<void> {
    while (this.syncing) {
      await this.syncing;
    }
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    const handle = this.handle;
    this.handle = undefined;
    await (await handle)?.close();
  }

  private scheduleSync(): void {
    this.dirty = true;
    this.syncing ??= this.syncWhileDirty().finally(() => {
      this.syncing = undefined;
    });
  }

  private async syncWhileDirty(): Promise<void> {
    while (this.dirty && this.handle) {
      this.dirty = false;
      try {
        await (await this.handle).sync();
      } catch {
        // A failed fsync leaves the data where a kill cannot lose it; the next append tries again.
      }
    }
  }
}
