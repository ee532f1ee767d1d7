/**
 * Masks secrets in text bound for a log or a message: access keys (in connection strings, JSON,
 * URL-encoded, wrapped onto a second line, or bare), JWTs (ACS access tokens, Entra ID tokens),
 * bearer tokens, HMAC and SAS signatures, and any secret the caller knows about.
 *
 * Every pass runs in time linear in the text: the regular expressions either match maximal runs
 * of one character class (nothing to backtrack into) or only a short, bounded keyword, and the
 * values after a keyword are measured by a plain scan. Log lines can carry attacker-sized input
 * (an emulator request path), so a pattern that retries an unbounded match at every position
 * would stall the extension host's thread.
 */
const MASK = '***';

export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let redacted = maskExtraSecrets(text, extraSecrets);
  redacted = maskKeyedValues(redacted);
  redacted = redacted.replace(BEARER, `$1${MASK}`);
  redacted = maskJwts(redacted);
  return redacted.replace(BASE64_RUN, (run) => (isBareKey(run) ? MASK : run));
}

function maskExtraSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    // Short strings would mask ordinary words; real keys and tokens are long.
    if (secret.length >= 8) {
      redacted = redacted.split(secret).join(MASK);
    }
  }
  return redacted;
}

/** Names whose value is a secret: ACS and Storage keys, ARM listKeys fields, HMAC and SAS signatures. */
const SECRET_NAMES = 'accesskey|accountkey|sharedaccesskey|primarykey|secondarykey|signature|sig';

/**
 * `name=value`, `name%3Dvalue` (URL-encoded), `name="value"`, or JSON `"name": "value"`. Only the
 * keyword and a few blanks are matched here; the value is measured by {@link valueEnd}.
 */
const KEYED_VALUE = new RegExp(
  `(?:\\b|(?<=%3b|%26))(?:${SECRET_NAMES})[ \\t]{0,8}(?:=|%3d)[ \\t]{0,8}(["']?)|(["'])(?:${SECRET_NAMES})\\2[ \\t]{0,8}:[ \\t]{0,8}(["'])`,
  'gi',
);

function maskKeyedValues(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  KEYED_VALUE.lastIndex = 0;
  for (let match = KEYED_VALUE.exec(text); match; match = KEYED_VALUE.exec(text)) {
    const valueStart = match.index + match[0].length;
    const quote = match[1] || match[3] || '';
    const end = valueEnd(text, valueStart, quote, /%3d/i.test(match[0]));
    if (end > valueStart) {
      pieces.push(text.slice(copied, valueStart), MASK);
      copied = end;
    }
    KEYED_VALUE.lastIndex = Math.max(end, valueStart);
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/** Where the value that starts at `start` ends: at its closing quote, or at the first separator. */
function valueEnd(text: string, start: number, quote: string, urlEncoded: boolean): number {
  if (quote !== '') {
    return scanRun(text, start, quote === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED);
  }
  if (urlEncoded) {
    // In a URL-encoded connection string the next field starts at `%3B` (`;`).
    const end = scanRun(text, start, URL_ENCODED_VALUE);
    const next = text.slice(start, end).search(/%3b/i);
    return next === -1 ? end : start + next;
  }
  let end = scanRun(text, start, PLAIN_VALUE);
  // A key wrapped by a terminal or an editor goes on at the start of the next line. Real keys end
  // in `=` padding, so a value that ends in `=` is complete; a few continuation lines at most.
  for (let lines = 0; lines < 4 && end > start && text[end - 1] !== '='; lines += 1) {
    const continued = continuationStart(text, end);
    const continuedEnd = continued === undefined ? end : scanRun(text, continued, BASE64_CHARACTERS);
    if (continued === undefined || continuedEnd === continued || !isSeparatorOrEnd(text, continuedEnd)) {
      break;
    }
    end = continuedEnd;
  }
  return end;
}

/** After a line break and the next line's indentation, if `index` is at a line break. */
function continuationStart(text: string, index: number): number | undefined {
  let next = index;
  if (text[next] === '\r') {
    next += 1;
  }
  if (text[next] !== '\n') {
    return undefined;
  }
  return scanRun(text, next + 1, INDENTATION);
}

function isSeparatorOrEnd(text: string, index: number): boolean {
  return index >= text.length || /[\s;"'&,<>)}\]]/.test(text[index]);
}

/** Sticky patterns of one repeated character class: each measures a run from a given index. */
const DOUBLE_QUOTED = /[^"\n]*/y;
const SINGLE_QUOTED = /[^'\n]*/y;
const URL_ENCODED_VALUE = /[^\s"'&<>]*/y;
const PLAIN_VALUE = /[^\s;"'&,<>)}\]]*/y;
const BASE64_CHARACTERS = /[A-Za-z0-9+/=]*/y;
const BASE64URL_CHARACTERS = /[A-Za-z0-9_.-]*/y;
const INDENTATION = /[ \t]*/y;

/** The index where the run of `pattern`'s characters that starts at `start` ends. */
function scanRun(text: string, start: number, pattern: RegExp): number {
  pattern.lastIndex = start;
  pattern.exec(text);
  return pattern.lastIndex;
}

/** `Authorization: Bearer <token>`: the keyword is fixed, the value one run of token characters. */
const BEARER = /(\bBearer[ \t]{1,8})[A-Za-z0-9._~+/=-]+/gi;

/** Maximal runs of base64url characters and dots: the shape of a JWT, found once per run. */
const JWT_RUN = /[A-Za-z0-9_.-]+/g;

function maskJwts(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  JWT_RUN.lastIndex = 0;
  for (let match = JWT_RUN.exec(text); match; match = JWT_RUN.exec(text)) {
    const { token, end } = joinWrappedLines(text, match[0], match.index + match[0].length);
    if (isJwt(token)) {
      pieces.push(text.slice(copied, match.index), MASK);
      copied = end;
    }
    JWT_RUN.lastIndex = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/**
 * A JWT wrapped over several lines: while the run so far is an incomplete JWT (fewer than two
 * dots, or nothing after the second) and ends at a line break, the next line's run (after its
 * indentation) continues it. A complete JWT goes on only while its lines keep the width of the
 * first (a fixed wrap width), so the word that starts the next log line stays readable. The
 * caller resumes after the joined span, and only the first 16 characters are ever decoded, so
 * this stays linear.
 */
function joinWrappedLines(text: string, first: string, firstEnd: number): { token: string; end: number } {
  const pieces = [first];
  let head = first.slice(0, 16);
  let end = firstEnd;
  let dots = countDots(first);
  const wrapped = (): boolean => pieces.length > 1 && pieces[pieces.length - 1].length === first.length;
  while ((dots < 2 || text[end - 1] === '.' || wrapped()) && encodesJsonObject(head.split('.')[0])) {
    const continued = continuationStart(text, end);
    const continuedEnd = continued === undefined ? end : scanRun(text, continued, BASE64URL_CHARACTERS);
    const piece = continued === undefined ? '' : text.slice(continued, continuedEnd);
    if (piece === '' || dots + countDots(piece) > 2) {
      break;
    }
    pieces.push(piece);
    head = head.length < 16 ? `${head}${piece}`.slice(0, 16) : head;
    dots += countDots(piece);
    end = continuedEnd;
  }
  return { token: pieces.join(''), end };
}

function countDots(text: string): number {
  let dots = 0;
  for (const char of text) {
    dots += char === '.' ? 1 : 0;
  }
  return dots;
}

/** Three base64url segments (the signature may be empty), the first two JSON objects. */
function isJwt(token: string): boolean {
  const parts = token.split('.');
  return parts.length === 3 && parts[0] !== '' && parts[1] !== '' && encodesJsonObject(parts[0]) && encodesJsonObject(parts[1]);
}

/**
 * Whether a base64url segment decodes to text that starts with `{`, blanks allowed: `{"` encodes
 * to the familiar `eyJ`, but `{ "` (a header with a space) encodes to `eyAi`. Decodes by hand,
 * and only the first few bytes, because this runs for every word of every logged line.
 */
function encodesJsonObject(segment: string): boolean {
  let bits = 0;
  let bitCount = 0;
  for (let index = 0; index < segment.length && index < 16; index += 1) {
    const value = BASE64URL_ALPHABET.indexOf(segment[index]);
    if (value === -1) {
      return false;
    }
    bits = ((bits << 6) | value) & 0xffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      const byte = (bits >> bitCount) & 0xff;
      if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
        return byte === 0x7b;
      }
    }
  }
  return false;
}

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Maximal runs of standard base64 characters, padding included. */
const BASE64_RUN = /[A-Za-z0-9+/=]+/g;

/**
 * A key with no name in front of it: padded base64 of at least 30 bytes (ACS and Storage keys are
 * 64 bytes, 88 characters). Paths and words have no `=` padding, so they are left alone.
 */
function isBareKey(run: string): boolean {
  return /^[A-Za-z0-9+/]{40,}={1,2}$/.test(run);
}
