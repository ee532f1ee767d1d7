/**
 * A connection string as people paste it: from a `.env` file (`NAME="endpoint=…"`), a shell
 * (`export NAME=…`, `$env:NAME = "…"`, `setx NAME "…"`), a JSON or XML settings file
 * (`"Acs": "endpoint=…",`, `connectionString="…"`), in quotes (straight or typographic), wrapped
 * over several lines by a terminal, or with invisible characters copied from a web page. This
 * finds the connection string itself in such text, so that the parser sees only that.
 *
 * It returns candidates rather than one answer: a multi-line paste is either one string wrapped
 * over lines or several lines of a settings file, and only parsing tells which.
 */

/** Zero-width characters and the byte-order mark: invisible, and never part of a connection string. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Typographic quotes, as a word processor or a chat client turns `"` and `'` into. */
const TYPOGRAPHIC_QUOTES: readonly [RegExp, string][] = [
  [/[\u201c\u201d\u201e\u201f]/g, '"'],
  [/[\u2018\u2019\u201a\u201b]/g, "'"],
];
/** The start of an ACS connection string field. */
const FIELD_START = /\b(?:endpoint|accesskey)\s*=/i;
/**
 * What may come before a connection string that is not in quotes: `NAME=`, `NAME: `,
 * `export NAME=`, `set NAME=`, `declare -x NAME=`, `$env:NAME=`.
 */
const UNQUOTED_PREFIX = /^(?:(?:export|set|declare\s+-x)\s+|\$env:)?[A-Za-z_][\w.:-]*\s*[=:]\s*$/i;

/** The text with invisible characters removed and typographic quotes made plain, trimmed. */
export function cleanPastedText(text: string): string {
  let cleaned = text.replace(INVISIBLE, '');
  for (const [pattern, plain] of TYPOGRAPHIC_QUOTES) {
    cleaned = cleaned.replace(pattern, plain);
  }
  return cleaned.trim();
}

/** The non-empty lines of the text, each trimmed. */
export function pastedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The connection string in one piece of text (a line, or lines joined): the one quoted string
 * that holds an `endpoint=` or `accesskey=` field; else what follows an assignment such as
 * `NAME=` or `export NAME=`; else the text itself. Two quoted connection strings (a primary and a
 * secondary) are reported as such: choosing one would be a guess.
 */
export function unwrapConnectionString(text: string): { readonly text: string } | 'several' {
  const quoted = quotedValues(text).filter((value) => FIELD_START.test(value));
  if (quoted.length > 1) {
    return 'several';
  }
  if (quoted.length === 1) {
    return { text: quoted[0].trim() };
  }
  const field = FIELD_START.exec(text);
  if (field && field.index > 0 && UNQUOTED_PREFIX.test(text.slice(0, field.index))) {
    return { text: text.slice(field.index).trim() };
  }
  return { text };
}

/** The contents of the double- and single-quoted strings of a line, JSON's `\/` unescaped. */
function quotedValues(text: string): string[] {
  const values: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'/g)) {
    values.push((match[1] ?? match[2]).replace(/\\\//g, '/'));
  }
  return values;
}
