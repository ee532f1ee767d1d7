import { decodeJwtJsonSegment } from '../shared/jwtSegment';

/**
 * Decodes an access token's header and claims for display. The signature is neither verified nor
 * returned: the service documents the token format as not part of its contract, so this is for
 * people to read, never for decisions.
 */
export type JwtDecode =
  | { readonly ok: true; readonly header: Record<string, unknown>; readonly claims: Record<string, unknown> }
  | { readonly ok: false };

export function decodeJwt(token: string): JwtDecode {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    return { ok: false };
  }
  const header = decodeJwtJsonSegment(parts[0]);
  const claims = decodeJwtJsonSegment(parts[1]);
  if (!header || !claims) {
    return { ok: false };
  }
  return { ok: true, header, claims };
}

const EPOCH_SECONDS_CLAIMS = ['exp', 'iat', 'nbf'];

/** A copy of the claims in which the epoch-seconds times also read as dates: `"2026-11-22T10:00:00.000Z (1795000000)"`. */
export function describeClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const described: Record<string, unknown> = { ...claims };
  for (const name of EPOCH_SECONDS_CLAIMS) {
    const value = claims[name];
    if (typeof value === 'number' && Number.isFinite(value)) {
      described[name] = `${new Date(value * 1000).toISOString()} (${value})`;
    }
  }
  return described;
}
