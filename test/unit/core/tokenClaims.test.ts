import * as assert from 'node:assert/strict';
import { decodeJwt, describeClaims } from '../../../src/core/tokenClaims';

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const HEADER = { alg: 'HS256', typ: 'JWT' };
const CLAIMS = { skypeid: 'acs:r_u', scp: 1792, csi: '1657788332', exp: 1657874732, acsScope: 'chat,voip', resourceId: 'r', iat: 1657788332 };

suite('decodeJwt', () => {
  test('decodes header and claims of a three-part token', () => {
    const decoded = decodeJwt(`${segment(HEADER)}.${segment(CLAIMS)}.c2lnbmF0dXJl`);
    assert.deepEqual(decoded, { ok: true, header: HEADER, claims: CLAIMS });
  });

  test('never returns the signature', () => {
    const decoded = decodeJwt(`${segment(HEADER)}.${segment(CLAIMS)}.c2lnbmF0dXJl`);
    assert.ok(!JSON.stringify(decoded).includes('c2lnbmF0dXJl'));
  });

  for (const [name, token] of [
    ['empty', ''],
    ['two parts', `${segment(HEADER)}.${segment(CLAIMS)}`],
    ['not base64url', `${segment(HEADER)}.@@@.x`],
    ['claims not JSON', `${segment(HEADER)}.${Buffer.from('nope').toString('base64url')}.x`],
    ['claims an array', `${segment(HEADER)}.${segment([1, 2])}.x`],
  ] as const) {
    test(`rejects ${name}`, () => assert.deepEqual(decodeJwt(token), { ok: false }));
  }
});

suite('describeClaims', () => {
  test('shows exp and iat as dates, keeping the epoch seconds, and leaves other claims alone', () => {
    const described = describeClaims(CLAIMS);
    assert.equal(described.exp, '2022-07-15T08:45:32.000Z (1657874732)');
    assert.equal(described.iat, '2022-07-14T08:45:32.000Z (1657788332)');
    assert.equal(described.csi, '1657788332');
    assert.equal(described.acsScope, 'chat,voip');
    assert.equal(CLAIMS.exp, 1657874732, 'the input is not modified');
  });
});
