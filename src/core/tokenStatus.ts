import type { TokenRecord, UserRecord } from './records';

export type TokenStatus = 'valid' | 'expired' | 'revoked';

export function tokenStatus(token: TokenRecord, user: UserRecord, now: Date): TokenStatus {
  if (isRevoked(token, user)) {
    return 'revoked';
  }
  return Date.parse(token.expiresOn) <= now.getTime() ? 'expired' : 'valid';
}

/** When the token stopped (or will stop) working: its revocation, or else its expiry. */
export function tokenEndsAt(token: TokenRecord, user: UserRecord): Date {
  const expiry = Date.parse(token.expiresOn);
  return new Date(isRevoked(token, user) ? Math.min(expiry, Date.parse(user.tokensRevokedAt!)) : expiry);
}

function isRevoked(token: TokenRecord, user: UserRecord): boolean {
  return user.tokensRevokedAt !== undefined && Date.parse(token.issuedAt) <= Date.parse(user.tokensRevokedAt);
}

/** The valid token issued last: the one "Copy Token" on a user gives. */
export function newestValidToken(tokens: readonly TokenRecord[], user: UserRecord, now: Date): TokenRecord | undefined {
  return tokens
    .filter((token) => tokenStatus(token, user, now) === 'valid')
    .reduce<TokenRecord | undefined>((newest, token) => (newest && Date.parse(newest.issuedAt) >= Date.parse(token.issuedAt) ? newest : token), undefined);
}

/** The earliest expiry still to come, so the tree can refresh itself right when a token expires. */
export function nextExpiry(tokens: readonly TokenRecord[], now: Date): Date | undefined {
  // A loop, not Math.min(...spread): the spread throws past about 100,000 tokens.
  let next = Infinity;
  for (const token of tokens) {
    const expiry = Date.parse(token.expiresOn);
    if (expiry > now.getTime() && expiry < next) {
      next = expiry;
    }
  }
  return next === Infinity ? undefined : new Date(next);
}

/**
 * When what is shown of these tokens next changes by itself: at the next expiry of any of them (so
 * an expired token is marked at once), and at the next whole minute of the time left of those in
 * `timeShown` (so "expires in 23 h 12 min" stays true). `undefined`: nothing will change by itself.
 */
export function nextRefreshTime(tokens: readonly TokenRecord[], now: Date, timeShown: readonly TokenRecord[]): Date | undefined {
  const expiry = nextExpiry(tokens, now);
  if (!expiry) {
    return undefined;
  }
  const tick = nextMinuteTick(timeShown, now);
  return tick && tick < expiry ? tick : expiry;
}

/**
 * When the "expires in N min" of one of these tokens next reads differently: it floors the time
 * left, so it drops just after (expiresOn - now) passes a whole minute. `undefined`: none is valid.
 */
export function nextMinuteTick(tokens: readonly TokenRecord[], now: Date): Date | undefined {
  // A loop, not Math.min(...spread): the spread throws past about 100,000 tokens.
  let next = Infinity;
  for (const token of tokens) {
    const left = Date.parse(token.expiresOn) - now.getTime();
    if (left > 0) {
      next = Math.min(next, now.getTime() + (left % 60_000) + 1);
    }
  }
  return Number.isFinite(next) ? new Date(next) : undefined;
}
