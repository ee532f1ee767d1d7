import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { assertRestError, decodeClaims, validateToken } from './emulatorClient';
import { ARM_AUDIENCE, COMMUNICATION_AUDIENCE, selfSignedCertificate, StaticTokenCredential, TokenClaims } from './entraId';
import { useEmulator } from '../../support/emulatorFixture';

// The SDK sends bearer tokens over https only, so this emulator serves TLS with a throw-away certificate.
suite('emulator: the identity API with Entra ID tokens (TokenCredential, over https)', function () {
  this.timeout(20_000);
  let ca: string;

  const clientWith = (credential: StaticTokenCredential): CommunicationIdentityClient =>
    new CommunicationIdentityClient(fixture.emulator.endpoint, credential, { tlsOptions: { ca }, retryOptions: { maxRetries: 0 } });

  const fixture = useEmulator(async () => {
    const tls = await selfSignedCertificate();
    ca = tls.cert;
    return { tls };
  });

  test('serves https at its endpoint', () => {
    assert.match(fixture.emulator.endpoint, /^https:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('a token for https://communication.azure.com works for every operation, and the SDK asked for that scope', async () => {
    const credential = new StaticTokenCredential({ aud: COMMUNICATION_AUDIENCE });
    const client = clientWith(credential);
    const { user, token } = await client.createUserAndToken(['chat']);
    assert.equal(decodeClaims(token).acsScope, 'chat');
    await client.getToken(user, ['voip']);
    await client.revokeTokens(user);
    await client.deleteUser(user);
    assert.deepEqual([...new Set(credential.requestedScopes)], ['https://communication.azure.com//.default']);
    assert.deepEqual(await validateToken(fixture.emulator.endpoint, token, undefined, ca), { valid: false, reason: 'identityDeleted' });
  });

  test('the audience with a trailing slash is accepted too', async () => {
    await clientWith(new StaticTokenCredential({ aud: `${COMMUNICATION_AUDIENCE}/` })).createUser();
  });

  const REFUSED: readonly (readonly [string, TokenClaims])[] = [
    ['an expired token', { aud: COMMUNICATION_AUDIENCE, exp: Math.floor(Date.now() / 1000) - 60 }],
    ['a token for Resource Manager', { aud: ARM_AUDIENCE }],
    ['a token without oid', { aud: COMMUNICATION_AUDIENCE, oid: '' }],
    ['a token not valid yet', { aud: COMMUNICATION_AUDIENCE, nbf: Math.floor(Date.now() / 1000) + 600 }],
  ];
  for (const [what, claims] of REFUSED) {
    test(`${what}: 401 Denied`, async () => {
      const error = await assertRestError(clientWith(new StaticTokenCredential(claims)).createUser(), 401, 'Denied');
      assert.equal(error.message, 'Denied by the resource provider.');
    });
  }

  test('a token that is not a JWT: 401 Denied', async () => {
    const notAJwt = { getToken: () => Promise.resolve({ token: 'not-a-jwt', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const client = new CommunicationIdentityClient(fixture.emulator.endpoint, notAJwt, { tlsOptions: { ca }, retryOptions: { maxRetries: 0 } });
    await assertRestError(client.createUser(), 401, 'Denied');
  });

  test('access keys still work over https, the primary and the secondary', async () => {
    for (const connectionString of [fixture.emulator.connectionString, fixture.emulator.secondaryConnectionString]) {
      await new CommunicationIdentityClient(connectionString, { tlsOptions: { ca }, retryOptions: { maxRetries: 0 } }).createUser();
    }
  });
});
