// The user map in and out of a file: each user's ID, label and creation time (never a token or a
// key), as JSON or CSV. Reading checks every entry and says why one is left out, so that a person
// can fix the file.
import type * as PapaParse from 'papaparse';
import { parseAcsUserId } from '../shared/identifiers';
import type { UserRecord } from './records';

export const USER_MAP_FORMATS = ['json', 'csv'] as const;
export type UserMapFormat = (typeof USER_MAP_FORMATS)[number];

export function isUserMapFormat(value: string): value is UserMapFormat {
  return (USER_MAP_FORMATS as readonly string[]).includes(value);
}

/** The format a file name says (`.json`, `.csv`, in any case), if it says one. */
export function userMapFormatOf(fileName: string): UserMapFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension !== undefined && isUserMapFormat(extension) ? extension : undefined;
}

/** One user as the file holds it. */
export interface UserMapEntry {
  readonly id: string;
  /** Empty when the user has no label. */
  readonly label: string;
  /** ISO 8601 */
  readonly created: string;
}

/** The CSV columns, in this order; a JSON entry has the same names. */
const COLUMNS = ['id', 'label', 'created'] as const;

export function userMapEntries(users: readonly UserRecord[]): UserMapEntry[] {
  return users.map((user) => ({ id: user.userId, label: user.label ?? '', created: user.createdAt }));
}

export function serializeUserMap(entries: readonly UserMapEntry[], format: UserMapFormat): string {
  if (format === 'json') {
    return `${JSON.stringify(entries, null, 2)}\n`;
  }
  // Quotes, commas and line breaks inside a label are quoted as RFC 4180 says.
  return `${csvLibrary().unparse({ fields: [...COLUMNS], data: entries.map((entry) => COLUMNS.map((column) => entry[column])) }, { newline: '\r\n' })}\r\n`;
}

/** A user read from a file, checked. */
export interface ImportedUser {
  /** Where it is in the file (see {@link SkippedEntry.entry}). */
  readonly entry: number;
  readonly userId: string;
  readonly label?: string;
  /** Absent when the entry has no creation time. */
  readonly createdAt?: Date;
}

export type SkipReason =
  /** Not an object (JSON) or a row the CSV reader could not read (an unclosed quote). */
  | 'unreadable'
  | 'invalidId'
  | 'labelNotText'
  | 'invalidCreated'
  /** The same ID earlier in the file. */
  | 'repeated';

export interface SkippedEntry {
  /** 1-based: the entry of a JSON list, or the row of a CSV file after its header. */
  readonly entry: number;
  readonly reason: SkipReason;
  /** The entry's ID when it is one (IDs are not secret; anything else is never repeated). */
  readonly userId?: string;
}

export type UserMapRead =
  | { readonly ok: true; readonly users: ImportedUser[]; readonly skipped: SkippedEntry[] }
  /** The file as a whole is not a user map. */
  | { readonly ok: false; readonly problem: 'notJson' | 'notAList' | 'noIdColumn' };

export function parseUserMap(text: string, format: UserMapFormat): UserMapRead {
  // Editors on Windows often start UTF-8 files with a byte order mark.
  const content = text.replace(/^\uFEFF/, '');
  return format === 'json' ? parseJson(content) : parseCsv(content);
}

function parseJson(text: string): UserMapRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  // A plain list, as exported; or an object holding it under `users`.
  const list = Array.isArray(parsed) ? parsed : (parsed as { users?: unknown } | null)?.users;
  if (!Array.isArray(list)) {
    return { ok: false, problem: 'notAList' };
  }
  return checkEntries(list.map((value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawEntry) : undefined)));
}

function parseCsv(text: string): UserMapRead {
  const result = csvLibrary().parse<Record<string, string | undefined>>(text, {
    header: true,
    delimiter: ',',
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  if (!result.meta.fields?.includes('id')) {
    return { ok: false, problem: 'noIdColumn' };
  }
  // A quoted field that is not closed properly runs to the end of the text: the last row holds the
  // broken one and every row after it, and is not read as a user.
  const broken = result.errors.some((error) => error.type === 'Quotes') ? result.data.length - 1 : -1;
  return checkEntries(result.data.map((row, index) => (index === broken ? undefined : row)));
}

type RawEntry = Readonly<Record<string, unknown>>;

function checkEntries(rows: readonly (RawEntry | undefined)[]): UserMapRead {
  const users: ImportedUser[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const entry = index + 1;
    const checked = row === undefined ? ({ reason: 'unreadable' } as const) : checkEntry(row, entry);
    if ('reason' in checked) {
      skipped.push({ entry, ...checked });
    } else if (seen.has(checked.userId)) {
      skipped.push({ entry, reason: 'repeated', userId: checked.userId });
    } else {
      seen.add(checked.userId);
      users.push(checked);
    }
  });
  return { ok: true, users, skipped };
}

function checkEntry(row: RawEntry, entry: number): ImportedUser | { reason: SkipReason; userId?: string } {
  const id = typeof row.id === 'string' ? parseAcsUserId(row.id) : undefined;
  if (!id) {
    return { reason: 'invalidId' };
  }
  const userId = id.raw;
  const { label, created } = row;
  if (label !== undefined && label !== null && typeof label !== 'string') {
    return { reason: 'labelNotText', userId };
  }
  let createdAt: Date | undefined;
  if (created !== undefined && created !== null && created !== '') {
    createdAt = typeof created === 'string' ? new Date(created.trim()) : undefined;
    if (!createdAt || Number.isNaN(createdAt.getTime())) {
      return { reason: 'invalidCreated', userId };
    }
  }
  const trimmedLabel = typeof label === 'string' ? label.trim() : '';
  return { entry, userId, ...(trimmedLabel === '' ? {} : { label: trimmedLabel }), ...(createdAt ? { createdAt } : {}) };
}

type CsvLibrary = typeof PapaParse;
let papa: CsvLibrary | undefined;

/**
 * Papa Parse, on first use: esbuild.mjs makes it a bundle of its own (dist/csv.js), so that
 * activation neither loads nor evaluates it.
 */
function csvLibrary(): CsvLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  papa ??= require('papaparse') as CsvLibrary;
  return papa;
}
