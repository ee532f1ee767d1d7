import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { denied } from './errors';

/**
 * Access-key authentication as the SDK signs it (acs-identity-api.md §2):
 * `VERB\n<request target>\n<x-ms-date>;<host>;<x-ms-content-sha256>`, HMAC-SHA256 with the
 * base64-decoded key. The request target is verified exactly as received (still percent-encoded),
 * because that is what the SDK signs.
 */
export interface SignedRequest {
  readonly method: string;
  /** The raw request target, `req.url` in Node: path and query, not decoded. */
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * UNCONFIRMED (§2): ACS does not document its clock-skew window; 15 minutes is what other Azure
 * HMAC services allow, and what issue #2 asks for.
 */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const SIGNED_HEADERS = 'x-ms-date;host;x-ms-content-sha256';
const AUTHORIZATION = /^HMAC-SHA256 SignedHeaders=([^&]+)&Signature=(.+)$/;

/**
 * Throws 401 `Denied` unless the request is signed with `key`. Only the body-hash message is the
 * service's recorded wording (§1.5); the others are ours, written to say what to fix.
 */
export function verifyRequestSignature(request: SignedRequest, keys: readonly Buffer[], nowMs: number): void {
  const authorization = singleHeader(request.headers, 'authorization');
  if (authorization === undefined) {
    throw denied('Denied by the resource provider: the request has no Authorization header; sign it with the resource access key.');
  }
  const match = AUTHORIZATION.exec(authorization);
  if (!match || match[1].toLowerCase() !== SIGNED_HEADERS) {
    throw denied(`Denied by the resource provider: the Authorization header must be 'HMAC-SHA256 SignedHeaders=${SIGNED_HEADERS}&Signature=<base64>'.`);
  }
  // The REST docs allow `Date` in place of `x-ms-date` (§2).
  const date = singleHeader(request.headers, 'x-ms-date') ?? singleHeader(request.headers, 'date');
  const contentHash = singleHeader(request.headers, 'x-ms-content-sha256');
  const host = singleHeader(request.headers, 'host');
  if (date === undefined || contentHash === undefined || host === undefined) {
    throw denied('Denied by the resource provider: the x-ms-date, host and x-ms-content-sha256 headers are required.');
  }
  const dateMs = Date.parse(date);
  if (Number.isNaN(dateMs)) {
    throw denied("Denied by the resource provider: the 'x-ms-date' header is not an RFC 1123 date.");
  }
  if (Math.abs(nowMs - dateMs) > MAX_CLOCK_SKEW_MS) {
    throw denied("Denied by the resource provider: the request's 'x-ms-date' is more than 15 minutes away from the server clock.");
  }
  if (contentHash !== createHash('sha256').update(request.body).digest('base64')) {
    throw denied("Request 'x-ms-content-sha256' differs from generated content hash.");
  }
  const stringToSign = `${request.method.toUpperCase()}\n${request.target}\n${date};${host};${contentHash}`;
  const given = Buffer.from(match[2], 'base64');
  // Either of the resource's keys will do, as in Azure. The length of an HMAC-SHA256 is public
  // (32 bytes); only the bytes need a constant-time comparison.
  const matches = (key: Buffer): boolean => {
    const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  if (!keys.some(matches)) {
    throw denied('Denied by the resource provider: the request signature does not match; check the access key and what was signed.');
  }
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
