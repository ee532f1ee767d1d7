import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeJwtJsonSegment } from '../shared/jwtSegment';

/** Compact JWTs signed with HS256: enough for tokens that only the emulator itself verifies. */
const HEADER = encodeSegment({ alg: 'HS256', typ: 'JWT' });

export function signJwt(claims: object, key: Buffer): string {
  const signingInput = `${HEADER}.${encodeSegment(claims)}`;
  return `${signingInput}.${hmac(signingInput, key).toString('base64url')}`;
}

/** The claims of a token this key signed, or undefined for anything else (malformed, other key, other algorithm). */
export function verifyJwt(token: string, key: Buffer): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) {
    return undefined;
  }
  const expected = hmac(`${parts[0]}.${parts[1]}`, key);
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return undefined;
  }
  return decodeJwtJsonSegment(parts[1]);
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function hmac(text: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/**
 * The claims of any compact JWT, signature NOT verified: for Entra ID tokens, whose signatures
 * the emulator cannot check offline (it has neither Entra ID's keys nor the network). Undefined
 * unless the token has three parts whose first two are base64url JSON objects.
 */
export function decodeUnverifiedJwt(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || decodeJwtJsonSegment(parts[0]) === undefined) {
    return undefined;
  }
  return decodeJwtJsonSegment(parts[1]);
}
