// The bad-input matrix of connection strings (test/support/connectionStringCases.ts), through Add
// Resource from code and from the palette's input box: the exact message a person sees for each
// refused string, the resource added for each accepted one, and, for the refused ones, nothing
// stored and nothing sent (the emulator, whose endpoint some cases name, sees no request at all).
import * as assert from 'node:assert/strict';
import type { ConnectionStringProblem } from '../../src/core/connectionString';
import { connectionStringCases, MATRIX_KEY } from '../support/connectionStringCases';
import { useEmulator } from '../support/emulatorFixture';
import { assertNoSecretShown, children, ESCAPE, forgetPromptsAndMessages, getApi, messagesDuring, removeAllResources, run, type Harness } from './support';

/** What the person reads for each problem (the service's name goes in for another service's string). */
const MESSAGES: Readonly<Record<ConnectionStringProblem, (service: string) => string>> = {
  empty: () => 'Paste the connection string from the Keys page of the resource in the Azure portal.',
  severalConnectionStrings: () => 'The text holds more than one connection string: paste only one of them (the primary or the secondary).',
  otherService: (service) =>
    `This is a connection string of ${service}, not of Azure Communication Services: copy the one on the Keys page of your Communication Services resource (endpoint=https://<name>.communication.azure.com/;accesskey=…).`,
  onlyAccessKey: () => 'This is an access key alone: paste the whole connection string (endpoint=…;accesskey=…) from the Keys page of the resource.',
  onlyEndpoint: () => 'This is an endpoint alone: paste the whole connection string (endpoint=…;accesskey=…) from the Keys page of the resource.',
  missingEndpoint: () => 'The connection string has no "endpoint=" field.',
  missingAccessKey: () => 'The connection string has no "accesskey=" field.',
  duplicateField: () => 'The connection string has the same field twice.',
  unknownField: () => 'The connection string has a field other than "endpoint" and "accesskey": paste it as the Keys page of the resource shows it.',
  endpointNotUrl: () => 'The endpoint is not a URL such as https://<name>.communication.azure.com/.',
  endpointNotHttps: () => 'The endpoint must use https (plain http is accepted only for localhost).',
  endpointHasPath: () => 'The endpoint must not have a path: use only https://<name>.communication.azure.com/.',
  endpointHasQuery: () => 'The endpoint must not have a query or a fragment.',
  endpointIsIpv6: () => 'The endpoint is an IPv6 address, which the Azure SDK cannot connect to: use 127.0.0.1 instead of [::1] for the local emulator, or a host name.',
  accessKeyNotBase64: () => 'The access key is not valid base64 (copy it again from the Azure portal).',
  accessKeyIncomplete: () => 'The access key is cut off or has extra characters: copy it again, whole, from the Keys page of the resource.',
  accessKeyTooShort: () =>
    'The access key is too short to be a Communication Services key (those are 88 characters long): copy the connection string again from the Keys page of the resource.',
};

suite('Connection strings as people paste them', () => {
  const requests: string[] = [];
  const fixture = useEmulator({ throttle: false, log: (line) => requests.push(line) });
  let api: Harness;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
  });
  setup(() => {
    forgetPromptsAndMessages(api);
    requests.length = 0;
  });
  teardown(async () => {
    await removeAllResources(api);
  });

  function cases(): ReturnType<typeof connectionStringCases> {
    const emulator = fixture.emulator;
    return connectionStringCases({ endpoint: emulator.endpoint, accessKey: emulator.connectionString.split('accesskey=')[1] });
  }

  test('from code: each refused string gets its exact message and leaves nothing stored or sent; each accepted one is stored in its canonical form', async () => {
    const all = cases();
    assert.ok(all.length >= 50);
    for (const { title, text, outcome } of all) {
      const shown = await messagesDuring(api, async () => {
        const result = await run<{ resourceId: string } | undefined>('acsIdentity.addResource', { connectionString: text, name: 'pasted' });
        if ('accepted' in outcome) {
          assert.ok(result, `${title}: refused (${api.messages.at(-1)?.text})`);
          const stored = await api.readSecret(`acsIdentity.connectionString/${result.resourceId}`);
          assert.match(stored ?? '', new RegExp(`^endpoint=${outcome.accepted.endpoint.replace(/[.?*+^$()[\]\\/]/g, '\\$&')};accesskey=[A-Za-z0-9+/]+={0,2}$`), title);
          assert.deepEqual((await children(api)).map((row) => [row.label, row.description]), [['pasted', outcome.accepted.host]], title);
          await run('acsIdentity.removeResource', { resource: result.resourceId });
        } else {
          assert.equal(result, undefined, title);
        }
      });
      if (!('accepted' in outcome)) {
        assert.deepEqual(
          shown.map(({ severity, text: shownText }) => [severity, shownText]),
          [['error', `The connection string was not added: ${MESSAGES[outcome.problem](outcome.service ?? '')}`]],
          title,
        );
        assert.deepEqual(await children(api), [], `${title}: a resource is listed`);
        assert.deepEqual(await api.secretKeys(), [], `${title}: a secret is stored`);
      }
    }
    assert.deepEqual(api.prompts.records, [], 'code is never prompted');
    assert.deepEqual(requests, [], 'the emulator saw a request');
    assertNoSecretShown(api, [MATRIX_KEY, fixture.emulator.connectionString.split('accesskey=')[1]]);
  });

  test('from the palette: the input box says the same for each refused string, and takes each accepted one', async () => {
    for (const { title, text, outcome } of cases()) {
      api.prompts.clear();
      api.prompts.push(text, ESCAPE);
      assert.equal(await run('acsIdentity.addResource'), undefined, title);
      const [connectionPrompt, namePrompt] = api.prompts.records;
      if ('accepted' in outcome) {
        assert.deepEqual(connectionPrompt.validationMessages, [], title);
        assert.equal(namePrompt?.kind, 'input', `${title}: the name is asked next`);
        assert.equal(api.prompts.pending, 0, title);
      } else {
        assert.deepEqual(connectionPrompt.validationMessages, [MESSAGES[outcome.problem](outcome.service ?? '')], title);
        assert.equal(namePrompt, undefined, title);
      }
    }
    assert.deepEqual(await children(api), []);
    assert.deepEqual(await api.secretKeys(), []);
    assert.deepEqual(requests, [], 'the emulator saw a request');
    assert.deepEqual(api.messages, [], 'the input box alone tells what is wrong');
  });

  test('a connection string pasted as a .env line is used, never echoed; the resource then works', async () => {
    const line = `COMMUNICATION_SERVICES_CONNECTION_STRING="${fixture.emulator.connectionString}"`;
    const added = await run<{ resourceId: string; name: string }>('acsIdentity.addResource', { connectionString: line, name: 'from-env-file' });
    assert.ok(added, api.messages.at(-1)?.text);
    assert.equal(await api.readSecret(`acsIdentity.connectionString/${added.resourceId}`), fixture.emulator.connectionString);
    const created = await run<{ userId: string }>('acsIdentity.createUser', { resource: added.resourceId, label: 'works' });
    assert.match(created?.userId ?? '', /^8:acs:/, api.messages.at(-1)?.text);
    assertNoSecretShown(api, [fixture.emulator.connectionString.split('accesskey=')[1]]);
  });
});
