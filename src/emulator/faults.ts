import { ServiceError } from './errors';

/** Failures to inject into the service operations, so that clients' error paths can be tested. */
export interface FailureOptions {
  /** Fail the next `count` requests with `status` (default 500). */
  readonly failNext?: { readonly count: number; readonly status?: number };
  /** Fail each request with probability `fraction` (0 to 1) with `status` (default 500). */
  readonly failureRate?: { readonly fraction: number; readonly status?: number };
}

export interface FaultSettings extends FailureOptions {
  /** Delay every service response by this many milliseconds. */
  readonly latencyMs?: number;
}

const DEFAULT_FAULT_STATUS = 500;

export class FaultInjector {
  private remainingFailures = 0;
  private failNextStatus = DEFAULT_FAULT_STATUS;
  private failureFraction = 0;
  private failureRateStatus = DEFAULT_FAULT_STATUS;
  private latency = 0;

  constructor(private readonly random: () => number = Math.random) {}

  get latencyMs(): number {
    return this.latency;
  }

  /** Applies the options that are present and keeps the others as they are. Throws on invalid values. */
  configure(options: FaultSettings): void {
    if (options.failNext) {
      this.failNext(options.failNext.count, options.failNext.status);
    }
    if (options.failureRate) {
      this.setFailureRate(options.failureRate.fraction, options.failureRate.status);
    }
    if (options.latencyMs !== undefined) {
      this.setLatency(options.latencyMs);
    }
  }

  failNext(count: number, status = DEFAULT_FAULT_STATUS): void {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`The number of requests to fail must be a whole number ≥ 0, not ${count}.`);
    }
    this.remainingFailures = count;
    this.failNextStatus = checkedStatus(status);
  }

  setFailureRate(fraction: number, status = DEFAULT_FAULT_STATUS): void {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new RangeError(`The failure rate must be a fraction between 0 and 1, not ${fraction}.`);
    }
    this.failureFraction = fraction;
    this.failureRateStatus = checkedStatus(status);
  }

  setLatency(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError(`The latency must be a number of milliseconds ≥ 0, not ${milliseconds}.`);
    }
    this.latency = milliseconds;
  }

  clear(): void {
    this.remainingFailures = 0;
    this.failureFraction = 0;
    this.latency = 0;
  }

  /** The error this request must fail with, if any; counts it against `failNext`. */
  takeFault(): ServiceError | undefined {
    if (this.remainingFailures > 0) {
      this.remainingFailures -= 1;
      return injectedFault(this.failNextStatus);
    }
    if (this.failureFraction > 0 && this.random() < this.failureFraction) {
      return injectedFault(this.failureRateStatus);
    }
    return undefined;
  }
}

function checkedStatus(status: number): number {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new RangeError(`An injected fault needs an HTTP error status (400 to 599), not ${status}.`);
  }
  return status;
}

function injectedFault(status: number): ServiceError {
  // 429 and 503 are the statuses clients retry after waiting; tell them how long, as a real throttle would.
  const headers: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': '1' } : {};
  return new ServiceError(status, 'InjectedFault', `The emulator failed this request on purpose (fault injection, status ${status}).`, undefined, headers);
}
