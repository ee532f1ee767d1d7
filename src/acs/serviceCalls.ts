import type { CommunicationIdentityClientOptions } from '@azure/communication-identity';
import { ConnectionLostError, NOT_CONNECTED_CODES, RequestTimeoutError } from '../core/serviceErrors';

/** A policy of the SDK's HTTP pipeline, as its client options take it. */
type PipelinePolicy = NonNullable<CommunicationIdentityClientOptions['additionalPolicies']>[number]['policy'];

/**
 * One call to the service as the extension makes it: the person's Cancel and a deadline combined
 * into the one AbortSignal the SDK takes, and a record of whether any attempt (the SDK retries)
 * lost its connection after sending. A failure then says what really happened: cancelled (the
 * SDK's AbortError), timed out ({@link RequestTimeoutError}), or cut off after the request went
 * out ({@link ConnectionLostError}), which the SDK's last error (often ECONNREFUSED from a retry)
 * does not tell.
 */
export class ServiceCalls {
  /** The calls under way, by the signal their requests carry (the SDK passes it to every attempt). */
  private readonly underWay = new WeakMap<object, { connectionLost: boolean }>();

  /** Records the attempts' outcomes; goes into the SDK client's pipeline, once per attempt. */
  readonly policy: PipelinePolicy = {
    name: 'acsIdentityAttemptOutcome',
    sendRequest: async (request, next) => {
      try {
        return await next(request);
      } catch (error) {
        const call = request.abortSignal && this.underWay.get(request.abortSignal);
        const code = (error as { code?: unknown } | undefined)?.code;
        if (call && typeof code === 'string' && !NOT_CONNECTED_CODES.has(code)) {
          call.connectionLost = true;
        }
        throw error;
      }
    },
  };

  /** `timeoutMs` 0: no deadline. */
  async run<T>(cancel: AbortSignal | undefined, timeoutMs: number, operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const state = { connectionLost: false };
    this.underWay.set(controller.signal, state);
    let timedOut = false;
    const onCancel = (): void => controller.abort();
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    if (cancel?.aborted) {
      controller.abort();
    }
    cancel?.addEventListener('abort', onCancel);
    try {
      return await operation(controller.signal);
    } catch (error) {
      if (timedOut) {
        throw new RequestTimeoutError(Math.round(timeoutMs / 1000), { cause: error });
      }
      if (!controller.signal.aborted && state.connectionLost) {
        throw new ConnectionLostError({ cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
      this.underWay.delete(controller.signal);
    }
  }
}
