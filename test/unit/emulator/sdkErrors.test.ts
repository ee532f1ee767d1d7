import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient, TokenScope } from '@azure/communication-identity';
import { EMULATED_RESOURCE_ID } from '../../../src/emulator';
import { buildEmulatorBundle, CliRun, startCli } from './cliProcess';
import { assertRestError, entraIdToken, errorTarget, listIdentityIds, sdkClient, unsignedJwt } from './emulatorClient';

const OTHER_RESOURCE_USER = { communicationUserId: '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000000' };
const APP_ID = '11111111-2222-4333-8444-555555555555';
const USER_ID = '66666666-7777-4888-9999-000000000000';

// Against the emulator as its command line starts it (`node dist/emulator.js --port 0 --quiet`).
suite('emulator: every bad input through the official SDK, against the CLI', function () {
  this.timeout(30_000);
  let emulator: CliRun;
  let client: CommunicationIdentityClient;

  suiteSetup(async () => {
    await buildEmulatorBundle();
    emulator = await startCli(['--port', '0', '--quiet']);
    client = sdkClient(emulator.connectionString);
  });
  suiteTeardown(async () => assert.equal((await emulator.stop()).code, 0));

  test('empty scopes: 400 ValidationError with the recorded message', async () => {
    const user = await client.createUser();
    const error = await assertRestError(client.getToken(user, []), 400, 'ValidationError');
    assert.equal(error.message, 'Invalid scopes - Scopes field is required.');
  });

  test('an unknown scope: 400 ValidationError', async () => {
    const user = await client.createUser();
    await assertRestError(client.getToken(user, ['pstn' as TokenScope]), 400, 'ValidationError');
  });

  test('createUserAndToken with empty scopes: 400 and no identity', async () => {
    const before = await listIdentityIds(emulator.endpoint);
    await assertRestError(client.createUserAndToken([]), 400, 'ValidationError');
    assert.deepEqual(await listIdentityIds(emulator.endpoint), before);
  });

  for (const minutes of [59, 1441, 0, -60, 90.5]) {
    test(`createUserAndToken with a ${minutes}-minute lifetime: 400 and no identity is created`, async () => {
      const before = await listIdentityIds(emulator.endpoint);
      const error = await assertRestError(client.createUserAndToken(['chat'], { tokenExpiresInMinutes: minutes }), 400, 'ValidationError');
      assert.equal(error.message, `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`);
      assert.deepEqual(await listIdentityIds(emulator.endpoint), before);
    });
  }

  for (const minutes of [59, 1441]) {
    test(`getToken with a ${minutes}-minute lifetime: 400 ValidationError`, async () => {
      const user = await client.createUser();
      await assertRestError(client.getToken(user, ['chat'], { tokenExpiresInMinutes: minutes }), 400, 'ValidationError');
    });
  }

  test("another resource's id: 401 IdentityNotOwned for getToken, revokeTokens and deleteUser", async () => {
    for (const call of [client.getToken(OTHER_RESOURCE_USER, ['chat']), client.revokeTokens(OTHER_RESOURCE_USER), client.deleteUser(OTHER_RESOURCE_USER)]) {
      const error = await assertRestError(call, 401, 'IdentityNotOwned');
      assert.equal(error.message, "Provided identity doesn't belong to the resource.");
    }
  });

  test('an id that is not an ACS id at all: 401 IdentityNotOwned (our choice)', async () => {
    await assertRestError(client.getToken({ communicationUserId: 'abc' }, ['chat']), 401, 'IdentityNotOwned');
  });

  test('a deleted identity: 404 IdentityNotFound (our choice) for getToken, revokeTokens and deleteUser', async () => {
    const user = await client.createUser();
    await client.deleteUser(user);
    for (const call of [client.getToken(user, ['chat']), client.revokeTokens(user), client.deleteUser(user)]) {
      await assertRestError(call, 404, 'IdentityNotFound');
    }
  });

  test('an identity of this resource that never existed: 404 IdentityNotFound', async () => {
    const neverCreated = { communicationUserId: `8:acs:${EMULATED_RESOURCE_ID}_00000000-0000-4000-8000-000000000000` };
    await assertRestError(client.getToken(neverCreated, ['chat']), 404, 'IdentityNotFound');
  });

  test('a wrong access key: 401 Denied', async () => {
    const wrongKey = Buffer.alloc(64, 7).toString('base64');
    const wrongClient = sdkClient(`endpoint=${emulator.endpoint};accesskey=${wrongKey}`);
    await assertRestError(wrongClient.createUser(), 401, 'Denied');
  });

  // What the real service answers, in its order (see src/emulator/handlers/exchangeTeamsUserAccessToken.ts for the recordings).
  suite('Teams user token exchange', () => {
    const WRONG_APP_ID = '99999999-2222-4333-8444-555555555555';
    const WRONG_USER_ID = '99999999-7777-4888-9999-000000000000';
    const inAnHour = (): number => Math.floor(Date.now() / 1000) + 3600;
    const validToken = (): string => entraIdToken({ appid: APP_ID, oid: USER_ID, exp: inAnHour() });
    const expiredToken = (): string => entraIdToken({ appid: APP_ID, oid: USER_ID, exp: Math.floor(Date.now() / 1000) - 60 });
    const exchange = (teamsUserAadToken: string, clientId = APP_ID, userObjectId = USER_ID): Promise<unknown> =>
      client.getTokenForTeamsUser({ teamsUserAadToken, clientId, userObjectId });

    const INVALID_TOKEN: readonly (readonly [string, () => string])[] = [
      ['an empty token', () => ''],
      ['a token that is not a JWT', () => 'invalid'],
      ['an expired token', expiredToken],
      ['a token for another audience', () => entraIdToken({ appid: APP_ID, oid: USER_ID, exp: inAnHour(), aud: 'https://management.azure.com' })],
      ['a token not valid yet', () => unsignedJwt({ aud: 'https://auth.msft.communication.azure.com', appid: APP_ID, oid: USER_ID, exp: inAnHour(), nbf: inAnHour() - 60 })],
    ];
    for (const [what, token] of INVALID_TOKEN) {
      test(`${what}: 401 InvalidAccessToken, no target`, async () => {
        const error = await assertRestError(exchange(token()), 401, 'InvalidAccessToken');
        assert.equal(error.message, 'Provided access token is not valid.');
        assert.equal(errorTarget(error), undefined);
      });
    }

    // [what, token, appId, userId, status, code, message, target]
    const ORDER: readonly (readonly [string, () => string, string, string, number, string, string, string | undefined])[] = [
      ['an invalid token beats an empty userId (recorded)', () => 'invalid', APP_ID, '', 401, 'InvalidAccessToken', 'Provided access token is not valid.', undefined],
      ['an empty token beats an empty userId (recorded)', () => '', APP_ID, '', 401, 'InvalidAccessToken', 'Provided access token is not valid.', undefined],
      ['an invalid token beats an empty appId', () => 'invalid', '', USER_ID, 401, 'InvalidAccessToken', 'Provided access token is not valid.', undefined],
      ['an expired token beats a malformed appId', expiredToken, 'invalid', 'invalid', 401, 'InvalidAccessToken', 'Provided access token is not valid.', undefined],
      ['an empty appId (recorded)', validToken, '', USER_ID, 400, 'ValidationError', 'AppId: The AppId field is required.', 'AppId'],
      ['an empty userId (recorded)', validToken, APP_ID, '', 400, 'ValidationError', 'UserId: The UserId field is required.', 'UserId'],
      ['empty appId and userId: AppId first', validToken, '', '', 400, 'ValidationError', 'AppId: The AppId field is required.', 'AppId'],
      ['a missing userId beats a malformed appId', validToken, 'invalid', '', 400, 'ValidationError', 'UserId: The UserId field is required.', 'UserId'],
      ['a malformed appId (recorded)', validToken, 'invalid', USER_ID, 400, 'ValidationError', 'Provided AppId has invalid format.', 'appId'],
      ['a malformed userId (recorded)', validToken, APP_ID, 'invalid', 400, 'ValidationError', 'Provided UserId has invalid format.', 'userId'],
      ['malformed appId and userId: AppId first', validToken, 'invalid', 'invalid', 400, 'ValidationError', 'Provided AppId has invalid format.', 'appId'],
      ['a malformed userId beats a wrong appId', validToken, WRONG_APP_ID, 'invalid', 400, 'ValidationError', 'Provided UserId has invalid format.', 'userId'],
      ["an appId that is not the token's (recorded)", validToken, WRONG_APP_ID, USER_ID, 400, 'ValidationError', 'AAD application is not the expected one.', 'appId'],
      ["a userId that is not the token's (recorded)", validToken, APP_ID, WRONG_USER_ID, 400, 'ValidationError', 'Provided AAD token issued for unexpected user.', 'userId'],
      ['wrong appId and userId: the application first', validToken, WRONG_APP_ID, WRONG_USER_ID, 400, 'ValidationError', 'AAD application is not the expected one.', 'appId'],
    ];
    for (const [what, token, appId, userId, status, code, message, target] of ORDER) {
      test(`${what}: ${status} ${code}`, async () => {
        const error = await assertRestError(exchange(token(), appId, userId), status, code);
        assert.equal(error.message, message);
        assert.equal(errorTarget(error), target);
      });
    }

    test('a valid token, appId and userId (any case): 200', async () => {
      const result = await client.getTokenForTeamsUser({ teamsUserAadToken: validToken(), clientId: APP_ID.toUpperCase(), userObjectId: USER_ID });
      assert.ok(result.token);
    });
  });
});
