import * as assert from 'node:assert/strict';
import { newestValidToken, nextExpiry, tokenEndsAt, tokenStatus } from '../../../src/core/tokenStatus';
import type { TokenRecord, UserRecord } from '../../../src/core/records';

const NOW = new Date('2026-11-21T12:00:00.000Z');
const USER: UserRecord = { resourceId: 'r', userId: 'u', createdAt: '2026-11-21T08:00:00.000Z', origin: 'created' };

function token(tokenId: string, issuedAt: string, expiresOn: string): TokenRecord {
  return { resourceId: 'r', userId: 'u', tokenId, scopes: ['chat'], issuedAt, expiresOn };
}

const OLD = token('old', '2026-11-21T09:00:00.000Z', '2026-11-22T09:00:00.000Z');
const NEW = token('new', '2026-11-21T10:00:00.000Z', '2026-11-21T13:00:00.000Z');
const EXPIRED = token('expired', '2026-11-21T10:30:00.000Z', '2026-11-21T11:30:00.000Z');

suite('token status', () => {
  test('valid until its expiry, expired at and after it', () => {
    assert.equal(tokenStatus(NEW, USER, NOW), 'valid');
    assert.equal(tokenStatus(NEW, USER, new Date('2026-11-21T13:00:00.000Z')), 'expired');
    assert.equal(tokenStatus(EXPIRED, USER, NOW), 'expired');
  });

  test('revoked when issued at or before the revocation, whatever its expiry', () => {
    const revoked = { ...USER, tokensRevokedAt: '2026-11-21T10:00:00.000Z' };
    assert.equal(tokenStatus(OLD, revoked, NOW), 'revoked');
    assert.equal(tokenStatus(NEW, revoked, NOW), 'revoked');
    assert.equal(tokenStatus(EXPIRED, revoked, NOW), 'expired');
  });

  test('the newest valid token is the latest issued that is neither expired nor revoked', () => {
    assert.equal(newestValidToken([OLD, NEW, EXPIRED], USER, NOW)?.tokenId, 'new');
    assert.equal(newestValidToken([OLD, NEW, EXPIRED], { ...USER, tokensRevokedAt: '2026-11-21T09:30:00.000Z' }, NOW)?.tokenId, 'new');
    assert.equal(newestValidToken([OLD, NEW, EXPIRED], { ...USER, tokensRevokedAt: '2026-11-21T11:00:00.000Z' }, NOW), undefined);
    assert.equal(newestValidToken([], USER, NOW), undefined);
  });

  test('the next expiry is the earliest one still to come', () => {
    assert.deepEqual(nextExpiry([OLD, NEW, EXPIRED], NOW), new Date('2026-11-21T13:00:00.000Z'));
    assert.equal(nextExpiry([EXPIRED], NOW), undefined);
  });

  test('a token ends at its expiry, or at the revocation that covers it', () => {
    assert.deepEqual(tokenEndsAt(OLD, USER), new Date(OLD.expiresOn));
    assert.deepEqual(tokenEndsAt(OLD, { ...USER, tokensRevokedAt: '2026-11-21T09:30:00.000Z' }), new Date('2026-11-21T09:30:00.000Z'));
    assert.deepEqual(tokenEndsAt(NEW, { ...USER, tokensRevokedAt: '2026-11-21T09:30:00.000Z' }), new Date(NEW.expiresOn), 'issued after the revocation');
    assert.deepEqual(tokenEndsAt(EXPIRED, { ...USER, tokensRevokedAt: '2026-11-21T12:00:00.000Z' }), new Date(EXPIRED.expiresOn), 'expired before it was revoked');
  });
});
