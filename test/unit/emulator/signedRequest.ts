import { createHash, createHmac } from 'node:crypto';
import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { request as tlsRequest } from 'node:https';

/**
 * Sends a request signed as acs-identity-api.md §2 describes, written from the spec and not from
 * the emulator's verifier, so the tests check the emulator against the service's contract.
 * The tampering options sign one thing and send another.
 */
export interface SignedRequestOptions {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly method: string;
  /** The request target as sent: path and query, already percent-encoded. */
  readonly target: string;
  readonly body?: string;
  /** Sign this target instead of `target`. */
  readonly signedTarget?: string;
  /** Hash this body instead of `body`. */
  readonly hashedBody?: string;
  readonly date?: Date;
  readonly omitAuthorization?: boolean;
  /** Sign and send this Host instead of the endpoint's (host:port). */
  readonly host?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly agent?: Agent;
  /** The certificate to trust when the endpoint is https. */
  readonly ca?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export function signedRequest(options: SignedRequestOptions): Promise<RawResponse> {
  const url = new URL(options.endpoint);
  const host = options.host ?? url.host;
  const body = options.body ?? '';
  const date = (options.date ?? new Date()).toUTCString();
  const contentHash = createHash('sha256').update(options.hashedBody ?? body, 'utf8').digest('base64');
  const stringToSign = `${options.method.toUpperCase()}\n${options.signedTarget ?? options.target}\n${date};${host};${contentHash}`;
  const signature = createHmac('sha256', Buffer.from(options.accessKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
  const headers: Record<string, string> = {
    host,
    'x-ms-date': date,
    'x-ms-content-sha256': contentHash,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(options.omitAuthorization ? {} : { authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}` }),
    ...options.headers,
  };
  return rawRequest({ endpoint: options.endpoint, method: options.method, target: options.target, headers, body, agent: options.agent, ca: options.ca });
}

export function rawRequest(options: {
  endpoint: string;
  method: string;
  target: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: Agent;
  /** Send no Host header at all (HTTP/1.1 requires one). */
  omitHost?: boolean;
  /** The certificate to trust when the endpoint is https. */
  ca?: string;
}): Promise<RawResponse> {
  const url = new URL(options.endpoint);
  const send = url.protocol === 'https:' ? tlsRequest : request;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        // `hostname` keeps an IPv6 address in brackets; the socket wants it bare.
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port,
        method: options.method,
        path: options.target,
        headers: options.headers,
        agent: options.agent,
        setHost: options.omitHost !== true,
        ca: options.ca,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
