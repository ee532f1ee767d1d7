/**
 * A user ID typed, pasted or passed by code, checked before it is recorded or sent: what is wrong
 * with it is named as a code, never by repeating the text (a token or a connection string pasted
 * into the wrong box must not end up in a message).
 */
import { parseAcsUserId, type AcsUserId } from '../shared/identifiers';

/** Far above any ACS user ID (about 80 characters), far below what would swamp a message or a record. */
export const MAX_USER_ID_LENGTH = 256;

export type UserIdProblem = 'empty' | 'tooLong' | 'controlCharacters' | 'teamsUser' | 'phoneNumber' | 'notAcs';

/** Prefixes of the other kinds of communication identifiers (Teams users and guests, phone numbers). */
const OTHER_KINDS: readonly [RegExp, UserIdProblem][] = [
  [/^8:(?:orgid|gcch|dod|teamsvisitor):/i, 'teamsUser'],
  [/^4:/, 'phoneNumber'],
];

export function parseUserIdInput(text: string): { readonly ok: true; readonly id: AcsUserId } | { readonly ok: false; readonly problem: UserIdProblem } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, problem: 'empty' };
  }
  if (trimmed.length > MAX_USER_ID_LENGTH) {
    return { ok: false, problem: 'tooLong' };
  }
  if (/[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u.test(trimmed)) {
    return { ok: false, problem: 'controlCharacters' };
  }
  const id = parseAcsUserId(trimmed);
  if (id) {
    return { ok: true, id };
  }
  return { ok: false, problem: OTHER_KINDS.find(([prefix]) => prefix.test(trimmed))?.[1] ?? 'notAcs' };
}
