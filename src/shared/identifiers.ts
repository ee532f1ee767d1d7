/**
 * ACS user ids: `8:acs:<resourceId>_<userPart>` (acs-identity-api.md §3.2). Government clouds use
 * `8:gcch-acs:` and `8:dod-acs:`; the resource part is the ACS resource's immutable GUID.
 */
export interface AcsUserId {
  readonly raw: string;
  readonly resourceId: string;
  readonly userPart: string;
}

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WHOLE_GUID = new RegExp(`^${GUID}$`, 'i');
const ACS_USER_ID = new RegExp(`^8:(?:acs|gcch-acs|dod-acs):(${GUID})_([A-Za-z0-9_-]+)$`, 'i');

/** A GUID in its usual 8-4-4-4-12 hex form, in either case (Entra ID app and user ids, ACS resource ids). */
export function isGuid(text: string): boolean {
  return WHOLE_GUID.test(text);
}

export function parseAcsUserId(text: string): AcsUserId | undefined {
  const raw = text.trim();
  const match = ACS_USER_ID.exec(raw);
  if (!match) {
    return undefined;
  }
  return { raw, resourceId: match[1].toLowerCase(), userPart: match[2] };
}

/** The tail of the user part: ids of one resource share their prefix, so the end is what tells them apart. */
export function shortenUserId(userId: string): string {
  const userPart = parseAcsUserId(userId)?.userPart ?? userId;
  const visible = 12;
  return userPart.length <= visible ? userPart : `…${userPart.slice(-visible)}`;
}
