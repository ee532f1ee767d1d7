// Adding and removing resources: validation before storing, SecretStorage contents, the tree's
// top level, the quickstarts' environment variable, confirmation of removal.
import * as assert from 'node:assert/strict';
import { children, ENTER, ESCAPE, forgetPromptsAndMessages, getApi, lastMessageText, messagesDuring, removeAllResources, resourceRow, run, type Harness } from './support';
import { useEmulator } from '../support/emulatorFixture';

const KEY = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=';

suite('Resources', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;

  suiteSetup(async () => {
    api = await getApi();
  });
  setup(async () => {
    await removeAllResources(api);
    forgetPromptsAndMessages(api);
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
    delete process.env.COMMUNICATION_SERVICES_CONNECTION_STRING;
  });

  test('addResource with options stores the connection string in SecretStorage only and lists the resource', async () => {
    const result = await run<{ resourceId: string; name: string }>('acsIdentity.addResource', { connectionString: fixture.emulator.connectionString, name: 'dev' });
    assert.equal(result.name, 'dev');
    const rows = await children(api);
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      [['dev', new URL(fixture.emulator.endpoint).host]],
    );
    assert.match(rows[0].contextValue, /^acsResource(;|$)/);
    assert.equal(lastMessageText(api), `Added "dev" (${new URL(fixture.emulator.endpoint).host}).`);
    assert.deepEqual(await api.secretKeys(), [`acsIdentity.connectionString/${result.resourceId}`]);
    assert.equal(await api.readSecret(`acsIdentity.connectionString/${result.resourceId}`), fixture.emulator.connectionString);
  });

  test('several resources side by side, sorted by name', async () => {
    await run('acsIdentity.addResource', { connectionString: `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`, name: 'prod' });
    await run('acsIdentity.addResource', { connectionString: `endpoint=https://contoso-test.unitedstates.communication.azure.com/;accesskey=${KEY}`, name: 'test' });
    await run('acsIdentity.addResource', { connectionString: fixture.emulator.connectionString, name: 'dev' });
    assert.deepEqual(
      (await children(api)).map((r) => [r.label, r.description]),
      [
        ['dev', new URL(fixture.emulator.endpoint).host],
        ['prod', 'prod.communication.azure.com'],
        ['test', 'contoso-test.unitedstates.communication.azure.com'],
      ],
    );
  });

  test('a bad connection string gets a message naming what is wrong, never the key, and nothing is stored', async () => {
    const cases: [string, RegExp][] = [
      ['', /Paste the connection string/],
      [`accesskey=${KEY}`, /no "endpoint=" field/],
      ['endpoint=https://x.communication.azure.com/', /no "accesskey=" field/],
      [`endpoint=http://x.communication.azure.com/;accesskey=${KEY}`, /must use https/],
      [`endpoint=https://x.communication.azure.com/identities;accesskey=${KEY}`, /must not have a path/],
      [`endpoint=https://x.communication.azure.com/;accesskey=${KEY.slice(0, -2)}!*`, /not valid base64/],
      [`endpoint=https://x.communication.azure.com/;accesskey=${KEY};foo=bar`, /field other than/],
      ['not a connection string at all', /field other than|no "endpoint="/],
    ];
    for (const [text, expected] of cases) {
      const result = await run('acsIdentity.addResource', { connectionString: text, name: 'bad' });
      assert.equal(result, undefined);
      const message = api.messages.at(-1);
      assert.equal(message?.severity, 'error');
      assert.match(message?.text ?? '', /^The connection string was not added: /);
      assert.match(message?.text ?? '', expected, text);
      assert.ok(!message?.text.includes(KEY.slice(0, 20)), 'the key is echoed');
    }
    assert.deepEqual(await children(api), []);
    assert.deepEqual(await api.secretKeys(), []);
  });

  test('the same endpoint again updates the connection string of the listed resource', async () => {
    const first = await run<{ resourceId: string }>('acsIdentity.addResource', { connectionString: `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`, name: 'prod' });
    const rotated = 'bmV3LWtleS1hZnRlci1yb3RhdGlvbi0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3OA==';
    const second = await run<{ resourceId: string; name: string }>('acsIdentity.addResource', {
      connectionString: `Endpoint=https://prod.communication.azure.com;AccessKey=${rotated}`,
      name: 'ignored',
    });
    assert.equal(second.resourceId, first.resourceId);
    assert.equal(second.name, 'prod');
    assert.deepEqual((await children(api)).map((r) => r.label), ['prod']);
    assert.equal(await api.readSecret(`acsIdentity.connectionString/${first.resourceId}`), `endpoint=https://prod.communication.azure.com/;accesskey=${rotated}`);
    assert.match(lastMessageText(api), /was already in the list: its connection string was updated/);
  });

  test('from the palette, the same endpoint again asks before replacing the connection string; the resource keeps its id and name', async () => {
    const first = await run<{ resourceId: string }>('acsIdentity.addResource', { connectionString: `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`, name: 'prod' });
    const rotated = 'bmV3LWtleS1hZnRlci1yb3RhdGlvbi0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3OA==';
    const secretKey = `acsIdentity.connectionString/${first.resourceId}`;

    api.prompts.push(`endpoint=https://prod.communication.azure.com/;accesskey=${rotated}`, ESCAPE);
    assert.equal(await run('acsIdentity.addResource'), undefined);
    const modal = api.prompts.records.at(-1);
    assert.equal(modal?.kind, 'modal');
    assert.equal(modal?.text, 'prod.communication.azure.com is already listed as "prod". Replace its connection string?');
    assert.deepEqual(modal?.choices, ['Replace']);
    assert.equal(await api.readSecret(secretKey), `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`);

    api.prompts.push(`endpoint=https://prod.communication.azure.com/;accesskey=${rotated}`, 'Replace');
    assert.deepEqual(await run('acsIdentity.addResource'), { resourceId: first.resourceId, name: 'prod' });
    assert.equal(await api.readSecret(secretKey), `endpoint=https://prod.communication.azure.com/;accesskey=${rotated}`);
    assert.deepEqual((await children(api)).map((r) => r.label), ['prod']);
  });

  test('from the palette: a password input box validates, then Enter on the name takes the proposed one', async () => {
    api.prompts.push(`endpoint=https://x.communication.azure.com/;accesskey=${KEY}x`, `endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`, ENTER);
    const result = await run<{ name: string }>('acsIdentity.addResource');
    assert.equal(result.name, 'contoso');
    const [connectionPrompt, namePrompt] = api.prompts.records;
    assert.equal(connectionPrompt.kind, 'input');
    assert.deepEqual(connectionPrompt.validationMessages, ['The access key is not valid base64 (copy it again from the Azure portal).']);
    assert.equal(namePrompt.proposed, 'contoso');
    assert.deepEqual((await children(api)).map((r) => [r.label, r.description]), [['contoso', 'contoso.communication.azure.com']]);
  });

  test('Escape at any prompt adds nothing', async () => {
    api.prompts.push(ESCAPE);
    assert.equal(await run('acsIdentity.addResource'), undefined);
    api.prompts.push(fixture.emulator.connectionString, ESCAPE);
    assert.equal(await run('acsIdentity.addResource'), undefined);
    assert.deepEqual(await children(api), []);
  });

  test('COMMUNICATION_SERVICES_CONNECTION_STRING is offered first when set', async () => {
    process.env.COMMUNICATION_SERVICES_CONNECTION_STRING = fixture.emulator.connectionString;
    try {
      api.prompts.push(ENTER, 'from-env');
      const result = await run<{ name: string }>('acsIdentity.addResource');
      assert.equal(result.name, 'from-env');
      const picker = api.prompts.records[0];
      assert.equal(picker.kind, 'quickPick');
      assert.deepEqual(picker.choices, ['Use COMMUNICATION_SERVICES_CONNECTION_STRING', 'Enter a connection string…']);
      const resource = await resourceRow(api, 'from-env');
      assert.equal(resource.description, new URL(fixture.emulator.endpoint).host);
    } finally {
      delete process.env.COMMUNICATION_SERVICES_CONNECTION_STRING;
    }
  });

  test('an invalid COMMUNICATION_SERVICES_CONNECTION_STRING is refused with the reason, without its key', async () => {
    process.env.COMMUNICATION_SERVICES_CONNECTION_STRING = `endpoint=https://x.communication.azure.com/path;accesskey=${KEY}`;
    try {
      api.prompts.push('Use COMMUNICATION_SERVICES_CONNECTION_STRING');
      assert.equal(await run('acsIdentity.addResource'), undefined);
      assert.equal(api.prompts.records[0].choices.length, 2);
      assert.match(lastMessageText(api), /COMMUNICATION_SERVICES_CONNECTION_STRING does not hold a valid connection string: The endpoint must not have a path/);
      assert.ok(!lastMessageText(api).includes(KEY));
    } finally {
      delete process.env.COMMUNICATION_SERVICES_CONNECTION_STRING;
    }
  });

  test('removeResource from the tree asks a modal confirmation naming it; Escape keeps it, Remove deletes its secrets', async () => {
    const { resourceId } = await run<{ resourceId: string }>('acsIdentity.addResource', { connectionString: fixture.emulator.connectionString, name: 'dev' });
    const { userId } = await run<{ userId: string }>('acsIdentity.createUserAndToken', { resource: resourceId, label: 'alice' });
    const keys = await api.secretKeys();
    assert.equal(keys.length, 2, 'a connection string and a token');
    const node = (await resourceRow(api, 'dev')).node;

    api.prompts.push(ESCAPE);
    assert.equal(await run('acsIdentity.removeResource', node), undefined);
    const modal = api.prompts.records.at(-1);
    assert.equal(modal?.kind, 'modal');
    assert.match(modal?.text ?? '', new RegExp(`^Remove "dev" \\(${new URL(fixture.emulator.endpoint).host.replace(/\./g, '\\.')}\\) from VS Code\\?`));
    assert.match(modal?.text ?? '', /the user recorded for it, with its tokens, are deleted from VS Code\. Nothing is deleted in Azure\./);
    assert.deepEqual(modal?.choices, ['Remove']);
    assert.deepEqual((await children(api)).map((r) => r.label), ['dev']);

    const shown = await messagesDuring(api, async () => {
      api.prompts.push('Remove');
      assert.deepEqual(await run('acsIdentity.removeResource', node), { resourceId });
    });
    assert.deepEqual(shown, [{ severity: 'info', text: 'Removed "dev".', actions: [] }]);
    assert.deepEqual(await children(api), []);
    for (const key of keys) {
      assert.equal(await api.readSecret(key), undefined, `${key} is still stored`);
    }
    assert.ok(userId);
  });

  test('from the palette with several resources, the resource is picked; with none, a message offers to add one', async () => {
    assert.equal(await run('acsIdentity.removeResource'), undefined);
    assert.equal(api.messages.at(-1)?.text, 'There is no Communication Services resource yet: add one first.');
    assert.deepEqual(api.messages.at(-1)?.actions, ['Add Resource']);

    await run('acsIdentity.addResource', { connectionString: fixture.emulator.connectionString, name: 'dev' });
    await run('acsIdentity.addResource', { connectionString: `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`, name: 'prod' });
    api.prompts.push('prod', 'Remove');
    await run('acsIdentity.removeResource');
    assert.deepEqual(api.prompts.records[0].choices, ['dev', 'prod']);
    assert.deepEqual((await children(api)).map((r) => r.label), ['dev']);
  });
});
