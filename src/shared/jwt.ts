/**
 * Decodes a JWT's header and claims without verifying its signature. The extension shows an
 * access token's claims to people (the service documents the format as not part of its contract,
 * so it never decides anything from them); the emulator reads the claims of tokens whose signature
 * it cannot check (Entra ID's).
 */
export type JwtDecode =
  | { readonly ok: true; readonly header: Record<string, unknown>; readonly claims: Record<string, unknown> }
  | { readonly ok: false };

export function decodeJwt(token: string): JwtDecode {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    return { ok: false };
  }
  const header = decodeJsonSegment(parts[0]);
  const claims = decodeJsonSegment(parts[1]);
  if (!header || !claims) {
    return { ok: false };
  }
  return { ok: true, header, claims };
}

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
