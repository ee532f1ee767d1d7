/**
 * How many requests a bulk operation keeps in flight: more while the service accepts them, half
 * as many when it throttles (429), and none at all until the moment its `Retry-After` names. The
 * service limits identity operations per 30 seconds (1,000 creations), so a steady pace at the
 * limit beats bursts that are refused.
 */
export class AdaptiveConcurrency {
  private limitValue: number;
  private successesSinceIncrease = 0;
  private pausedUntilMs = 0;

  constructor(
    private readonly options: { readonly initial: number; readonly max: number } = { initial: 4, max: 32 },
    private readonly clock: () => number = Date.now,
  ) {
    this.limitValue = options.initial;
  }

  /** Requests that may be in flight now. */
  get limit(): number {
    return this.limitValue;
  }

  /** Milliseconds to wait before sending anything (0: go). */
  waitMs(): number {
    return Math.max(0, this.pausedUntilMs - this.clock());
  }

  /** One more request went through: after as many successes as the limit, allow one more in flight. */
  succeeded(): void {
    this.successesSinceIncrease++;
    if (this.successesSinceIncrease >= this.limitValue && this.limitValue < this.options.max) {
      this.limitValue++;
      this.successesSinceIncrease = 0;
    }
  }

  /**
   * The service said 429: halve, and pause everyone until it said to come back (1 s when it did not
   * say). The requests already in flight when the first 429 came get theirs too: one throttling
   * episode halves once, or a burst of refusals would bring the pace down to a single request.
   */
  throttled(retryAfterMs: number | undefined): void {
    const now = this.clock();
    if (now >= this.pausedUntilMs) {
      this.limitValue = Math.max(1, Math.floor(this.limitValue / 2));
      this.successesSinceIncrease = 0;
    }
    this.pausedUntilMs = Math.max(this.pausedUntilMs, now + (retryAfterMs ?? 1000));
  }
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110), in milliseconds from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
