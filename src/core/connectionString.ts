/**
 * Parses and validates an ACS connection string before it is stored.
 *
 * The SDK's own parser (`/endpoint=(.*);accesskey=(.*)/i`) accepts malformed strings (a trailing `;`
 * becomes part of the key) and its error message contains the whole secret, so we validate here,
 * report problems as codes that never carry any part of the input, and store a canonical form.
 */
import { isBase64Key } from '../shared/base64';
import { isLoopbackHost } from '../shared/hosts';

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

export type ConnectionStringProblem =
  | 'empty'
  | 'missingEndpoint'
  | 'missingAccessKey'
  | 'duplicateField'
  | 'unknownField'
  | 'endpointNotUrl'
  | 'endpointNotHttps'
  | 'endpointHasPath'
  | 'endpointHasQuery'
  | 'accessKeyNotBase64';

export type ConnectionStringParse =
  | { readonly ok: true; readonly value: AcsConnectionString }
  | { readonly ok: false; readonly problem: ConnectionStringProblem };

export function parseConnectionString(text: string): ConnectionStringParse {
  const fields = splitFields(text);
  if (fields === 'empty' || fields === 'duplicateField' || fields === 'unknownField') {
    return { ok: false, problem: fields };
  }
  const endpointText = fields.get('endpoint');
  if (!endpointText) {
    return { ok: false, problem: 'missingEndpoint' };
  }
  const accessKey = fields.get('accesskey');
  if (!accessKey) {
    return { ok: false, problem: 'missingAccessKey' };
  }
  const endpoint = parseEndpoint(endpointText);
  if (typeof endpoint === 'string') {
    return { ok: false, problem: endpoint };
  }
  if (!isBase64Key(accessKey)) {
    return { ok: false, problem: 'accessKeyNotBase64' };
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

/** Both field names are case-insensitive and may come in either order; empty segments (a trailing `;`) are ignored. */
function splitFields(text: string): Map<string, string> | 'empty' | 'duplicateField' | 'unknownField' {
  const segments = text
    .trim()
    .split(';')
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0);
  if (segments.length === 0) {
    return 'empty';
  }
  const fields = new Map<string, string>();
  for (const segment of segments) {
    const separator = segment.indexOf('=');
    const name = (separator < 0 ? segment : segment.slice(0, separator)).trim().toLowerCase();
    if (name !== 'endpoint' && name !== 'accesskey') {
      return 'unknownField';
    }
    if (fields.has(name)) {
      return 'duplicateField';
    }
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
  const isLoopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !isLoopback) {
    return 'endpointNotHttps';
  }
  return { url, isLoopback };
}
