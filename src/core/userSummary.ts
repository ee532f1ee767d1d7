// What a person reads about a user and its tokens, computed without vscode so that it can be
// unit-tested: the display name, the count of working tokens, the latest token, the time left.
// The words around these values are localized in platform/wording.ts.
import { shortenUserId } from '../shared/identifiers';
import { splitDuration, type DurationParts } from './durations';
import type { TokenRecord, UserRecord } from './records';
import { tokenStatus, type TokenStatus } from './tokenStatus';

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
  let latestToken: TokenRecord | undefined;
  let validTokenCount = 0;
  for (const token of tokens) {
    if (tokenStatus(token, user, now) === 'valid') {
      validTokenCount++;
    }
    if (!latestToken || Date.parse(token.issuedAt) > Date.parse(latestToken.issuedAt)) {
      latestToken = token;
    }
  }
  return {
    displayName: userDisplayName(user),
    validTokenCount,
    latestToken,
    latestTokenStatus: latestToken && tokenStatus(latestToken, user, now),
  };
}

/** Time left before a token expires, floored to the minute (zero once expired). */
export function timeLeft(token: Pick<TokenRecord, 'expiresOn'>, now: Date): DurationParts {
  return splitDuration(Date.parse(token.expiresOn) - now.getTime());
}

/** Scopes as a person reads them: in the order they were asked for, comma-separated. */
export function scopesText(token: Pick<TokenRecord, 'scopes'>): string {
  return token.scopes.join(', ');
}
