import { ServiceError } from './errors';
import { OperationName } from './operations';

/** The service's window; tests shrink it (with the limits) to see throttling in seconds, not minutes. */
export const THROTTLE_WINDOW_MS = 30_000;

/** The service's limits, or the same proportion of them over a shorter window. */
export interface ThrottleScale {
  readonly windowMs: number;
  /** Each limit is multiplied by this (at least 1 request per window). */
  readonly limitFactor: number;
}

/**
 * The identity rows of the service-limits table, per 30 seconds (acs-identity-api.md §4).
 * `createUserAndToken` is the same `POST /identities` with the same limit (1000), so both
 * count against one budget.
 */
export const OPERATION_LIMITS: Readonly<Record<OperationName, number>> = {
  createIdentity: 1000,
  deleteIdentity: 500,
  issueAccessToken: 1000,
  revokeAccessTokens: 500,
  exchangeTeamsUserAccessToken: 500,
};

/**
 * A sliding 30-second window per operation. Only admitted requests count, so a client that backs
 * off as told gets through. UNCONFIRMED (§4): whether identity 429s carry `Retry-After` and what
 * their body says; ours carries the seconds until the oldest counted request leaves the window.
 */
export class RequestThrottle {
  private readonly admitted = new Map<OperationName, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly scale: ThrottleScale = { windowMs: THROTTLE_WINDOW_MS, limitFactor: 1 },
  ) {}

  /** Counts the request, or throws 429 `TooManyRequests` when its operation is at its limit. */
  admit(operation: OperationName): void {
    const now = this.clock();
    const times = this.admitted.get(operation) ?? [];
    // Admission times are appended in order, so the expired ones sit at the front.
    const { windowMs, limitFactor } = this.scale;
    const firstInWindow = times.findIndex((time) => time > now - windowMs);
    times.splice(0, firstInWindow === -1 ? times.length : firstInWindow);
    const limit = Math.max(1, Math.round(OPERATION_LIMITS[operation] * limitFactor));
    if (times.length >= limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
      throw new ServiceError(
        429,
        'TooManyRequests',
        `Too many requests: this operation is limited to ${limit} requests per ${windowMs / 1000} seconds. Retry after ${retryAfterSeconds} seconds.`,
        undefined,
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
    times.push(now);
    this.admitted.set(operation, times);
  }
}
