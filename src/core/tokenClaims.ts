// How a token's claims read for a person: the epoch-seconds times also as dates.
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
