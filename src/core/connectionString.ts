/**
 * Parses and validates an ACS connection string before it is stored.
 *
 * The SDK's own parser (`/endpoint=(.*);accesskey=(.*)/i`) accepts malformed strings (a trailing `;`
 * becomes part of the key) and its error message contains the whole secret, so we validate here,
 * report problems as codes that never carry any part of the input, and store a canonical form.
 * Text around the string as people paste it (quotes, a `.env` or JSON line, a line wrap) is
 * taken off first (pastedText.ts).
 */
import { isIPv6 } from 'node:net';
import { isBase64Key } from '../shared/base64';
import { isLoopbackHost } from '../shared/hosts';
import { serviceOfFields, serviceOfHost } from './otherServices';
import { cleanPastedText, pastedLines, unwrapConnectionString } from './pastedText';

export interface AcsConnectionString {
  /** The endpoint's origin followed by `/`, e.g. `https://contoso.communication.azure.com/`. */
  readonly endpoint: string;
  /** The endpoint's host, with the port when it is not the default one. */
  readonly host: string;
  readonly accessKey: string;
  /** Plain http is allowed only for these (the local emulator). */
  readonly isLoopback: boolean;
  /** `endpoint=<endpoint>;accesskey=<key>`: what the SDK is given and what SecretStorage holds. */
  readonly canonical: string;
}

/**
 * The shortest access key accepted, in bytes. Azure's keys are 64 random bytes (88 base64
 * characters), and so are the emulator's development keys; half of that leaves room for any key
 * a person would choose for the emulator, and still catches a placeholder (`accesskey=AAAA`), a
 * key cut in half by a paste, or a test key, which would otherwise fail every call with 401.
 */
export const MIN_ACCESS_KEY_BYTES = 32;

export type ConnectionStringProblem =
  | 'empty'
  | 'severalConnectionStrings'
  | 'otherService'
  | 'onlyAccessKey'
  | 'onlyEndpoint'
  | 'missingEndpoint'
  | 'missingAccessKey'
  | 'duplicateField'
  | 'unknownField'
  | 'endpointNotUrl'
  | 'endpointNotHttps'
  | 'endpointHasPath'
  | 'endpointHasQuery'
  | 'endpointIsIpv6'
  | 'accessKeyNotBase64'
  | 'accessKeyIncomplete'
  | 'accessKeyTooShort';

export type ConnectionStringParse =
  | { readonly ok: true; readonly value: AcsConnectionString }
  /** `service`: for `otherService`, the product whose connection string it is (e.g. "Azure Storage"). */
  | { readonly ok: false; readonly problem: ConnectionStringProblem; readonly service?: string };

export type ConnectionStringFailure = Extract<ConnectionStringParse, { ok: false }>;

export function parseConnectionString(text: string): ConnectionStringParse {
  const cleaned = cleanPastedText(text);
  const lines = pastedLines(cleaned);
  if (lines.length <= 1) {
    return parseUnwrapped(cleaned);
  }
  // Several lines: one string wrapped by a terminal or an editor, or lines of a settings file.
  const joined = parseUnwrapped(lines.join(''));
  if (joined.ok) {
    return joined;
  }
  const parsedLines = lines.map(parseUnwrapped);
  const found = parsedLines.filter((parsed) => parsed.ok);
  if (found.length > 1) {
    return failure('severalConnectionStrings');
  }
  if (found.length === 1) {
    return found[0];
  }
  // None parses: say what is wrong with the one line that looks like it was meant to be the string.
  const meant = lines.flatMap((line, index) => (/\b(?:endpoint|accesskey)\s*=/i.test(line) ? [parsedLines[index]] : []));
  return meant.length === 1 ? meant[0] : joined;
}

function parseUnwrapped(text: string): ConnectionStringParse {
  const unwrapped = unwrapConnectionString(text);
  if (unwrapped === 'several') {
    return failure('severalConnectionStrings');
  }
  return parseFields(unwrapped.text);
}

function parseFields(text: string): ConnectionStringParse {
  const otherHost = serviceOfHost(text);
  if (otherHost) {
    return { ok: false, problem: 'otherService', service: otherHost };
  }
  const alone = aloneProblem(text);
  if (alone) {
    return failure(alone);
  }
  const fields = splitFields(text);
  if (!(fields instanceof Map)) {
    return fields;
  }
  const endpointText = fields.get('endpoint');
  if (!endpointText) {
    return failure('missingEndpoint');
  }
  const accessKey = fields.get('accesskey');
  if (!accessKey) {
    return failure('missingAccessKey');
  }
  const endpoint = parseEndpoint(endpointText);
  if (typeof endpoint === 'string') {
    return failure(endpoint);
  }
  const keyProblem = accessKeyProblem(accessKey);
  if (keyProblem) {
    return failure(keyProblem);
  }
  const origin = `${endpoint.url.origin}/`;
  return {
    ok: true,
    value: {
      endpoint: origin,
      host: endpoint.url.host,
      accessKey,
      isLoopback: endpoint.isLoopback,
      canonical: `endpoint=${origin};accesskey=${accessKey}`,
    },
  };
}

function failure(problem: ConnectionStringProblem): ConnectionStringFailure {
  return { ok: false, problem };
}

/** A key or an endpoint pasted alone, without its field name: the person copied one box of the Keys page. */
function aloneProblem(text: string): ConnectionStringProblem | undefined {
  const trimmed = text.replace(/;+\s*$/, '').trim();
  if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(trimmed)) {
    return 'onlyAccessKey';
  }
  if (/^https?:\/\/[^\s;]+$/i.test(trimmed)) {
    return 'onlyEndpoint';
  }
  return undefined;
}

/**
 * Both field names are case-insensitive and may come in either order; empty segments (a trailing
 * `;`) are ignored. A field of another service's connection string names that service.
 */
function splitFields(text: string): Map<string, string> | ConnectionStringFailure {
  const segments = text
    .trim()
    .split(';')
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0);
  if (segments.length === 0) {
    return failure('empty');
  }
  const names = segments.map((segment) => {
    const separator = segment.indexOf('=');
    return (separator < 0 ? segment : segment.slice(0, separator)).trim().toLowerCase();
  });
  const service = serviceOfFields(names);
  if (service) {
    return { ok: false, problem: 'otherService', service };
  }
  const fields = new Map<string, string>();
  for (const [index, segment] of segments.entries()) {
    const name = names[index];
    if (name !== 'endpoint' && name !== 'accesskey') {
      return failure('unknownField');
    }
    if (fields.has(name)) {
      return failure('duplicateField');
    }
    const separator = segment.indexOf('=');
    fields.set(name, separator < 0 ? '' : segment.slice(separator + 1).trim());
  }
  return fields;
}

function parseEndpoint(text: string): { url: URL; isLoopback: boolean } | ConnectionStringProblem {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'endpointNotUrl';
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '' || url.username || url.password) {
    return 'endpointNotUrl';
  }
  // The SDK rejects an endpoint with a path ("Invalid endpoint url"): catch it here, in plain words.
  if (url.pathname !== '/' && url.pathname !== '') {
    return 'endpointHasPath';
  }
  if (url.search || url.hash) {
    return 'endpointHasQuery';
  }
  // The SDK's HTTP client looks the host up with its brackets (`getaddrinfo ENOTFOUND [::1]`): it cannot reach an IPv6 address.
  if (isIPv6(url.hostname.replace(/^\[(.*)\]$/, '$1'))) {
    return 'endpointIsIpv6';
  }
  const isLoopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !isLoopback) {
    return 'endpointNotHttps';
  }
  return { url, isLoopback };
}

function accessKeyProblem(key: string): ConnectionStringProblem | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
    return 'accessKeyNotBase64';
  }
  if (Buffer.byteLength(key, 'base64') < MIN_ACCESS_KEY_BYTES) {
    return 'accessKeyTooShort';
  }
  if (!isBase64Key(key)) {
    return 'accessKeyIncomplete';
  }
  return undefined;
}
