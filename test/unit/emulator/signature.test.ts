import { createHash } from 'node:crypto';
import * as assert from 'node:assert/strict';
import { DEVELOPMENT_ACCESS_KEY } from '../../../src/emulator';
import { sdkClient } from './emulatorClient';
import { RawResponse, SignedRequestOptions, signedRequest } from './signedRequest';
import { useEmulator } from '../../support/emulatorFixture';

const CREATE = '/identities?api-version=2023-10-01';

function errorOf(response: RawResponse): { code: string; message: string } {
  return (JSON.parse(response.text) as { error: { code: string; message: string } }).error;
}

suite('emulator: HMAC-SHA256 request signing (raw HTTP, signed per the spec)', () => {
  const send = (options: Partial<SignedRequestOptions>): Promise<RawResponse> =>
    signedRequest({ endpoint: fixture.emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target: CREATE, ...options });

  const fixture = useEmulator();

  test('a correctly signed request is accepted', async () => {
    const response = await send({ body: JSON.stringify({ createTokenWithScopes: ['chat'] }) });
    assert.equal(response.status, 201, response.text);
  });

  test('a missing signature: 401 Denied', async () => {
    const response = await send({ omitAuthorization: true });
    assert.equal(response.status, 401);
    assert.equal(errorOf(response).code, 'Denied');
    assert.match(errorOf(response).message, /Authorization/);
  });

  test('a garbled Authorization header: 401 Denied', async () => {
    const response = await send({ headers: { authorization: 'SharedKey abc' } });
    assert.equal(response.status, 401);
    assert.equal(errorOf(response).code, 'Denied');
  });

  test('a signature made with another key: 401 Denied', async () => {
    const response = await send({ accessKey: Buffer.alloc(64, 1).toString('base64') });
    assert.equal(response.status, 401);
    assert.equal(errorOf(response).code, 'Denied');
    assert.match(errorOf(response).message, /signature/);
  });

  test("a body that differs from its x-ms-content-sha256: 401 Denied with the service's message", async () => {
    const response = await send({ body: '{"createTokenWithScopes":["voip"]}', hashedBody: '{"createTokenWithScopes":["chat"]}' });
    assert.equal(response.status, 401);
    assert.deepEqual(errorOf(response), { code: 'Denied', message: "Request 'x-ms-content-sha256' differs from generated content hash." });
  });

  test('a body and hash both swapped after signing: 401 Denied by the signature check', async () => {
    const sent = '{"createTokenWithScopes":["voip"]}';
    const response = await send({
      body: sent,
      hashedBody: '{"createTokenWithScopes":["chat"]}',
      headers: { 'x-ms-content-sha256': createHash('sha256').update(sent).digest('base64') },
    });
    assert.equal(response.status, 401);
    assert.match(errorOf(response).message, /signature/);
  });

  test('an x-ms-date 16 minutes old or ahead: 401 Denied', async () => {
    for (const offsetMinutes of [-16, 16]) {
      const response = await send({ date: new Date(Date.now() + offsetMinutes * 60_000) });
      assert.equal(response.status, 401, `offset ${offsetMinutes}`);
      assert.equal(errorOf(response).code, 'Denied');
      assert.match(errorOf(response).message, /15 minutes/);
    }
  });

  test('an x-ms-date 14 minutes away is still accepted', async () => {
    for (const offsetMinutes of [-14, 14]) {
      assert.equal((await send({ date: new Date(Date.now() + offsetMinutes * 60_000) })).status, 201);
    }
  });

  test('percent-encoded ids: the signature covers the target as sent, encoded', async () => {
    const user = await sdkClient(fixture.emulator.connectionString).createUser();
    const encoded = `/identities/${encodeURIComponent(user.communicationUserId)}/:issueAccessToken?api-version=2023-10-01`;
    assert.match(encoded, /8%3Aacs%3A/);
    const body = JSON.stringify({ scopes: ['chat'] });

    assert.equal((await send({ target: encoded, body })).status, 200);
    const decodedTarget = `/identities/${user.communicationUserId}/:issueAccessToken?api-version=2023-10-01`;
    const signedDecoded = await send({ target: encoded, signedTarget: decodedTarget, body });
    assert.equal(signedDecoded.status, 401, 'signing the decoded path does not match what was sent');
    assert.equal(errorOf(signedDecoded).code, 'Denied');
  });

  test('a tampered request target: 401 Denied', async () => {
    const response = await send({ target: '/identities?api-version=2022-10-01', signedTarget: CREATE });
    assert.equal(response.status, 401);
  });
});
