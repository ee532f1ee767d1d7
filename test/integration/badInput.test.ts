// Bad input other than connection strings: user IDs (Add Existing User by ID, and by code), labels,
// scopes and lifetimes from code, and options objects of the wrong shape. For each: the exact
// message a person sees, what the tree then shows, and no request sent for what is refused.
import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { shortenUserId } from '../../src/shared/identifiers';
import { useEmulator } from '../support/emulatorFixture';
import { addEmulatorResource, ESCAPE, getApi, messagesDuring, removeAllResources, run, tokenRows, userRow, userRows, forgetPromptsAndMessages, assertTestEndedClean, type Harness } from './support';

const RESOURCE = 'dev';
const TOKEN_LIKE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJza3lwZWlkIjoiYWNzOngiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLW9mLWEtdG9rZW4tcGFzdGVkLWJ5LW1pc3Rha2U';
const USER_ID_FORMAT = '(8:acs:<resource id>_<user id>)';
const OPTION_NAMES = 'resource, userId, tokenId, label, scopes, lifetimeMinutes, connectionString, name, count, labelPrefix, teamsToken, appId, userObjectId, file, format, azureResourceId, tenantId, authentication';

suite('Bad input', () => {
  const requests: string[] = [];
  const fixture = useEmulator({ throttle: false, log: (line) => requests.push(line) });
  let api: Harness;
  let resourceId: string;
  let resourceGuid: string;
  let key: string;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, RESOURCE);
    resourceGuid = fixture.emulator.resourceId;
    key = fixture.emulator.connectionString.split('accesskey=')[1];
  });
  setup(() => {
    forgetPromptsAndMessages(api);
    requests.length = 0;
  });
  teardown(() => assertTestEndedClean(api, [key, TOKEN_LIKE]));
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  /** Runs a command from code and returns what it showed; asserts nothing was sent to the service. */
  async function refusedFromCode(command: string, options: object): Promise<string[]> {
    const rowsBefore = (await userRows(api, RESOURCE)).map((row) => row.label);
    let result: unknown;
    const shown = await messagesDuring(api, async () => {
      result = await run(command, options);
    });
    assert.equal(result, undefined, `${command} ${JSON.stringify(options)} was not refused`);
    assert.deepEqual(requests, [], `${command} sent a request`);
    assert.deepEqual((await userRows(api, RESOURCE)).map((row) => row.label), rowsBefore, 'the list changed');
    return shown.map((message) => `${message.severity}: ${message.text}`);
  }

  test('user IDs: each refused ID is named for what it is, never repeated, and nothing joins the list', async () => {
    const cases: [string, string, string][] = [
      ['empty', '', `Enter the ID of an existing Communication Services user: 8:acs:<resource id>_<user id>.`],
      ['blanks', '   ', `Enter the ID of an existing Communication Services user: 8:acs:<resource id>_<user id>.`],
      ['a Teams user', '8:orgid:2f8c5b5a-7a1e-4b3c-9d2e-1f0a9b8c7d6e', `This is the ID of a Microsoft Teams user or guest, not of a Communication Services user ${USER_ID_FORMAT}.`],
      ['a phone number', '4:+14255550123', `This is a phone number, not a Communication Services user ID ${USER_ID_FORMAT}.`],
      ['2,000 characters', `8:acs:${resourceGuid}_${'a'.repeat(2000)}`, 'This is too long to be a Communication Services user ID (at most 256 characters): paste the ID alone.'],
      ['a control character', `8:acs:${resourceGuid}_abc\u0000def`, 'The user ID contains a line break, a tab or another invisible character: paste the ID alone.'],
      ['a line break inside', `8:acs:${resourceGuid}_abc\ndef`, 'The user ID contains a line break, a tab or another invisible character: paste the ID alone.'],
      ['a token pasted by mistake', TOKEN_LIKE, `This is not a Communication Services user ID ${USER_ID_FORMAT}.`],
      ['the connection string pasted by mistake', fixture.emulator.connectionString, `This is not a Communication Services user ID ${USER_ID_FORMAT}.`],
    ];
    for (const [name, userId, problem] of cases) {
      assert.deepEqual(await refusedFromCode('acsIdentity.addExistingUser', { resource: resourceId, userId }), [`error: The user was not added: ${problem}`], name);
      // The commands that take a user not in the list check it the same way before sending it.
      assert.deepEqual(await refusedFromCode('acsIdentity.issueToken', { resource: resourceId, userId }), [
        name === 'empty' || name === 'blanks' ? 'error: Issue Token: the "userId" option is required (the ID of the user to act on).' : `error: Issue Token: ${problem}`,
      ], name);

      api.prompts.clear();
      api.prompts.push(userId, ESCAPE);
      assert.equal(await run('acsIdentity.addExistingUser'), undefined, name);
      assert.deepEqual(api.prompts.records[0].validationMessages, [problem], name);
    }
    assert.deepEqual(requests, []);
  });

  test("user IDs: another resource's ID is added with a warning that the service will refuse it", async () => {
    const { userId: own } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'own' });
    const foreign = '8:acs:00000000-0000-0000-0000-000000000000_00000005-14a2-493b-8a72-5a3a0d000081';
    const shown = await messagesDuring(api, () => run('acsIdentity.addExistingUser', { resource: resourceId, userId: ` ${foreign} `, label: 'foreign' }));
    assert.deepEqual(shown.map((m) => [m.severity, m.text]), [
      ['warning', 'Added foreign to "dev", but its ID names another Communication Services resource than the other users of "dev": the service will refuse it.'],
    ]);
    assert.equal((await userRow(api, RESOURCE, foreign)).label, 'foreign');
    await run('acsIdentity.forgetUser', { resource: resourceId, userId: foreign });
    await run('acsIdentity.forgetUser', { resource: resourceId, userId: own });
  });

  test('labels: trimmed, controls and bidi overrides removed, right-to-left text kept, too long refused; the tree shows the result', async () => {
    const cases: [string, string, string | undefined][] = [
      ['empty', '', undefined],
      ['blanks', '   ', undefined],
      ['padded', '  padded  ', 'padded'],
      ['a line break', 'alice\nbob', 'alice bob'],
      ['control characters', 'eve\u0000\u0007', 'eve'],
      ['right-to-left text', 'مستخدم الاختبار', 'مستخدم الاختبار'],
      ['a right-to-left override', 'invoice\u202Egnp.exe', 'invoicegnp.exe'],
      ['100 characters', 'x'.repeat(100), 'x'.repeat(100)],
    ];
    for (const [name, label, shown] of cases) {
      const created = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label });
      assert.ok(created, `${name}: ${api.messages.at(-1)?.text}`);
      const row = await userRow(api, RESOURCE, created.userId);
      assert.equal(row.label, shown ?? shortenUserId(created.userId), name);
      assert.equal(api.messages.at(-1)?.text, `Created user ${shown ?? shortenUserId(created.userId)} in "dev".`, name);
      await run('acsIdentity.forgetUser', { resource: resourceId, userId: created.userId });
    }

    requests.length = 0;
    assert.deepEqual(await refusedFromCode('acsIdentity.createUser', { resource: resourceId, label: 'x'.repeat(1000) }), [
      'error: Create User: A label is at most 100 characters long; this one has 1,000.',
    ]);
    assert.deepEqual(await refusedFromCode('acsIdentity.createUserAndToken', { resource: resourceId, label: 'x'.repeat(101) }), [
      'error: Create User and Issue Token: A label is at most 100 characters long; this one has 101.',
    ]);

    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'renamed' });
    requests.length = 0;
    assert.deepEqual(await refusedFromCode('acsIdentity.renameUser', { resource: resourceId, userId, label: 'y'.repeat(1000) }), [
      'error: Rename User: A label is at most 100 characters long; this one has 1,000.',
    ]);
    assert.equal((await userRow(api, RESOURCE, userId)).label, 'renamed');
    api.prompts.push('y'.repeat(1000), 'line\none');
    const node = (await userRow(api, RESOURCE, userId)).node;
    assert.deepEqual(await run('acsIdentity.renameUser', node), { userId, label: 'line one' });
    assert.deepEqual(api.prompts.records[0].validationMessages, ['A label is at most 100 characters long; this one has 1,000.']);
    assert.equal((await userRow(api, RESOURCE, userId)).label, 'line one');
    api.prompts.clear();
    await run('acsIdentity.forgetUser', { resource: resourceId, userId });
  });

  test('scopes and lifetimes from code: what the service would refuse is refused first, by name', async () => {
    const sdk = new CommunicationIdentityClient(fixture.emulator.connectionString, { allowInsecureConnection: true });
    const userId = (await sdk.createUser()).communicationUserId;
    await run('acsIdentity.addExistingUser', { resource: resourceId, userId, label: 'scoped' });
    requests.length = 0;
    const scopeList = 'The scopes are chat, voip, chat.join, chat.join.limited and voip.join.';
    const lifetimeRange = (value: string): string => `error: A token lifetime is a whole number of minutes from 60 to 1440, not ${value}.`;
    const cases: [string, object, string][] = [
      ['an unknown scope', { scopes: ['pstn'] }, `error: Unknown token scope: pstn. ${scopeList}`],
      ['a scope in the wrong case', { scopes: ['Chat'] }, `error: Unknown token scope: Chat. ${scopeList}`],
      ['a huge scope', { scopes: ['x'.repeat(2000)] }, `error: Unknown token scope: ${'x'.repeat(29)}…. ${scopeList}`],
      ['no scope', { scopes: [] }, 'error: Choose at least one scope: the service does not issue a token without scopes.'],
      ['scopes as a string', { scopes: 'chat' }, 'error: acsIdentity.issueToken: the "scopes" option must be an array of strings.'],
      ['a scope that is a number', { scopes: [42] }, 'error: acsIdentity.issueToken: the "scopes" option must be an array of strings.'],
      ['59 minutes', { lifetimeMinutes: 59 }, lifetimeRange('59')],
      ['1441 minutes', { lifetimeMinutes: 1441 }, lifetimeRange('1441')],
      ['60.5 minutes', { lifetimeMinutes: 60.5 }, lifetimeRange('60.5')],
      ['0 minutes', { lifetimeMinutes: 0 }, lifetimeRange('0')],
      ['-60 minutes', { lifetimeMinutes: -60 }, lifetimeRange('-60')],
      ['NaN minutes', { lifetimeMinutes: Number.NaN }, 'error: acsIdentity.issueToken: the "lifetimeMinutes" option must be a number.'],
      ['infinite minutes', { lifetimeMinutes: Number.POSITIVE_INFINITY }, 'error: acsIdentity.issueToken: the "lifetimeMinutes" option must be a number.'],
      ['"60" as a string', { lifetimeMinutes: '60' }, 'error: acsIdentity.issueToken: the "lifetimeMinutes" option must be a number.'],
      ['null minutes', { lifetimeMinutes: null }, 'error: acsIdentity.issueToken: the "lifetimeMinutes" option must be a number.'],
      ['a misspelt option', { lifetime: 60 }, `error: acsIdentity.issueToken: there is no option "lifetime"; the options are ${OPTION_NAMES}.`],
    ];
    for (const [name, options, message] of cases) {
      assert.deepEqual(await refusedFromCode('acsIdentity.issueToken', { resource: resourceId, userId, ...options }), [message], name);
    }
    assert.deepEqual(await tokenRows(api, RESOURCE, userId), [], 'no token was issued');

    const accepted: [object, string, string][] = [
      [{ scopes: ['chat', 'chat'], lifetimeMinutes: 60 }, 'chat', 'expires in 59 min'],
      [{ scopes: ['voip.join', 'chat.join.limited'], lifetimeMinutes: 1440 }, 'voip.join, chat.join.limited', 'expires in 23 h 59 min'],
    ];
    for (const [options, scopes, expiry] of accepted) {
      const issued = await run<{ token: string }>('acsIdentity.issueToken', { resource: resourceId, userId, ...options });
      assert.ok(issued, api.messages.at(-1)?.text);
      assert.deepEqual((await tokenRows(api, RESOURCE, userId)).map((row) => [row.label, row.description])[0], [scopes, expiry]);
    }
    await run('acsIdentity.forgetUser', { resource: resourceId, userId });
  });

  test('options objects of the wrong shape are refused by name before anything happens, and never repeat a secret', async () => {
    const cases: [string, object, string[]][] = [
      ['acsIdentity.createUser', { resource: 42 }, ['error: acsIdentity.createUser: the "resource" option must be a string.']],
      ['acsIdentity.deleteUser', { userId: 42 }, ['error: acsIdentity.deleteUser: the "userId" option must be a string.']],
      ['acsIdentity.addResource', { connectionString: { endpoint: fixture.emulator.endpoint } }, ['error: acsIdentity.addResource: the "connectionString" option must be a string.']],
      ['acsIdentity.renameUser', { userId: 'x', label: ['a'] }, ['error: acsIdentity.renameUser: the "label" option must be a string.']],
      ['acsIdentity.createUsersInBulk', { count: '10' }, ['error: acsIdentity.createUsersInBulk: the "count" option must be a number.']],
      [
        'acsIdentity.deleteUser',
        { userID: '8:acs:x', force: true },
        [
          `error: acsIdentity.deleteUser: there is no option "userID"; the options are ${OPTION_NAMES}.`,
          `error: acsIdentity.deleteUser: there is no option "force"; the options are ${OPTION_NAMES}.`,
        ],
      ],
      ['acsIdentity.createUser', { resource: fixture.emulator.connectionString }, [`error: There is no resource "endpoint=${fixture.emulator.endpoint};accesskey=***" in the list.`]],
      ['acsIdentity.createUser', { resource: 'dev\nprod' }, ['error: There is no resource "dev prod" in the list.']],
    ];
    for (const [command, options, expected] of cases) {
      assert.deepEqual(await refusedFromCode(command, options), expected, `${command} ${JSON.stringify(options)}`);
    }
    assert.deepEqual(api.prompts.records, [], 'code is never prompted');
  });
});
