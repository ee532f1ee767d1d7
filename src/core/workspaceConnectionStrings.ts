// ACS connection strings already written in a project's configuration files: `.env` files, Azure
// Functions' local.settings.json (its `Values`) and ASP.NET Core's appsettings*.json (any string
// value, wherever it is). Only values that are valid connection strings are returned, under the
// name that holds them; the values themselves are for storing, never for showing.
import { parseConnectionString, type AcsConnectionString } from './connectionString';

export interface FoundConnectionString {
  /** The variable (`.env`), the setting (`Values`) or the configuration path (`ConnectionStrings:Acs`). */
  readonly name: string;
  readonly connection: AcsConnectionString;
}

export type ConfigurationFileKind = 'dotenv' | 'localSettings' | 'appSettings';

/** What kind of file a name is: `.env`, `.env.local`, …; `local.settings.json`; `appsettings.json`, `appsettings.Development.json`, …. */
export function configurationFileKind(fileName: string): ConfigurationFileKind | undefined {
  const name = fileName.replace(/^.*[\\/]/, '');
  if (/^\.env/i.test(name)) {
    return 'dotenv';
  }
  if (/^local\.settings\.json$/i.test(name)) {
    return 'localSettings';
  }
  return /^appsettings.*\.json$/i.test(name) ? 'appSettings' : undefined;
}

export function connectionStringsIn(kind: ConfigurationFileKind, text: string): FoundConnectionString[] {
  switch (kind) {
    case 'dotenv':
      return connectionStringsInDotEnv(text);
    case 'localSettings':
      return connectionStringsInLocalSettings(text);
    case 'appSettings':
      return connectionStringsInAppSettings(text);
  }
}

/**
 * `NAME=value` lines, with `export ` in front or not, blanks around `=`, the value in double, single
 * or back quotes or bare (then a ` #` starts a comment); `#` lines are comments.
 */
export function connectionStringsInDotEnv(text: string): FoundConnectionString[] {
  const found: FoundConnectionString[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (match) {
      add(found, match[1], dotEnvValue(match[2]));
    }
  }
  return found;
}

function dotEnvValue(raw: string): string {
  const quote = raw[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = raw.indexOf(quote, 1);
    return end === -1 ? raw.slice(1) : raw.slice(1, end);
  }
  const comment = raw.search(/\s#/);
  return (comment === -1 ? raw : raw.slice(0, comment)).trim();
}

/** The `Values` of Azure Functions' local settings. */
export function connectionStringsInLocalSettings(text: string): FoundConnectionString[] {
  const values = (parseJsonWithComments(text) as { Values?: unknown } | undefined)?.Values;
  const found: FoundConnectionString[] = [];
  if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
    for (const [name, value] of Object.entries(values)) {
      add(found, name, value);
    }
  }
  return found;
}

/** Every string value, named by its configuration path as .NET reads it (`Section:Key`, array items by index). */
export function connectionStringsInAppSettings(text: string): FoundConnectionString[] {
  const found: FoundConnectionString[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      add(found, path.join(':'), value);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        walk(child, [...path, key]);
      }
    }
  };
  walk(parseJsonWithComments(text), []);
  return found;
}

function add(found: FoundConnectionString[], name: string, value: unknown): void {
  if (typeof value !== 'string' || !/endpoint\s*=/i.test(value)) {
    return;
  }
  const parsed = parseConnectionString(value);
  if (parsed.ok) {
    found.push({ name, connection: parsed.value });
  }
}

/**
 * JSON as .NET and Azure Functions read their settings: comments (`//`, `/* *\/`) and trailing
 * commas allowed. Strings are skipped whole, so a URL's `//` stays. `undefined` if it is not JSON.
 */
export function parseJsonWithComments(text: string): unknown {
  let plain = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      const end = stringEnd(text, index);
      plain += text.slice(index, end);
      index = end;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 2;
    } else {
      plain += char;
      index += 1;
    }
  }
  try {
    return JSON.parse(withoutTrailingCommas(plain)) as unknown;
  } catch {
    return undefined;
  }
}

/** The index just past the string that starts at `start` (a `"`), escapes included. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') {
    index += text[index] === '\\' ? 2 : 1;
  }
  return Math.min(index + 1, text.length);
}

/** Drops a `,` that only blanks separate from the `}` or `]` after it, outside strings. */
function withoutTrailingCommas(json: string): string {
  let result = '';
  let index = 0;
  while (index < json.length) {
    const char = json[index];
    if (char === '"') {
      const end = stringEnd(json, index);
      result += json.slice(index, end);
      index = end;
      continue;
    }
    if (char === ',') {
      let next = index + 1;
      while (next < json.length && /\s/.test(json[next])) {
        next += 1;
      }
      if (json[next] === '}' || json[next] === ']') {
        index += 1;
        continue;
      }
    }
    result += char;
    index += 1;
  }
  return result;
}
