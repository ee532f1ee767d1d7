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

/** The longest delay a Node timer can wait; beyond it `setTimeout` silently fires after 1 ms. */
export const MAX_LATENCY_MS = 2_147_483_647;

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

  /**
   * Applies the settings that are present and keeps the others as they are. All of them are
   * checked first: settings with one bad value change nothing (a refused status must not leave
   * its count behind).
   */
  configure(settings: unknown): void {
    const checked = checkFaultSettings(settings);
    if (checked.failNext) {
      this.failNext(checked.failNext.count, checked.failNext.status);
    }
    if (checked.failureRate) {
      this.setFailureRate(checked.failureRate.fraction, checked.failureRate.status);
    }
    if (checked.latencyMs !== undefined) {
      this.setLatency(checked.latencyMs);
    }
  }

  failNext(count: number, status = DEFAULT_FAULT_STATUS): void {
    checkFailNext(count, status);
    this.remainingFailures = count;
    this.failNextStatus = status;
  }

  setFailureRate(fraction: number, status = DEFAULT_FAULT_STATUS): void {
    checkFailureRate(fraction, status);
    this.failureFraction = fraction;
    this.failureRateStatus = status;
  }

  setLatency(milliseconds: number): void {
    checkLatency(milliseconds);
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

/**
 * Fault settings as they come from JSON or from code: every field checked, unknown fields
 * refused (a misspelt `failnext` would otherwise be ignored in silence). Throws a RangeError or
 * TypeError whose message says what is wrong.
 */
export function checkFaultSettings(settings: unknown): FaultSettings {
  const object = asObject(settings, 'The fault settings');
  refuseUnknownFields(object, ['failNext', 'failureRate', 'latencyMs'], 'fault setting');
  const failNext = object.failNext === undefined ? undefined : asObject(object.failNext, 'failNext');
  const failureRate = object.failureRate === undefined ? undefined : asObject(object.failureRate, 'failureRate');
  if (failNext) {
    refuseUnknownFields(failNext, ['count', 'status'], 'failNext field');
    checkFailNext(failNext.count, failNext.status ?? DEFAULT_FAULT_STATUS);
  }
  if (failureRate) {
    refuseUnknownFields(failureRate, ['fraction', 'status'], 'failureRate field');
    checkFailureRate(failureRate.fraction, failureRate.status ?? DEFAULT_FAULT_STATUS);
  }
  if (object.latencyMs !== undefined) {
    checkLatency(object.latencyMs);
  }
  return object;
}

function checkFailNext(count: unknown, status: unknown): void {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new RangeError(`The number of requests to fail must be a whole number ≥ 0, not ${describe(count)}.`);
  }
  checkStatus(status);
}

function checkFailureRate(fraction: unknown, status: unknown): void {
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
    throw new RangeError(`The failure rate must be a fraction between 0 and 1, not ${describe(fraction)}.`);
  }
  checkStatus(status);
}

function checkLatency(milliseconds: unknown): void {
  if (typeof milliseconds !== 'number' || !Number.isInteger(milliseconds) || milliseconds < 0 || milliseconds > MAX_LATENCY_MS) {
    throw new RangeError(`The latency must be a whole number of milliseconds from 0 to ${MAX_LATENCY_MS}, not ${describe(milliseconds)}.`);
  }
}

function checkStatus(status: unknown): void {
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
    throw new RangeError(`An injected fault needs an HTTP error status (400 to 599), not ${describe(status)}.`);
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} must be an object.`);
  }
  return value as Record<string, unknown>;
}

function refuseUnknownFields(object: Record<string, unknown>, known: readonly string[], what: string): void {
  const unknown = Object.keys(object).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new TypeError(`Unknown ${what} '${unknown}'; expected ${known.join(', ')}.`);
  }
}

/** A value for an error message: primitives as JSON, never a recursive walk of an object. */
function describe(value: unknown): string {
  return typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'an array' : 'an object') : String(JSON.stringify(value));
}

function injectedFault(status: number): ServiceError {
  // 429 and 503 are the statuses clients retry after waiting; tell them how long, as a real throttle would.
  const headers: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': '1' } : {};
  return new ServiceError(status, 'InjectedFault', `The emulator failed this request on purpose (fault injection, status ${status}).`, undefined, headers);
}
