// Error paths: each failure is named in plain words, secrets never appear, nothing is recorded.
import * as assert from 'node:assert/strict';
import { addEmulatorResource, assertNoSecretShown, children, forgetPromptsAndMessages, getApi, removeAllResources, run, userRows, waitFor, type Harness } from './support';
import { startEmulator } from '../../src/emulator';
import { useEmulator } from '../support/emulatorFixture';

const OTHER_KEY = 'd3Jvbmcta2V5LW5vdC10aGUtZW11bGF0b3JzLWtleS0wMTIzNDU2Nzg5YWI=';
const FOREIGN_USER = '8:acs:00000000-0000-0000-0000-000000000000_00000005-14a2-493b-8a72-5a3a0d000081';

suite('Error messages', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let resourceId: string;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(() => assertNoSecretShown(api, [OTHER_KEY, fixture.emulator.connectionString.split('accesskey=')[1]]));
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  test('a rejected access key (401) is named, with the resource', async () => {
    // Same emulator, another key: `localhost` makes it another endpoint, so another resource.
    const port = new URL(fixture.emulator.endpoint).port;
    const { resourceId: wrongId } = await run<{ resourceId: string }>('acsIdentity.addResource', {
      connectionString: `endpoint=http://localhost:${port}/;accesskey=${OTHER_KEY}`,
      name: 'wrong-key',
    });
    assert.equal(await run('acsIdentity.createUser', { resource: wrongId }), undefined);
    const message = api.messages.at(-1);
    assert.equal(message?.severity, 'error');
    assert.equal(
      message?.text,
      'Could not create a user in "wrong-key". The access key of "wrong-key" was rejected (401), or the clock of this computer is off: the service refuses requests more than 15 minutes off. Check the date and time, or add the resource again with its current connection string.',
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

  test('from code, a missing or ambiguous target is an error naming the option, never a prompt', async () => {
    const prod = await run<{ resourceId: string }>('acsIdentity.addResource', {
      connectionString: 'endpoint=https://prod.communication.azure.com/;accesskey=cHJvZC1rZXktZm9yLXRlc3RzLTAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiYw==',
      name: 'prod',
    });
    const cases: [string, object, string][] = [
      ['acsIdentity.createUser', {}, 'Several resources are listed: name one with the "resource" option (its id, name or endpoint host).'],
      ['acsIdentity.issueToken', { userId: FOREIGN_USER }, 'Several resources are listed: name one with the "resource" option (its id, name or endpoint host).'],
      ['acsIdentity.deleteUser', {}, 'Delete User: the "userId" option is required (the ID of the user to act on).'],
      ['acsIdentity.revokeTokens', { resource: resourceId }, 'Revoke Tokens: the "userId" option is required (the ID of the user to act on).'],
      ['acsIdentity.forgetUser', {}, 'Remove User from List: the "userId" option is required (the ID of the user to act on).'],
      ['acsIdentity.copyToken', { resource: resourceId, userId: FOREIGN_USER }, `User ${FOREIGN_USER} is not in the list of "dev": add it with "Add Existing User by ID…" first.`],
      ['acsIdentity.removeResource', {}, 'Remove Resource: the "resource" option is required (its id, name or endpoint host).'],
      ['acsIdentity.addResource', { name: 'nameless' }, 'Add Resource: the "connectionString" option is required.'],
    ];
    for (const [command, options, expected] of cases) {
      assert.equal(await run(command, options), undefined, command);
      assert.deepEqual(
        api.messages.slice(-1).map((m) => [m.severity, m.text]),
        [['error', expected]],
        command,
      );
    }
    assert.deepEqual(api.prompts.records, [], 'no prompt was shown');
    assert.deepEqual((await children(api)).map((r) => r.label), ['dev', 'prod']);
    await run('acsIdentity.removeResource', { resource: prod.resourceId });
  });

  test('throttling (429) that outlasts the SDK retries is named', async () => {
    fixture.emulator.failNext(10, 429);
    assert.equal(await run('acsIdentity.createUser', { resource: resourceId }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      'Could not create a user in "dev". "dev" is throttling requests (429 Too Many Requests); the request was retried and still refused. Try again in a minute.',
    );
  });

  test('a throttled request that succeeds on retry just works', async () => {
    fixture.emulator.failNext(1, 429);
    const result = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'patient' });
    assert.ok(result?.userId, api.messages.at(-1)?.text);
    assert.ok((await userRows(api, 'dev')).some((row) => row.label === 'patient'));
  });

  test('a server error is reported as unexpected, with the details in the log', async () => {
    fixture.emulator.failNext(10, 500);
    assert.equal(await run('acsIdentity.createUser', { resource: resourceId }), undefined);
    assert.equal(api.messages.at(-1)?.text, 'Could not create a user in "dev". Unexpected error (500): see the "ACS Identities" output for details.');
    assert.deepEqual(api.messages.at(-1)?.actions, ['Show Log']);
  });

  test('an unreachable endpoint is named', async () => {
    const gone = await startEmulator({ port: 0 });
    let goneId: string;
    try {
      goneId = await addEmulatorResource(api, gone, 'gone');
    } finally {
      await gone.close();
    }
    const host = new URL(gone.endpoint).host;
    assert.equal(await run('acsIdentity.createUser', { resource: goneId }), undefined);
    assert.equal(api.messages.at(-1)?.text, `Could not create a user in "gone". Cannot reach ${host}: check the endpoint and the network connection.`);
    await run('acsIdentity.removeResource', { resource: goneId });
  });

  test('the local emulator: revoking is immediate; unreachable, the error offers to start it', async () => {
    const started = await run<{ resourceId: string }>('acsIdentity.startEmulator');
    assert.ok(started, api.messages.at(-1)?.text);
    try {
      const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: started.resourceId, label: 'quinn' });
      api.prompts.push('Revoke Tokens');
      const node = (await userRows(api, 'Local emulator')).find((r) => r.label === 'quinn')?.node;
      assert.ok(node);
      assert.deepEqual(await run('acsIdentity.revokeTokens', node), { userId });
      assert.equal(api.prompts.records[0].text, `Revoke all tokens of quinn in "Local emulator"?\nUser ID: ${userId}\nEvery token issued to this user stops working at once. The user itself is kept.`);
      assert.equal(api.messages.at(-1)?.text, 'Revoked the tokens of quinn.');

      await api.localEmulator.stop();
      assert.equal(await run('acsIdentity.issueToken', { resource: started.resourceId, userId }), undefined);
      const message = api.messages.at(-1);
      assert.match(message?.text ?? '', /^Could not issue a token for quinn\. Cannot reach the local emulator at /);
      assert.deepEqual(message?.actions, ['Start Local Emulator', 'Show Log']);
      await message?.press('Start Local Emulator');
      await waitFor(() => api.localEmulator.endpoint !== undefined, 'the local emulator to start');
      const issued = await run<{ userId: string }>('acsIdentity.issueToken', { resource: started.resourceId, userId });
      assert.ok(issued, api.messages.at(-1)?.text);
    } finally {
      await api.localEmulator.stop();
      await run('acsIdentity.removeResource', { resource: started.resourceId });
    }
  });
});
