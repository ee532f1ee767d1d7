/**
 * Masks secrets in text bound for a log or a message: access keys in connection strings, JWTs
 * (ACS access tokens), HMAC signatures, and any secret the caller knows about.
 */
const MASK = '***';

const SECRET_PATTERNS: readonly RegExp[] = [
  // accesskey=<base64> in a connection string, any case, up to the next separator.
  /(accesskey\s*=\s*)[^;\s"'&]+/gi,
  // Authorization: HMAC-SHA256 SignedHeaders=…&Signature=<base64>
  /(Signature=)[A-Za-z0-9+/=%]+/g,
  // Bearer tokens.
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  // A JWT anywhere: three base64url segments, the first two starting with '{"' encoded ("eyJ").
  /()eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g,
];

export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of extraSecrets) {
    // Short strings would mask ordinary words; real keys and tokens are long.
    if (secret.length >= 8) {
      redacted = redacted.split(secret).join(MASK);
    }
  }
  for (const pattern of SECRET_PATTERNS) {
    redacted = redacted.replace(pattern, `$1${MASK}`);
  }
  return redacted;
}
