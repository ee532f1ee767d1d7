// Error paths: each failure is named in plain words, secrets never appear, nothing is recorded.
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../../src/emulator';
import type { AcsIdentityTestApi } from '../../src/testApi';
import { addEmulatorResource, assertNoSecretShown, getApi, removeAllResources, run, startTestEmulator, userRows } from './support';

const OTHER_KEY = 'd3Jvbmcta2V5LW5vdC10aGUtZW11bGF0b3JzLWtleS0wMTIzNDU2Nzg5YWI=';
const FOREIGN_USER = '8:acs:00000000-0000-0000-0000-000000000000_00000005-14a2-493b-8a72-5a3a0d000081';

suite('Error messages', () => {
  let api: AcsIdentityTestApi;
  let emulator: RunningEmulator;
  let resourceId: string;

  suiteSetup(async () => {
    api = await getApi();
    emulator = await startTestEmulator();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, emulator, 'dev');
  });
  setup(() => {
    api.prompts.clear();
    api.clearMessages();
    emulator.clearFaults();
  });
  teardown(() => assertNoSecretShown(api, [OTHER_KEY, emulator.connectionString.split('accesskey=')[1]]));
  suiteTeardown(async () => {
    await removeAllResources(api);
    await emulator.close();
  });

  test('a rejected access key (401) is named, with the resource', async () => {
    // Same emulator, another key: `localhost` makes it another endpoint, so another resource.
    const port = new URL(emulator.endpoint).port;
    const { resourceId: wrongId } = await run<{ resourceId: string }>('acsIdentity.addResource', {
      connectionString: `endpoint=http://localhost:${port}/;accesskey=${OTHER_KEY}`,
      name: 'wrong-key',
    });
    assert.equal(await run('acsIdentity.createUser', { resource: wrongId }), undefined);
    const message = api.messages.at(-1);
    assert.equal(message?.severity, 'error');
    assert.equal(
      message?.text,
      'Could not create a user in "wrong-key". The access key of "wrong-key" was rejected (401). Add the resource again with its current connection string.',
    );
    assert.deepEqual(message?.actions, ['Show Log']);
    assert.deepEqual(await userRows(api, 'wrong-key'), []);
    await run('acsIdentity.removeResource', { resource: wrongId });
  });

  test('a user of another resource (IdentityNotOwned) is named as such', async () => {
    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId: FOREIGN_USER }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      'Could not issue a token for …5a3a0d000081. User …5a3a0d000081 belongs to another Communication Services resource, not to "dev".',
    );
    assert.equal(await run('acsIdentity.revokeTokens', { resource: resourceId, userId: FOREIGN_USER }), undefined);
    assert.match(api.messages.at(-1)?.text ?? '', /^Could not revoke the tokens of …5a3a0d000081\. User …5a3a0d000081 belongs to another/);
    assert.deepEqual(await userRows(api, 'dev'), [], 'a refused user does not join the list');
  });

  test('a user unknown to the list is refused before any call', async () => {
    assert.equal(await run('acsIdentity.deleteUser', { resource: resourceId, userId: FOREIGN_USER }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      `User ${FOREIGN_USER} is not in the list of "dev": add it with "Add Existing User by ID…" first.`,
    );
    assert.equal(await run('acsIdentity.createUser', { resource: 'no-such-resource' }), undefined);
    assert.equal(api.messages.at(-1)?.text, 'There is no resource "no-such-resource" in the list.');
  });

  test('throttling (429) that outlasts the SDK retries is named', async () => {
    emulator.failNext(10, 429);
    assert.equal(await run('acsIdentity.createUser', { resource: resourceId }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      'Could not create a user in "dev". "dev" is throttling requests (429 Too Many Requests); the request was retried and still refused. Try again in a minute.',
    );
  });

  test('a throttled request that succeeds on retry just works', async () => {
    emulator.failNext(1, 429);
    const result = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'patient' });
    assert.ok(result?.userId, api.messages.at(-1)?.text);
    assert.ok((await userRows(api, 'dev')).some((row) => row.label === 'patient'));
  });

  test('a server error is reported as unexpected, with the details in the log', async () => {
    emulator.failNext(10, 500);
    assert.equal(await run('acsIdentity.createUser', { resource: resourceId }), undefined);
    assert.equal(api.messages.at(-1)?.text, 'Could not create a user in "dev". Unexpected error (500): see the "ACS Identities" output for details.');
    assert.deepEqual(api.messages.at(-1)?.actions, ['Show Log']);
  });

  test('an unreachable endpoint is named', async () => {
    const gone = await startTestEmulator();
    const goneId = await addEmulatorResource(api, gone, 'gone');
    const host = new URL(gone.endpoint).host;
    await gone.close();
    assert.equal(await run('acsIdentity.createUser', { resource: goneId }), undefined);
    assert.equal(api.messages.at(-1)?.text, `Could not create a user in "gone". Cannot reach ${host}: check the endpoint and the network connection.`);
    await run('acsIdentity.removeResource', { resource: goneId });
  });
});
