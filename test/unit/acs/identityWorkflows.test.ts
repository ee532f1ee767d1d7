import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AcsIdentityClient } from '../../../src/acs/identityClient';
import { IdentityClients, MissingConnectionStringError } from '../../../src/acs/identityClients';
import { IdentityWorkflows } from '../../../src/acs/identityWorkflows';
import { parseConnectionString, type AcsConnectionString } from '../../../src/core/connectionString';
import { decodeJwt } from '../../../src/core/tokenClaims';
import { classifyServiceError, type ServiceErrorKind } from '../../../src/core/serviceErrors';
import { tokenStatus } from '../../../src/core/tokenStatus';
import { startEmulator } from '../../../src/emulator';
import { RecordNotFoundError, Registry } from '../../../src/storage/registry';
import { useEmulator } from '../../support/emulatorFixture';
import { MemorySecrets } from '../support/memorySecrets';
import { entraIdToken } from '../emulator/emulatorClient';
import { classifyTeamsExchangeError, type TeamsExchangeProblem } from '../../../src/core/teamsExchangeErrors';

function connectionOf(connectionString: string): AcsConnectionString {
  const parsed = parseConnectionString(connectionString);
  assert.ok(parsed.ok);
  return parsed.value;
}

async function kindOfFailure(call: Promise<unknown>): Promise<ServiceErrorKind> {
  try {
    await call;
  } catch (error) {
    return classifyServiceError(error).kind;
  }
  assert.fail('expected the call to fail');
}

// The workflows and the error classification, through the official SDK against the emulator.
suite('IdentityWorkflows against the emulator', function () {
  // The SDK's own retries (throttling, unreachable endpoint) take seconds.
  this.timeout(30_000);
  const fixture = useEmulator();
  let root: string;
  let secrets: MemorySecrets;
  let registry: Registry;
  let workflows: IdentityWorkflows;
  let resourceId: string;

  setup(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'acs-workflows-'));
    secrets = new MemorySecrets();
    registry = new Registry(root, secrets);
    workflows = new IdentityWorkflows(registry, new IdentityClients(registry, () => assert.fail('no resource here uses Microsoft Entra ID')));
    resourceId = (await registry.addResource('Local emulator', connectionOf(fixture.emulator.connectionString), { isLocalEmulator: true })).id;
  });

  teardown(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  test('create a user and token: both recorded, the value only in secrets, with the asked scopes and lifetime', async () => {
    const before = Date.now();
    const result = await workflows.createUserAndToken(resourceId, { label: 'alice', scopes: ['chat', 'voip.join'], lifetimeMinutes: 60 });
    const [user] = await registry.listUsers(resourceId);
    assert.equal(user.userId, result.userId);
    assert.equal(user.label, 'alice');
    const [token] = await registry.listTokens(resourceId, result.userId);
    assert.deepEqual(token.scopes, ['chat', 'voip.join']);
    assert.equal(await registry.getTokenValue(token), result.token);
    const minutesLeft = (result.expiresOn.getTime() - before) / 60_000;
    assert.ok(minutesLeft > 58 && minutesLeft <= 61, `lifetime ${minutesLeft} min`);
    const decoded = decodeJwt(result.token);
    assert.ok(decoded.ok);
    assert.equal(decoded.claims.acsScope, 'chat,voip.join');
  });

  test('create a user, issue, revoke, delete: the quickstart flow, recorded step by step', async () => {
    const { userId } = await workflows.createUser(resourceId, {});
    assert.equal((await registry.getUser(resourceId, userId))?.origin, 'created');
    await workflows.issueToken(resourceId, userId, { scopes: ['voip'], lifetimeMinutes: 1440 });
    await workflows.revokeTokens(resourceId, userId);
    const user = await registry.getUser(resourceId, userId);
    assert.ok(user?.tokensRevokedAt);
    const [revokedToken] = await registry.listTokens(resourceId, userId);
    assert.equal(tokenStatus(revokedToken, user, new Date()), 'revoked');
    const fresh = await workflows.issueToken(resourceId, userId, { scopes: ['chat'], lifetimeMinutes: 60 });
    const tokens = await registry.listTokens(resourceId, userId);
    assert.equal(tokens[0].expiresOn, fresh.expiresOn.toISOString());
    assert.equal(tokenStatus(tokens[0], (await registry.getUser(resourceId, userId))!, new Date()), 'valid');
    await workflows.deleteUser(resourceId, userId);
    assert.deepEqual(await registry.listUsers(resourceId), []);
  });

  test('issuing for a user known only by id adds it to the list', async () => {
    const { userId } = await new AcsIdentityClient(connectionOf(fixture.emulator.connectionString)).createUser();
    await workflows.issueToken(resourceId, userId, { scopes: ['chat'], lifetimeMinutes: 60 });
    assert.equal((await registry.getUser(resourceId, userId))?.origin, 'added');
  });

  test('a wrong access key is classified as keyRejected', async () => {
    const wrongKey = connectionOf(fixture.emulator.connectionString.replace(/accesskey=.*/, `accesskey=${Buffer.alloc(64, 1).toString('base64')}`));
    assert.equal(await kindOfFailure(new AcsIdentityClient(wrongKey).createUser()), 'keyRejected');
  });

  test("another resource's user is classified as notOwned, and nothing is recorded", async () => {
    const foreign = '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001';
    assert.equal(await kindOfFailure(workflows.issueToken(resourceId, foreign, { scopes: ['chat'], lifetimeMinutes: 60 })), 'notOwned');
    assert.deepEqual(await registry.listUsers(resourceId), []);
  });

  test('a deleted user is classified as userNotFound', async () => {
    const client = new AcsIdentityClient(connectionOf(fixture.emulator.connectionString));
    const { userId } = await client.createUser();
    await client.deleteUser(userId);
    assert.equal(await kindOfFailure(client.issueToken(userId, ['chat'], 60)), 'userNotFound');
  });

  test('an out-of-range lifetime is classified as validation, and creates nothing', async () => {
    assert.equal(await kindOfFailure(workflows.createUserAndToken(resourceId, { scopes: ['chat'], lifetimeMinutes: 1441 })), 'validation');
    assert.deepEqual(await registry.listUsers(resourceId), []);
  });

  test('throttling that outlasts the SDK retries is classified as throttled', async () => {
    // More 429s than the SDK's three retries (each waits the emulator's Retry-After of 1 s).
    fixture.emulator.failNext(4, 429);
    assert.equal(await kindOfFailure(workflows.createUser(resourceId, {})), 'throttled');
  });

  test('a cancelled call is classified as cancelled', async () => {
    fixture.emulator.setLatency(2000);
    const controller = new AbortController();
    const call = workflows.createUser(resourceId, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.equal(await kindOfFailure(call), 'cancelled');
    assert.deepEqual(await registry.listUsers(resourceId), []);
  });

  test('a closed endpoint is classified as unreachable', async () => {
    const closed = await startEmulator({ port: 0 });
    await closed.close();
    assert.equal(await kindOfFailure(new AcsIdentityClient(connectionOf(closed.connectionString)).createUser()), 'unreachable');
  });

  test('a resource without a stored connection string fails plainly, and so does one no longer listed', async () => {
    const unstored = await registry.addResource('unstored', connectionOf('endpoint=https://unstored.communication.azure.com/;accesskey=' + Buffer.alloc(32).toString('base64')));
    await registry.whenIdle();
    await secrets.delete(Registry.secretKeyForConnectionString(unstored.id));
    registry.forgetCachedSecret(Registry.secretKeyForConnectionString(unstored.id));
    await assert.rejects(workflows.createUser(unstored.id, {}), MissingConnectionStringError);
    await assert.rejects(workflows.createUser('no-such-resource', {}), RecordNotFoundError);
  });

  test('a Teams token exchange records the Teams user, once, with each token; the Entra ID token is kept nowhere', async () => {
    const appId = '0a0b0000-0000-4000-8000-0000000000a1';
    const userObjectId = '0b1c0000-0000-4000-8000-0000000000c1';
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const teamsToken = entraIdToken({ appid: appId, oid: userObjectId, exp });
    const first = await workflows.exchangeTeamsUserToken(resourceId, { teamsToken, appId, userObjectId });
    const second = await workflows.exchangeTeamsUserToken(resourceId, { teamsToken, appId: appId.toUpperCase(), userObjectId });
    assert.equal(first.userId, `8:orgid:${userObjectId}`);
    assert.equal(second.userId, first.userId);
    assert.equal(first.expiresOn.getTime(), exp * 1000);
    assert.deepEqual(await registry.listUsers(resourceId), [
      { resourceId, userId: first.userId, createdAt: (await registry.getUser(resourceId, first.userId))?.createdAt, origin: 'added', kind: 'teamsUser' },
    ]);
    const tokens = await registry.listTokens(resourceId, first.userId);
    assert.equal(tokens.length, 2);
    assert.deepEqual(tokens[0].scopes, ['chat', 'voip']);
    assert.deepEqual(await Promise.all(tokens.map((token) => registry.getTokenValue(token))), [second.token, first.token]);
    await registry.whenIdle();
    const stored = await fs.readFile(path.join(root, 'records', 'journals', (await fs.readdir(path.join(root, 'records', 'journals')))[0]), 'utf8');
    assert.ok(!stored.includes(teamsToken) && !stored.includes(first.token));
  });

  test("the exchange's refusals, through the SDK, are told apart", async () => {
    const appId = '0a0b0000-0000-4000-8000-0000000000a1';
    const userObjectId = '0b1c0000-0000-4000-8000-0000000000c1';
    const teamsToken = entraIdToken({ appid: appId, oid: userObjectId, exp: Math.floor(Date.now() / 1000) + 3600 });
    const problem = async (request: { teamsToken: string; appId: string; userObjectId: string }): Promise<TeamsExchangeProblem | undefined> => {
      try {
        await workflows.exchangeTeamsUserToken(resourceId, request);
      } catch (error) {
        return classifyTeamsExchangeError(error);
      }
      assert.fail('expected the exchange to fail');
    };
    const expired = entraIdToken({ appid: appId, oid: userObjectId, exp: Math.floor(Date.now() / 1000) - 60 });
    assert.equal(await problem({ teamsToken: expired, appId, userObjectId }), 'teamsTokenRejected');
    assert.equal(await problem({ teamsToken: 'invalid', appId, userObjectId: '' }), 'teamsTokenRejected');
    assert.equal(await problem({ teamsToken, appId: 'invalid', userObjectId }), 'appIdInvalid');
    assert.equal(await problem({ teamsToken, appId: '', userObjectId }), 'appIdInvalid');
    assert.equal(await problem({ teamsToken, appId, userObjectId: 'invalid' }), 'userObjectIdInvalid');
    assert.equal(await problem({ teamsToken, appId: '11111111-0000-4000-8000-000000000000', userObjectId }), 'wrongApp');
    assert.equal(await problem({ teamsToken, appId, userObjectId: '11111111-0000-4000-8000-000000000000' }), 'wrongUser');
    assert.deepEqual(await registry.listUsers(resourceId), [], 'a refused exchange records nothing');
  });
});
