import { redactSecrets } from './redact';

/** What went wrong with a call to the identity service, in the terms a person acts on. */
export type ServiceErrorKind =
  | 'keyRejected'
  | 'notOwned'
  | 'userNotFound'
  | 'throttled'
  | 'unreachable'
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
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
]);

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
  if (name === 'AbortError') {
    return 'cancelled';
  }
  if (statusCode === undefined) {
    return code !== undefined && NETWORK_ERROR_CODES.has(code) ? 'unreachable' : 'unknown';
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
    default:
      return 'unknown';
  }
}
