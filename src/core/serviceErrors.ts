import { redactSecrets } from './redact';

/** What went wrong with a call to the identity service, in the terms a person acts on. */
export type ServiceErrorKind =
  | 'keyRejected'
  | 'notOwned'
  | 'userNotFound'
  | 'throttled'
  /** 502, 503, 504: the service (or a gateway in front of it) is down for now. */
  | 'unavailable'
  /** The request never got through: nothing reached the service. */
  | 'unreachable'
  /** The connection broke after the request was sent: the service may have done what it asked. */
  | 'connectionLost'
  /** No answer within the time allowed: the service may have done what it asked. */
  | 'timedOut'
  | 'validation'
  | 'cancelled'
  | 'unknown';

export interface ServiceErrorInfo {
  readonly kind: ServiceErrorKind;
  readonly statusCode?: number;
  readonly code?: string;
  /** The service's or the network stack's own words, with secrets masked. */
  readonly serviceMessage?: string;
}

// Node's socket errors as the SDK's pipeline reports them (RestError code = the errno code).
/** Errors before a connection was made: the request cannot have reached the service. */
export const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Errors of a connection that broke while the request was under way (`socket hang up` is ECONNRESET). */
const CONNECTION_LOST_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ESOCKETTIMEDOUT', 'REQUEST_SEND_ERROR']);

/**
 * A call given up after the time the settings allow (`acsIdentity.requestTimeoutSeconds`). The SDK
 * has no timeout of its own: a server that never answers would leave the progress notification
 * spinning for ever.
 */
export class RequestTimeoutError extends Error {
  constructor(
    readonly seconds: number,
    options?: { cause?: unknown },
  ) {
    super(`No answer within ${seconds} seconds`, options);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * A call whose connection broke after a request had been sent, even if a retry then found the
 * service gone (the SDK reports only its last attempt: ECONNREFUSED). What was asked may have been
 * done.
 */
export class ConnectionLostError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The connection was lost while a request was under way', options);
    this.name = 'ConnectionLostError';
  }
}

export function classifyServiceError(error: unknown): ServiceErrorInfo {
  if (typeof error !== 'object' || error === null) {
    return { kind: 'unknown', serviceMessage: redactSecrets(String(error)) };
  }
  const { name, message, statusCode, code } = error as { name?: unknown; message?: unknown; statusCode?: unknown; code?: unknown };
  const details = {
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    code: typeof code === 'string' ? code : undefined,
    serviceMessage: typeof message === 'string' ? redactSecrets(message) : undefined,
  };
  return { kind: kindOf(name, details.statusCode, details.code), ...details };
}

function kindOf(name: unknown, statusCode: number | undefined, code: string | undefined): ServiceErrorKind {
  switch (name) {
    case 'AbortError':
      return 'cancelled';
    case 'RequestTimeoutError':
      return 'timedOut';
    case 'ConnectionLostError':
      return 'connectionLost';
  }
  if (statusCode === undefined) {
    if (code !== undefined && NOT_CONNECTED_CODES.has(code)) {
      return 'unreachable';
    }
    return code !== undefined && CONNECTION_LOST_CODES.has(code) ? 'connectionLost' : 'unknown';
  }
  if (code === 'IdentityNotOwned') {
    return 'notOwned';
  }
  switch (statusCode) {
    case 401:
    case 403:
      return 'keyRejected';
    case 404:
      return 'userNotFound';
    case 429:
      return 'throttled';
    case 400:
      return 'validation';
    case 502:
    case 503:
    case 504:
      return 'unavailable';
    default:
      return 'unknown';
  }
}
