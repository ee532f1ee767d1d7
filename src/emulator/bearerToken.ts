import { IncomingHttpHeaders } from 'node:http';
import { decodeUnverifiedJwt } from './jwt';

/**
 * Entra ID access tokens, as far as an offline emulator can judge them. The emulator CANNOT
 * verify their signatures (it has neither Entra ID's signing keys nor the network to fetch
 * them), so it trusts whatever claims a well-formed token carries: it checks the shape, `exp`,
 * `nbf`, the audience, and takes the caller from `oid`. Anyone who can reach the emulator can
 * mint such a token; that is acceptable for a local test double, never for a real service.
 */
export interface EntraIdCaller {
  /** The caller's object id (`oid`), which Resource Manager's messages and our deny list use. */
  readonly objectId: string;
  /** The tenant the token was issued in (`tid`), when it says. */
  readonly tenantId?: string;
  /** What Resource Manager names the client by in its messages: the user's name, else the app, else the object id. */
  readonly displayName: string;
}

export type BearerTokenProblem =
  /** No Authorization header. */
  | 'missing'
  /** An Authorization header that is not `Bearer <token>`. */
  | 'notBearer'
  /** Not a JWT with JSON claims, no numeric `exp`, or `nbf` in the future. */
  | 'malformed'
  | 'expired'
  /** `aud` is not one of the plane's audiences. */
  | 'audience'
  /** No `oid` claim: nothing to name the caller by. */
  | 'noObjectId';

export type BearerTokenCheck =
  | { readonly ok: true; readonly caller: EntraIdCaller }
  | { readonly ok: false; readonly problem: BearerTokenProblem; readonly claims?: Readonly<Record<string, unknown>> };

/** Whether the request carries a bearer token at all (else the identity API expects an HMAC signature). */
export function hasBearerToken(headers: IncomingHttpHeaders): boolean {
  return /^bearer\s/i.test(headers.authorization ?? '');
}

/** Checks the `Authorization: Bearer <jwt>` header of a request to a plane that accepts `audiences`. */
export function checkBearerToken(headers: IncomingHttpHeaders, audiences: readonly string[], nowMs: number): BearerTokenCheck {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization === '') {
    return { ok: false, problem: 'missing' };
  }
  const match = /^bearer\s+(\S+)$/i.exec(authorization);
  if (!match) {
    return { ok: false, problem: 'notBearer' };
  }
  const claims = decodeUnverifiedJwt(match[1]);
  const problem = claims ? entraIdClaimsProblem(claims, audiences, nowMs) : 'malformed';
  if (!claims || problem) {
    return { ok: false, problem: problem ?? 'malformed', claims };
  }
  if (typeof claims.oid !== 'string' || claims.oid === '') {
    return { ok: false, problem: 'noObjectId', claims };
  }
  return { ok: true, caller: callerOf(claims, claims.oid) };
}

/**
 * What is wrong with an Entra ID token's claims for a plane that accepts `audiences`, as far as
 * the emulator can judge (the signature it cannot): no numeric `exp` or `nbf` in the future
 * (malformed), `exp` passed, or another audience. Undefined when they are acceptable.
 */
export function entraIdClaimsProblem(claims: Record<string, unknown>, audiences: readonly string[], nowMs: number): 'malformed' | 'expired' | 'audience' | undefined {
  if (typeof claims.exp !== 'number' || (typeof claims.nbf === 'number' && claims.nbf * 1000 > nowMs)) {
    return 'malformed';
  }
  if (claims.exp * 1000 <= nowMs) {
    return 'expired';
  }
  if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud)) {
    return 'audience';
  }
  return undefined;
}

function callerOf(claims: Record<string, unknown>, objectId: string): EntraIdCaller {
  const name = [claims.upn, claims.unique_name, claims.appid, claims.azp].find((value): value is string => typeof value === 'string' && value !== '');
  return {
    objectId,
    tenantId: typeof claims.tid === 'string' ? claims.tid : undefined,
    displayName: name ?? objectId,
  };
}
