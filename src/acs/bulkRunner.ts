import { setMaxListeners } from 'node:events';
import { AdaptiveConcurrency, parseRetryAfter } from '../core/adaptiveConcurrency';
import { classifyServiceError, type ServiceErrorInfo, type ServiceErrorKind } from '../core/serviceErrors';

/** How many times one item is sent again after a 429 before it counts as failed. */
const MAX_THROTTLED_ATTEMPTS = 10;
/** Failures that every other item would meet too: the run stops at the first. */
const FATAL_KINDS: ReadonlySet<ServiceErrorKind> = new Set(['keyRejected', 'unreachable', 'notOwned', 'timedOut', 'connectionLost']);
/** Failures after which the item's request may have taken effect all the same. */
const UNCERTAIN_KINDS: ReadonlySet<ServiceErrorKind> = new Set(['timedOut', 'connectionLost']);

export interface BulkOutcome {
  readonly succeeded: number;
  /** Failures by what a person reads as their reason (the service's status and code). */
  readonly failures: ReadonlyMap<string, number>;
  readonly cancelled: boolean;
  /** Items cut off by Cancel (or a fatal failure) while their request was under way: they may have taken effect. */
  readonly interrupted: number;
  /** Items never sent. */
  readonly notStarted: number;
}

export interface BulkOptions {
  readonly signal?: AbortSignal;
  /** After each item settles: how many succeeded and failed so far. */
  onProgress?(succeeded: number, failed: number): void;
  readonly concurrency?: AdaptiveConcurrency;
}

/**
 * Runs `operation` for items 0 … count-1 with as many in flight as the service accepts: each 429
 * halves the pace and pauses everyone for its `Retry-After` (the SDK's own retries are off: they
 * would each wait on their own), successes raise it again. Cancel aborts the requests under way; a
 * failure that every item would meet (a rejected key, an unreachable endpoint) stops the run.
 */
export function runInBulk(count: number, operation: (index: number, signal: AbortSignal) => Promise<void>, options: BulkOptions = {}): Promise<BulkOutcome> {
  const concurrency = options.concurrency ?? new AdaptiveConcurrency();
  const controller = new AbortController();
  // Every request in flight listens to it: as many listeners as the concurrency allows, on purpose.
  setMaxListeners(0, controller.signal);
  const failures = new Map<string, number>();
  const throttledAttempts = new Map<number, number>();
  const retries: number[] = [];
  let next = 0;
  let inFlight = 0;
  let succeeded = 0;
  let failed = 0;
  let interrupted = 0;
  let stopped = false;
  let cancelled = false;
  let wakeUp: NodeJS.Timeout | undefined;

  const stop = (): void => {
    stopped = true;
    clearTimeout(wakeUp);
    controller.abort();
  };
  const onAbort = (): void => {
    cancelled = true;
    stop();
  };
  if (options.signal?.aborted) {
    onAbort();
  }
  options.signal?.addEventListener('abort', onAbort);

  return new Promise<BulkOutcome>((resolve) => {
    const finishIfDone = (): boolean => {
      if (inFlight > 0 || (!stopped && (next < count || retries.length > 0))) {
        return false;
      }
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ succeeded, failures, cancelled, interrupted, notStarted: count - next + retries.length });
      return true;
    };

    const settle = (index: number, error: unknown): void => {
      const info = classifyServiceError(error);
      if (info.kind === 'cancelled' || stopped) {
        interrupted++;
        return;
      }
      const attempts = (throttledAttempts.get(index) ?? 0) + 1;
      if (info.kind === 'throttled' && attempts < MAX_THROTTLED_ATTEMPTS) {
        throttledAttempts.set(index, attempts);
        concurrency.throttled(retryAfterOf(error));
        retries.push(index);
        return;
      }
      failed++;
      if (UNCERTAIN_KINDS.has(info.kind)) {
        interrupted++;
      }
      const reason = reasonOf(info);
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
      if (FATAL_KINDS.has(info.kind)) {
        stop();
      }
    };

    const pump = (): void => {
      if (finishIfDone() || stopped) {
        return;
      }
      const waitMs = concurrency.waitMs();
      if (waitMs > 0) {
        wakeUp ??= setTimeout(() => {
          wakeUp = undefined;
          pump();
        }, waitMs);
        return;
      }
      while (!stopped && inFlight < concurrency.limit && (retries.length > 0 || next < count)) {
        const index = retries.shift() ?? next++;
        inFlight++;
        void operation(index, controller.signal).then(
          () => {
            succeeded++;
            concurrency.succeeded();
          },
          (error: unknown) => settle(index, error),
        ).finally(() => {
          inFlight--;
          options.onProgress?.(succeeded, failed);
          pump();
        });
      }
    };
    pump();
  });
}

/** "429 TooManyRequests", "401 Denied", "ECONNREFUSED": what tells failures apart in a summary. */
function reasonOf(info: ServiceErrorInfo): string {
  return [info.statusCode, info.code].filter((part) => part !== undefined).join(' ') || info.kind;
}

function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } } | undefined)?.response?.headers;
  return typeof headers?.get === 'function' ? parseRetryAfter(headers.get('retry-after'), Date.now()) : undefined;
}
