/**
 * Text from people or callers that the extension shows again: labels (kept and shown in the tree)
 * and values repeated in messages. Control characters would break a tree row or a notification
 * over lines, and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, the marks) reorder
 * the text around them, so that a label can pass for another; both go. Letters of right-to-left
 * scripts are kept as they are: the renderer lays them out.
 */
import { redactSecrets } from './redact';

/** A label longer than this is refused where it is typed or passed, and cut where it is stored. */
export const MAX_LABEL_LENGTH = 100;

const CONTROL_CHARACTERS = /\p{Cc}/gu;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Controls become spaces (a line break or a tab separates words), bidi controls go, blanks collapse. */
function sanitize(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/** The number of characters a person counts (code points: an emoji is one, not two UTF-16 units). */
function characterCount(text: string): number {
  return [...text].length;
}

/** A label as it is stored and shown: sanitized; `undefined` (no label) when nothing is left. */
export function normalizeLabel(label: string | undefined): string | undefined {
  const sanitized = label === undefined ? '' : sanitize(label);
  return sanitized === '' ? undefined : sanitized;
}

/** The length of a label that is too long once normalized, else `undefined`. */
export function labelTooLong(label: string): number | undefined {
  const length = characterCount(normalizeLabel(label) ?? '');
  return length > MAX_LABEL_LENGTH ? length : undefined;
}

/** The label cut to {@link MAX_LABEL_LENGTH} characters (where it is stored, whatever the caller checked). */
export function storedLabel(label: string | undefined): string | undefined {
  const normalized = normalizeLabel(label);
  return normalized === undefined ? undefined : [...normalized].slice(0, MAX_LABEL_LENGTH).join('');
}

/**
 * A caller's value repeated in a message ("There is no resource "…""): secrets masked (a
 * connection string passed as the wrong option), controls removed, and cut to `maxLength`
 * characters, so that a message stays one readable line whatever was passed.
 */
export function quoteForMessage(text: string, maxLength = 60): string {
  const shown = sanitize(redactSecrets(text));
  const characters = [...shown];
  return characters.length <= maxLength ? shown : `${characters.slice(0, maxLength - 1).join('')}…`;
}
