/**
 * The service's error responses: `{"error":{"code","message","target"?}}` (CommunicationErrorResponse,
 * acs-identity-api.md §1.3). Messages marked "recorded" are the real service's words (§1.5); the
 * others are our own, because no source records them.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    /** Extra response headers, e.g. `Retry-After` on 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toBody(): { error: { code: string; message: string; target?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.target === undefined ? {} : { target: this.target }) } };
  }
}

export function validationError(message: string, target: string): ServiceError {
  return new ServiceError(400, 'ValidationError', message, target);
}

/** Recorded for ids of another resource (§1.5). */
export function identityNotOwned(): ServiceError {
  return new ServiceError(401, 'IdentityNotOwned', "Provided identity doesn't belong to the resource.");
}

/**
 * UNCONFIRMED (§1.5): no source records what the service answers for an id of this resource that
 * was deleted or never existed. Our choice: 404 `IdentityNotFound`, for both cases alike.
 */
export function identityNotFound(): ServiceError {
  return new ServiceError(404, 'IdentityNotFound', "Provided identity doesn't exist.");
}

/** Recorded for invalid, empty and expired Teams (Entra ID) tokens (§1.5). */
export function invalidAccessToken(): ServiceError {
  return new ServiceError(401, 'InvalidAccessToken', 'Provided access token is not valid.');
}

export function denied(message: string): ServiceError {
  return new ServiceError(401, 'Denied', message);
}

/**
 * A request whose `Host` header is not this emulator's listening address (see listeningAddress.ts).
 * 421 Misdirected Request (RFC 9110 §15.5.20) says exactly that: this server will not answer for
 * that authority. 400 would blame the request's syntax, 403 its credentials; and no client
 * retries a 421 (the SDK's pipeline retries 408, 429 and 5xx), so a misconfigured one fails fast.
 * The message does not echo the header: it is whatever a web page chose to send.
 */
export function misdirectedRequest(): ServiceError {
  return new ServiceError(421, 'MisdirectedRequest', "The Host header does not name this emulator's listening address.");
}

export function routeNotFound(): ServiceError {
  return new ServiceError(404, 'NotFound', 'The requested resource does not exist.');
}

export function internalError(): ServiceError {
  return new ServiceError(500, 'InternalServerError', 'The emulator failed to handle the request.');
}
