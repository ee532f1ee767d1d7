// The resource a person is working with, for the status bar: the one whose token was copied or
// issued last in this window, else the first one listed; and what its tokens say right now.
import type { RecordReader } from './recordState';
import type { ResourceRecord, TokenRecord, UserRecord } from './records';
import { tokenStatus } from './tokenStatus';

export class ResourceInUse {
  private lastUsed: string | undefined;
  private readonly listeners = new Set<() => void>();

  /** A token of this resource was just copied, inserted or issued. */
  note(resourceId: string): void {
    if (resourceId !== this.lastUsed) {
      this.lastUsed = resourceId;
      this.listeners.forEach((listener) => listener());
    }
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The resource last used while it is listed, else the first listed; none when there is none. */
  resolve(records: RecordReader): ResourceRecord | undefined {
    return (this.lastUsed === undefined ? undefined : records.resource(this.lastUsed)) ?? records.resources()[0];
  }
}

export interface UserToken {
  readonly user: UserRecord;
  readonly token: TokenRecord;
}

export interface ResourceTokens {
  /** The valid token that expires first. */
  readonly soonest?: UserToken;
  /** The valid token issued last. */
  readonly newest?: UserToken;
  /** Every token of the resource, whatever its status (the next change of status is among them). */
  readonly all: readonly TokenRecord[];
}

export function resourceTokens(records: RecordReader, resourceId: string, now: Date): ResourceTokens {
  let soonest: UserToken | undefined;
  let newest: UserToken | undefined;
  const all: TokenRecord[] = [];
  for (const user of records.users(resourceId)) {
    for (const token of records.tokens(resourceId, user.userId)) {
      all.push(token);
      if (tokenStatus(token, user, now) !== 'valid') {
        continue;
      }
      if (!soonest || Date.parse(token.expiresOn) < Date.parse(soonest.token.expiresOn)) {
        soonest = { user, token };
      }
      if (!newest || Date.parse(token.issuedAt) > Date.parse(newest.token.issuedAt)) {
        newest = { user, token };
      }
    }
  }
  return { soonest, newest, all };
}
