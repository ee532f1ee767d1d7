// Teams users: an Entra ID token exchanged for an ACS token, from the palette (the token asked as a
// password, the ids prefilled from it) and from code; the Teams user under its own row of the
// resource; the service's refusals in plain words; the Entra ID token never shown nor kept.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { addEmulatorResource, children, ENTER, getApi, lastMessageText, removeAllResources, resourceRow, run, forgetPromptsAndMessages, assertTestEndedClean, type Harness, type Row } from './support';
import { useEmulator } from '../support/emulatorFixture';
import { entraIdToken } from '../unit/emulator/emulatorClient';

const RESOURCE = 'dev';
const APP_ID = '0a0b0000-0000-4000-8000-0000000000a1';
const OBJECT_ID = '0b1c0000-0000-4000-8000-0000000000c1';
const OTHER_OBJECT_ID = '0b1c0000-0000-4000-8000-0000000000c2';
const OTHER_GUID = '11111111-0000-4000-8000-000000000000';

interface Issued {
  userId: string;
  token: string;
  expiresOn: string;
}

function teamsToken(oid = OBJECT_ID, minutes = 60): string {
  return entraIdToken({ appid: APP_ID, oid, exp: Math.floor(Date.now() / 1000) + minutes * 60 });
}

suite('Teams users', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let resourceId: string;
  const secrets: string[] = [];

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, RESOURCE);
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(() => assertTestEndedClean(api, secrets));
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  async function teamsUsersRow(): Promise<Row | undefined> {
    return (await children(api, (await resourceRow(api, RESOURCE)).node)).find((row) => row.node.kind === 'teamsUsers');
  }

  test('from the palette: the Entra ID token as a password, the ids prefilled from it; the Teams user under "Teams users" with its token', async () => {
    const entra = teamsToken();
    secrets.push(entra);
    assert.equal(await teamsUsersRow(), undefined, 'no "Teams users" row before the first Teams user');
    api.prompts.push(entra, ENTER, ENTER);
    const issued = await run<Issued>('acsIdentity.exchangeTeamsUserToken');
    assert.ok(issued, lastMessageText(api));
    secrets.push(issued.token);
    assert.equal(issued.userId, `8:orgid:${OBJECT_ID}`);

    // One resource: not asked. The token is never proposed back; the ids come from its claims.
    assert.deepEqual(api.prompts.records.map((prompt) => [prompt.kind, prompt.proposed]), [
      ['input', undefined],
      ['input', APP_ID],
      ['input', OBJECT_ID],
    ]);
    assert.match(api.prompts.records[0].text, /Entra ID access token/);
    assert.deepEqual(
      api.messages.map((message) => [message.severity, message.actions]),
      [['info', ['Copy Token']]],
    );
    assert.match(lastMessageText(api), /^Teams user …0000000000c1 has a Communication Services token, valid until /);

    const group = await teamsUsersRow();
    assert.ok(group);
    assert.equal(group.label, 'Teams users');
    assert.equal(group.contextValue, 'acsTeamsUsers');
    const [user, ...others] = await children(api, group.node);
    assert.deepEqual(others, []);
    assert.equal(user.label, '…0000000000c1');
    assert.equal(user.description, '1 valid token');
    assert.equal(user.contextValue, 'acsTeamsUser;hasToken;hasValidToken');
    assert.match(user.tooltip, new RegExp(`Teams user, Entra ID object ID: ${OBJECT_ID}`));
    assert.match(user.tooltip, new RegExp(`User ID: 8:orgid:${OBJECT_ID}`));
    const tokens = await children(api, user.node);
    assert.deepEqual(tokens.map((token) => [token.label, token.description, token.contextValue]), [['chat, voip', 'expires in 59 min', 'acsToken;valid']]);
    // The Teams user is not one of the resource's ACS users.
    const resourceChildren = await children(api, (await resourceRow(api, RESOURCE)).node);
    assert.deepEqual(resourceChildren.map((row) => row.node.kind), ['teamsUsers']);
    assert.equal(api.tree.getTreeItem(group.node).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  test('a Teams user copies its token and shows its claims like any user', async () => {
    const group = await teamsUsersRow();
    assert.ok(group);
    const [user] = await children(api, group.node);
    await vscode.env.clipboard.writeText('before');
    await run('acsIdentity.copyToken', user.node);
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied.split('.').length, 3);
    assert.equal(lastMessageText(api), 'Copied a token of …0000000000c1 to the clipboard');
    const [token] = await children(api, user.node);
    const { uri } = await run<{ uri: string }>('acsIdentity.showTokenClaims', token.node);
    const shown = JSON.parse((await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText()) as { claims: Record<string, unknown> };
    assert.equal(shown.claims.skypeid, `orgid:${OBJECT_ID}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('from code: the token, the app and the user as options, never a prompt; a second exchange adds a token to the same Teams user', async () => {
    const entra = teamsToken(OBJECT_ID, 120);
    secrets.push(entra);
    const issued = await run<Issued>('acsIdentity.exchangeTeamsUserToken', { resource: resourceId, teamsToken: entra, appId: APP_ID, userObjectId: OBJECT_ID });
    secrets.push(issued.token);
    assert.deepEqual(Object.keys(issued).sort(), ['expiresOn', 'token', 'userId']);
    assert.equal(issued.userId, `8:orgid:${OBJECT_ID}`);
    assert.ok(Math.abs(Date.parse(issued.expiresOn) - (Date.now() + 120 * 60_000)) < 5000, issued.expiresOn);
    assert.deepEqual(api.prompts.records, []);
    const group = await teamsUsersRow();
    assert.ok(group);
    const users = await children(api, group.node);
    assert.equal(users.length, 1);
    assert.equal(users[0].description, '2 valid tokens');

    // Neither the Entra ID token nor the ACS token is in a record file; the ACS token only in SecretStorage.
    await api.whenIdle();
    const records = path.join(api.storageDirectory, 'records');
    for (const file of await filesUnder(records)) {
      const text = await fs.readFile(file, 'utf8');
      assert.ok(!text.includes(entra) && !text.includes(issued.token), `${file} holds a token`);
    }
    const stored = await Promise.all((await api.secretKeys()).map((key) => api.readSecret(key)));
    assert.ok(stored.includes(issued.token));
    assert.ok(!stored.includes(entra), 'the Entra ID token is stored');
  });

  test('from code, a missing input is named, and nothing is called', async () => {
    for (const [options, option] of [
      [{ appId: APP_ID, userObjectId: OBJECT_ID }, 'teamsToken'],
      [{ teamsToken: teamsToken(), userObjectId: OBJECT_ID }, 'appId'],
      [{ teamsToken: teamsToken(), appId: APP_ID, userObjectId: ' ' }, 'userObjectId'],
    ] as const) {
      assert.equal(await run('acsIdentity.exchangeTeamsUserToken', { resource: RESOURCE, ...options }), undefined);
      assert.equal(lastMessageText(api), `Exchange Teams User Token: the "${option}" option is required.`);
    }
    assert.deepEqual(api.prompts.records, []);
  });

  test("the service's refusals are said plainly, naming what to fix, and nothing is listed", async () => {
    const good = teamsToken(OTHER_OBJECT_ID);
    const expired = entraIdToken({ appid: APP_ID, oid: OTHER_OBJECT_ID, exp: Math.floor(Date.now() / 1000) - 60 });
    secrets.push(good, expired);
    const failed = `Could not exchange the Teams user token in "${RESOURCE}".`;
    const cases: [object, string][] = [
      [
        { teamsToken: expired, appId: APP_ID, userObjectId: OTHER_OBJECT_ID },
        `${failed} The service refused the Entra ID token: it has expired, is not an access token, or is not meant for Communication Services (audience https://auth.msft.communication.azure.com). Get a new token for the Teams user.`,
      ],
      [{ teamsToken: 'not-a-token', appId: APP_ID, userObjectId: OTHER_OBJECT_ID }, `${failed} The service refused the Entra ID token: it has expired, is not an access token, or is not meant for Communication Services (audience https://auth.msft.communication.azure.com). Get a new token for the Teams user.`],
      [{ teamsToken: good, appId: 'my-app', userObjectId: OTHER_OBJECT_ID }, `${failed} The application (client) ID must be a GUID, such as 00000000-0000-0000-0000-000000000000.`],
      [{ teamsToken: good, appId: APP_ID, userObjectId: 'alice@contoso.com' }, `${failed} The Teams user's object ID must be a GUID, such as 00000000-0000-0000-0000-000000000000.`],
      [
        { teamsToken: good, appId: OTHER_GUID, userObjectId: OTHER_OBJECT_ID },
        `${failed} The Entra ID token was not issued to the application ${OTHER_GUID}: give the client ID of the application the Teams user signed in to.`,
      ],
      [
        { teamsToken: good, appId: APP_ID, userObjectId: OTHER_GUID },
        `${failed} The Entra ID token belongs to another user than ${OTHER_GUID}: give the object ID of the Teams user who signed in.`,
      ],
    ];
    for (const [options, expected] of cases) {
      assert.equal(await run('acsIdentity.exchangeTeamsUserToken', { resource: RESOURCE, ...options }), undefined);
      assert.deepEqual(api.messages.slice(-1).map((message) => [message.severity, message.text]), [['error', expected]]);
    }
    const group = await teamsUsersRow();
    assert.ok(group);
    assert.deepEqual((await children(api, group.node)).map((row) => row.node.kind === 'user' && row.node.user.userId), [`8:orgid:${OBJECT_ID}`]);
  });

  test('the prompts refuse what is not a token or not a GUID, without repeating the token', async () => {
    const entra = teamsToken();
    secrets.push(entra);
    api.prompts.push('', 'not a token', entra, 'my-app', APP_ID, { escape: true });
    assert.equal(await run('acsIdentity.exchangeTeamsUserToken'), undefined);
    assert.deepEqual(
      api.prompts.records.map((prompt) => prompt.validationMessages),
      [
        ['Paste the access token the Teams user got from Entra ID.', 'This is not an access token: an Entra ID access token is a JWT, three base64url parts separated by dots.'],
        ['Enter a GUID, such as 00000000-0000-0000-0000-000000000000.'],
        [],
      ],
    );
    assert.deepEqual(api.messages, [], 'Escape says nothing');
  });

  test('Delete User on a selection leaves a Teams user selected with the ACS users alone', async () => {
    const first = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'first' });
    const second = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'second' });
    const rows = await children(api, (await resourceRow(api, RESOURCE)).node);
    const group = await teamsUsersRow();
    assert.ok(group);
    const [teamsUser] = await children(api, group.node);
    const acsUsers = rows.filter((row) => row.node.kind === 'user').map((row) => row.node);
    api.prompts.push('Delete 2 Users');
    const result = await run<{ userIds: string[] }>('acsIdentity.deleteUser', acsUsers[0], [...acsUsers, teamsUser.node]);
    assert.deepEqual(result.userIds.sort(), [first.userId, second.userId].sort());
    assert.equal(api.prompts.records[0].text.split('\n')[0], 'Delete 2 users?');
    assert.deepEqual((await children(api, (await resourceRow(api, RESOURCE)).node)).map((row) => row.node.kind), ['teamsUsers']);
    assert.equal((await children(api, group.node)).length, 1);
  });

  test('the commands that need an ACS user refuse a Teams user by name', async () => {
    const userId = `8:orgid:${OBJECT_ID}`;
    for (const [command, title] of [
      ['acsIdentity.issueToken', 'Issue Token'],
      ['acsIdentity.revokeTokens', 'Revoke Tokens'],
      ['acsIdentity.deleteUser', 'Delete User'],
    ]) {
      assert.equal(await run(command, { resource: RESOURCE, userId }), undefined);
      assert.equal(
        lastMessageText(api),
        `${title}: …0000000000c1 is a Teams user. Its tokens come from "Exchange Teams User Token…", and Azure Communication Services manages only its own users.`,
      );
    }
    // Remove from List works on it like on any user; the "Teams users" row goes with the last one.
    await run('acsIdentity.forgetUser', { resource: RESOURCE, userId });
    assert.equal(await teamsUsersRow(), undefined);
  });
});

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    files.push(...(entry.isDirectory() ? await filesUnder(full) : [full]));
  }
  return files;
}
