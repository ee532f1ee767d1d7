// What the tree shows, computed without vscode so that it can be unit-tested: display names,
// token counts, statuses, context values and when the tree must refresh itself. The words around
// these values are localized in treeItems.ts.
import { splitDuration, type DurationParts } from '../core/durations';
import { shortenUserId } from '../shared/identifiers';
import { nextExpiry, tokenStatus, type TokenStatus } from '../core/tokenStatus';
import type { ResourceRecord, TokenRecord, UserRecord } from '../core/records';
import { buildContextValue, ContextValueBase } from './contextValues';

/** The label if the user has one, else the shortened id. */
export function userDisplayName(user: Pick<UserRecord, 'userId' | 'label'>): string {
  return user.label ?? shortenUserId(user.userId);
}

export interface UserSummary {
  readonly displayName: string;
  readonly validTokenCount: number;
  /** The token issued last, whatever its status: the tooltip describes it. */
  readonly latestToken?: TokenRecord;
  readonly latestTokenStatus?: TokenStatus;
}

export function summarizeUser(user: UserRecord, tokens: readonly TokenRecord[], now: Date): UserSummary {
  const latestToken = [...tokens].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt))[0];
  return {
    displayName: userDisplayName(user),
    validTokenCount: tokens.filter((token) => tokenStatus(token, user, now) === 'valid').length,
    latestToken,
    latestTokenStatus: latestToken && tokenStatus(latestToken, user, now),
  };
}

/** Time left before a token expires, floored to the minute (zero once expired). */
export function timeLeft(token: Pick<TokenRecord, 'expiresOn'>, now: Date): DurationParts {
  return splitDuration(Date.parse(token.expiresOn) - now.getTime());
}

/** Scopes as the tree shows them: in the order they were asked for, comma-separated. */
export function scopesText(token: Pick<TokenRecord, 'scopes'>): string {
  return token.scopes.join(', ');
}

export function resourceContextValue(resource: Pick<ResourceRecord, 'isLocalEmulator'>): string {
  return buildContextValue(ContextValueBase.resource, { localEmulator: resource.isLocalEmulator });
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
  const minuteTicks = tokens
    .map((token) => Date.parse(token.expiresOn) - now.getTime())
    .filter((left) => left > 0)
    .map((left) => now.getTime() + (left % 60_000) + 1);
  return new Date(Math.min(expiry.getTime(), ...minuteTicks));
}
