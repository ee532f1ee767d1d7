import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient, TokenScope } from '@azure/communication-identity';
import { startEmulator } from '../../../src/emulator';
import { decodeClaims, entraIdToken, listIdentityIds, sdkClient, validateToken } from './emulatorClient';
import { useEmulator } from '../../support/emulatorFixture';

const EVERY_SCOPE: TokenScope[] = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'];

suite('emulator: the quickstarts through the official SDK', () => {
  let client: CommunicationIdentityClient;

  const fixture = useEmulator();
  suiteSetup(() => {
    client = sdkClient(fixture.emulator.connectionString);
  });

  test('create a user, issue a voip token, revoke, delete', async () => {
    const user = await client.createUser();
    assert.match(user.communicationUserId, new RegExp(`^8:acs:${fixture.emulator.resourceId}_[0-9a-f-]{36}$`));

    const { token, expiresOn } = await client.getToken(user, ['voip']);
    const claims = decodeClaims(token);
    assert.equal(claims.skypeid, user.communicationUserId.slice('8:'.length));
    assert.equal(claims.acsScope, 'voip');
    assert.equal(claims.resourceId, fixture.emulator.resourceId);
    assert.equal(claims.csi, String(claims.iat));
    assert.equal(typeof claims.scp, 'number');
    assert.equal((claims.exp as number) * 1000, expiresOn.getTime(), 'exp equals expiresOn');
    assert.equal((claims.exp as number) - (claims.iat as number), 1440 * 60, 'the default lifetime is 1440 minutes');
    assert.deepEqual(await validateToken(fixture.emulator.endpoint, token), { valid: true, claims });

    await client.revokeTokens(user);
    assert.deepEqual(await validateToken(fixture.emulator.endpoint, token), { valid: false, reason: 'revoked' });

    await client.deleteUser(user);
    assert.ok(!(await listIdentityIds(fixture.emulator.endpoint)).includes(user.communicationUserId));
  });

  for (const minutes of [60, 61, 720, 1440]) {
    test(`createUserAndToken with every scope and a ${minutes}-minute lifetime`, async () => {
      const { user, token, expiresOn } = await client.createUserAndToken(EVERY_SCOPE, { tokenExpiresInMinutes: minutes });
      const claims = decodeClaims(token);
      assert.equal(claims.acsScope, EVERY_SCOPE.join(','));
      assert.equal((claims.exp as number) - (claims.iat as number), minutes * 60);
      assert.equal((claims.exp as number) * 1000, expiresOn.getTime());
      assert.ok((await listIdentityIds(fixture.emulator.endpoint)).includes(user.communicationUserId));
      assert.equal((await validateToken(fixture.emulator.endpoint, token)).valid, true);
    });
  }

  for (const scope of EVERY_SCOPE) {
    test(`getToken with the single scope ${scope}`, async () => {
      const user = await client.createUser();
      const { token } = await client.getToken(user, [scope], { tokenExpiresInMinutes: 90 });
      assert.equal(decodeClaims(token).acsScope, scope);
    });
  }

  test('a token issued before a revoke is invalid, one issued after it is valid', async () => {
    const { user, token: before } = await client.createUserAndToken(['chat']);
    await client.revokeTokens(user);
    const { token: after } = await client.getToken(user, ['chat']);
    assert.deepEqual(await validateToken(fixture.emulator.endpoint, before), { valid: false, reason: 'revoked' });
    assert.equal((await validateToken(fixture.emulator.endpoint, after)).valid, true);
  });

  test('revocation orders events within one millisecond: a frozen clock', async () => {
    // At the start of a second: the events are then a few milliseconds apart within that second.
    const frozenAt = Math.floor(Date.now() / 1000) * 1000;
    const frozen = await startEmulator({ port: 0, clock: () => frozenAt });
    try {
      const frozenClient = sdkClient(frozen.connectionString);
      const { user, token: before } = await frozenClient.createUserAndToken(['chat']);
      await frozenClient.revokeTokens(user);
      const { token: after } = await frozenClient.getToken(user, ['chat']);
      assert.equal(decodeClaims(before).iat, decodeClaims(after).iat);
      assert.deepEqual(await validateToken(frozen.endpoint, before), { valid: false, reason: 'revoked' });
      assert.equal((await validateToken(frozen.endpoint, after)).valid, true);
    } finally {
      await frozen.close();
    }
  });

  test('deleting a user invalidates its tokens', async () => {
    const { user, token } = await client.createUserAndToken(['chat']);
    await client.deleteUser(user);
    assert.deepEqual(await validateToken(fixture.emulator.endpoint, token), { valid: false, reason: 'identityDeleted' });
  });

  test("exchanges a Teams user's Entra ID token, expiring with it", async () => {
    const appId = '11111111-2222-4333-8444-555555555555';
    const userId = '66666666-7777-4888-9999-000000000000';
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const result = await client.getTokenForTeamsUser({ teamsUserAadToken: entraIdToken({ appid: appId, oid: userId, exp }), clientId: appId, userObjectId: userId });
    assert.equal(result.expiresOn.getTime(), exp * 1000);
    assert.equal(decodeClaims(result.token).skypeid, `orgid:${userId}`);
    assert.equal((await validateToken(fixture.emulator.endpoint, result.token)).valid, true);
  });

  test('a token of another emulator instance is not valid here', async () => {
    const other = await startEmulator({ port: 0 });
    try {
      const { token } = await sdkClient(other.connectionString).createUserAndToken(['chat']);
      assert.deepEqual(await validateToken(fixture.emulator.endpoint, token), { valid: false, reason: 'malformed' });
    } finally {
      await other.close();
    }
  });
});
