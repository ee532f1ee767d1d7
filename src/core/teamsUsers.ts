// Teams users as the extension lists them: the ACS id of a Teams user and what its exchanged
// token says. The token's format is not part of the service's contract, so every claim read here
// has a fallback that does without it.
import { isTokenScope, type TokenScope } from '../shared/scopes';
import { decodeJwt } from './tokenClaims';

/** `8:orgid:` in the public cloud, `8:gcch:` and `8:dod:` in the government clouds, then the Entra ID object id. */
const TEAMS_USER_ID = /^8:(orgid|gcch|dod):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The ACS id of the Teams user an exchanged token was issued for: `8:` and the token's `skypeid`
 * claim when it names that object id (`orgid:<oid>`, or a government cloud's prefix), else the
 * public cloud's `8:orgid:<oid>`.
 */
export function teamsUserId(acsToken: string, userObjectId: string): string {
  const decoded = decodeJwt(acsToken);
  const skypeId = decoded.ok ? decoded.claims.skypeid : undefined;
  const fromClaim = typeof skypeId === 'string' ? TEAMS_USER_ID.exec(`8:${skypeId}`) : null;
  if (fromClaim && fromClaim[2].toLowerCase() === userObjectId.trim().toLowerCase()) {
    return `8:${fromClaim[1].toLowerCase()}:${fromClaim[2].toLowerCase()}`;
  }
  return `8:orgid:${userObjectId.trim().toLowerCase()}`;
}

/** The Entra ID object id in a Teams user's ACS id, or undefined for any other id. */
export function teamsUserObjectId(userId: string): string | undefined {
  return TEAMS_USER_ID.exec(userId)?.[2];
}

/** The scopes an exchanged token carries (its `acsScope` claim), in the service's words; none when unreadable. */
export function exchangedTokenScopes(acsToken: string): TokenScope[] {
  const decoded = decodeJwt(acsToken);
  const claim = decoded.ok ? decoded.claims.acsScope : undefined;
  if (typeof claim !== 'string') {
    return [];
  }
  const scopes = claim.split(',').map((scope) => scope.trim());
  return [...new Set(scopes.filter(isTokenScope))];
}

/** What is wrong with a pasted Entra ID access token, without ever repeating it. */
export type EntraTokenProblem = 'empty' | 'notJwt';

export function entraTokenProblem(text: string): EntraTokenProblem | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'empty';
  }
  return decodeJwt(trimmed).ok ? undefined : 'notJwt';
}
