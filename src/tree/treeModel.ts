// What the tree decides without vscode, so that it can be unit-tested: context values and when the
// tree must refresh itself.
import { nextExpiry, tokenStatus, type TokenStatus } from '../core/tokenStatus';
import { authenticationOf, type ResourceRecord, type TokenRecord, type UserRecord } from '../core/records';
import { buildContextValue, ContextValueBase } from './contextValues';

export function resourceContextValue(resource: Pick<ResourceRecord, 'isLocalEmulator' | 'authentication' | 'azure'>): string {
  return buildContextValue(ContextValueBase.resource, {
    localEmulator: resource.isLocalEmulator,
    fromAzure: resource.azure !== undefined,
    entraId: authenticationOf(resource) === 'entraId',
  });
}

export function userContextValue(user: UserRecord, tokens: readonly TokenRecord[], now: Date): string {
  return buildContextValue(ContextValueBase.user, {
    hasToken: tokens.length > 0,
    hasValidToken: tokens.some((token) => tokenStatus(token, user, now) === 'valid'),
  });
}

export function tokenContextValue(status: TokenStatus): string {
  return buildContextValue(ContextValueBase.token, { [status]: true });
}

/**
 * When the tree must next re-render by itself: at the next expiry (so an expired token is marked
 * at once), and, while some token is valid, at the next whole minute of its remaining time (so
 * "expires in 23 h 12 min" stays true). `undefined`: nothing will change by itself.
 */
export function nextRefreshTime(tokens: readonly TokenRecord[], now: Date, options: { everyMinute: boolean }): Date | undefined {
  const expiry = nextExpiry(tokens, now);
  if (!expiry) {
    return undefined;
  }
  if (!options.everyMinute) {
    return expiry;
  }
  // "expires in N min" floors the time left, so it drops just after (expiresOn - now) passes a whole minute.
  // A loop, not Math.min(...spread): the spread throws past about 100,000 tokens.
  let next = expiry.getTime();
  for (const token of tokens) {
    const left = Date.parse(token.expiresOn) - now.getTime();
    if (left > 0) {
      next = Math.min(next, now.getTime() + (left % 60_000) + 1);
    }
  }
  return new Date(next);
}
