// Users and tokens against the emulator: every user command through executeCommand (options,
// tree nodes, and the palette through the prompt queue), the tree after each, the clipboard,
// SecretStorage, and what the messages say.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { shortenUserId } from '../../src/shared/identifiers';
import { addEmulatorResource, ENTER, ESCAPE, getApi, lastMessageText, messagesDuring, removeAllResources, run, tokenRows, userRow, userRows, waitFor, forgetPromptsAndMessages, assertTestEndedClean, type Harness } from './support';
import { useEmulator } from '../support/emulatorFixture';

interface Issued {
  userId: string;
  token: string;
  expiresOn: string;
}

const RESOURCE = 'dev';

suite('Users and tokens', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let resourceId: string;
  const issuedTokens: string[] = [];

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, RESOURCE);
  });
  setup(async () => {
    forgetPromptsAndMessages(api);
    await vscode.workspace.getConfiguration('acsIdentity').update('defaultScopes', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('acsIdentity').update('tokenLifetimeMinutes', undefined, vscode.ConfigurationTarget.Global);
  });
  teardown(() => assertTestEndedClean(api, [...issuedTokens, fixture.emulator.connectionString.split('accesskey=')[1]]));
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  async function createUserAndToken(options: object = {}): Promise<Issued> {
    const issued = await run<Issued>('acsIdentity.createUserAndToken', { resource: resourceId, ...options });
    assert.ok(issued, `createUserAndToken failed: ${lastMessageText(api)}`);
    issuedTokens.push(issued.token);
    return issued;
  }

  test('createUser with options: the user is listed with its label, no token yet', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'bob' });
    assert.match(userId, /^8:acs:/);
    const user = await userRow(api, RESOURCE, userId);
    assert.equal(user.label, 'bob');
    assert.equal(user.description, 'no valid token');
    assert.match(user.tooltip, new RegExp(`User ID: ${userId}`));
    assert.match(user.tooltip, /Created: /);
    assert.match(user.tooltip, /No token issued through VS Code/);
    assert.equal(user.contextValue, 'acsUser');
    assert.equal(lastMessageText(api), `Created user bob in "${RESOURCE}".`);
    assert.deepEqual(api.messages.at(-1)?.actions, ['Issue Token']);
  });

  test('the "Issue Token" button of "Created user…" asks scopes and lifetime, as a person clicked it', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'bea' });
    const created = api.messages.at(-1);
    assert.equal(created?.text, `Created user bea in "${RESOURCE}".`);
    api.prompts.push(['voip'], '90');
    await created?.press('Issue Token');
    assert.deepEqual(api.prompts.records.map((p) => p.kind), ['multiPick', 'input']);
    assert.deepEqual((await tokenRows(api, RESOURCE, userId)).map((t) => [t.label, t.description]), [['voip', 'expires in 1 h 29 min']]);
    assert.match(lastMessageText(api), /^Issued a token \(voip\) for bea, valid until /);
  });

  test('cancelling a creation warns that the user may exist in ACS all the same', async () => {
    fixture.emulator.setLatency(60_000);
    try {
      for (const command of ['acsIdentity.createUser', 'acsIdentity.createUserAndToken']) {
        const pending = run(command, { resource: resourceId, label: 'ghost' });
        await waitFor(() => api.progress.titles.length > 0, 'the progress notification');
        assert.deepEqual(api.progress.titles, [
          command === 'acsIdentity.createUser' ? `Creating a user in "${RESOURCE}"…` : `Creating a user with a token in "${RESOURCE}"…`,
        ]);
        api.progress.cancel(api.progress.titles[0]);
        assert.equal(await pending, undefined);
        assert.deepEqual(
          api.messages.slice(-1).map((m) => [m.severity, m.text]),
          [
            [
              'warning',
              `Creating a user in "${RESOURCE}" was cancelled, but the request had been sent: the user may have been created in Azure Communication Services all the same. The service cannot list users, so it is not in the list.`,
            ],
          ],
        );
      }
    } finally {
      fixture.emulator.clearFaults();
    }
    assert.ok(!(await userRows(api, RESOURCE)).some((u) => u.label === 'ghost'));
  });

  test('createUserAndToken returns the token; the tree shows the user, its valid token, scopes and expiry', async () => {
    const issued = await createUserAndToken({ label: 'alice', scopes: ['chat', 'voip'], lifetimeMinutes: 1440 });
    assert.equal(issued.token.split('.').length, 3);
    const expiresInMs = Date.parse(issued.expiresOn) - Date.now();
    assert.ok(expiresInMs > 1439 * 60_000 && expiresInMs <= 1440 * 60_000, `expires in ${expiresInMs} ms`);

    const user = await userRow(api, RESOURCE, issued.userId);
    assert.equal(user.label, 'alice');
    assert.equal(user.description, '1 valid token');
    assert.equal(user.contextValue, 'acsUser;hasToken;hasValidToken');
    assert.match(user.tooltip, /Latest token: chat, voip, expires in 23 h 59 min/);
    const tokens = await tokenRows(api, RESOURCE, issued.userId);
    assert.deepEqual(tokens.map((t) => [t.label, t.description, t.contextValue]), [['chat, voip', 'expires in 23 h 59 min', 'acsToken;valid']]);

    // The token value is in SecretStorage under the token's key, and nowhere in the tree.
    const tokenNode = tokens[0].node;
    assert.ok(tokenNode.kind === 'token');
    const key = `acsIdentity.token/${resourceId}/${tokenNode.token.tokenId}`;
    assert.ok((await api.secretKeys()).includes(key));
    assert.equal(await api.readSecret(key), issued.token);
    assert.ok(!JSON.stringify([user.tooltip, tokens[0].tooltip]).includes(issued.token));
    assert.match(lastMessageText(api), /^Created user alice in "dev" with a token \(chat, voip\) valid until /);
  });

  test('issueToken with options: scopes and lifetime as given; the user counts two valid tokens, newest first', async () => {
    const first = await createUserAndToken({ label: 'carol' });
    const second = await run<Issued>('acsIdentity.issueToken', { resource: resourceId, userId: first.userId, scopes: ['voip.join', 'chat.join'], lifetimeMinutes: 60 });
    issuedTokens.push(second.token);
    assert.equal(second.userId, first.userId);
    const minutesLeft = (Date.parse(second.expiresOn) - Date.now()) / 60_000;
    assert.ok(minutesLeft > 59 && minutesLeft <= 60);
    assert.equal((await userRow(api, RESOURCE, first.userId)).description, '2 valid tokens');
    const tokens = await tokenRows(api, RESOURCE, first.userId);
    assert.deepEqual(tokens.map((t) => [t.label, t.description]), [
      ['voip.join, chat.join', 'expires in 59 min'],
      ['chat, voip', 'expires in 23 h 59 min'],
    ]);
    assert.match(lastMessageText(api), /^Issued a token \(voip\.join, chat\.join\) for carol, valid until /);
    assert.deepEqual(api.messages.at(-1)?.actions, ['Copy Token']);
  });

  test('from the palette, Enter through every prompt gives a user with a token of the default scopes and lifetime', async () => {
    await vscode.workspace.getConfiguration('acsIdentity').update('defaultScopes', ['chat', 'voip.join'], vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('acsIdentity').update('tokenLifetimeMinutes', 120, vscode.ConfigurationTarget.Global);
    api.prompts.push(ENTER, ENTER, ENTER);
    const issued = await run<Issued>('acsIdentity.createUserAndToken');
    issuedTokens.push(issued.token);
    // One resource: not asked. Then label, scopes, lifetime.
    assert.deepEqual(
      api.prompts.records.map((p) => p.kind),
      ['input', 'multiPick', 'input'],
    );
    assert.deepEqual(api.prompts.records[1].choices, ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join']);
    assert.deepEqual(api.prompts.records[1].proposed, ['chat', 'voip.join']);
    assert.equal(api.prompts.records[2].proposed, '120');
    const user = await userRow(api, RESOURCE, issued.userId);
    assert.equal(user.label, shortenUserId(issued.userId));
    const tokens = await tokenRows(api, RESOURCE, issued.userId);
    assert.deepEqual(tokens.map((t) => [t.label, t.description]), [['chat, voip.join', 'expires in 1 h 59 min']]);
  });

  test('an empty scope selection is refused with a message, a lifetime out of range names the range', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'dave' });
    const node = (await userRow(api, RESOURCE, userId)).node;
    api.prompts.push([], ['voip'], '59', '1441', 'abc', '90');
    const issued = await run<Issued>('acsIdentity.issueToken', node);
    issuedTokens.push(issued.token);
    assert.ok(api.messages.some((m) => m.severity === 'warning' && m.text === 'Choose at least one scope: the service does not issue a token without scopes.'));
    const lifetimePrompt = api.prompts.records.at(-1);
    assert.deepEqual(lifetimePrompt?.validationMessages, [
      'Enter a whole number of minutes from 60 to 1440.',
      'Enter a whole number of minutes from 60 to 1440.',
      'Enter a whole number of minutes from 60 to 1440.',
    ]);
    assert.deepEqual((await tokenRows(api, RESOURCE, userId)).map((t) => [t.label, t.description]), [['voip', 'expires in 1 h 29 min']]);
  });

  test('invalid scopes or lifetime from code are refused before any call', async () => {
    const { userId } = await createUserAndToken();
    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId, scopes: ['pstn'] }), undefined);
    assert.match(lastMessageText(api), /^Unknown token scope: pstn\./);
    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId, scopes: [] }), undefined);
    assert.equal(lastMessageText(api), 'Choose at least one scope: the service does not issue a token without scopes.');
    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId, lifetimeMinutes: 1441 }), undefined);
    assert.equal(lastMessageText(api), 'A token lifetime is a whole number of minutes from 60 to 1440, not 1441.');
    assert.equal((await tokenRows(api, RESOURCE, userId)).length, 1);
  });

  test('copyToken on a user copies its newest valid token and says so in the status bar only', async () => {
    const first = await createUserAndToken({ label: 'erin' });
    const second = await run<Issued>('acsIdentity.issueToken', { resource: resourceId, userId: first.userId, scopes: ['chat'] });
    issuedTokens.push(second.token);
    const node = (await userRow(api, RESOURCE, first.userId)).node;
    await vscode.env.clipboard.writeText('before');
    const shown = await messagesDuring(api, () => run('acsIdentity.copyToken', node));
    assert.equal(await vscode.env.clipboard.readText(), second.token);
    assert.deepEqual(shown, [{ severity: 'status', text: 'Copied a token of erin to the clipboard', actions: [] }]);
  });

  test('copyToken on a token row copies that token', async () => {
    const first = await createUserAndToken({ label: 'frank' });
    const second = await run<Issued>('acsIdentity.issueToken', { resource: resourceId, userId: first.userId });
    issuedTokens.push(second.token);
    const older = (await tokenRows(api, RESOURCE, first.userId))[1];
    await run('acsIdentity.copyToken', older.node);
    assert.equal(await vscode.env.clipboard.readText(), first.token);
  });

  test('copyToken from the palette asks for the user; copyUserId copies the full ID', async () => {
    const issued = await createUserAndToken({ label: 'grace' });
    api.prompts.push('grace');
    await run('acsIdentity.copyToken');
    assert.equal(await vscode.env.clipboard.readText(), issued.token);
    assert.equal(api.prompts.records[0].kind, 'quickPick');
    assert.ok(api.prompts.records[0].choices.includes('grace'));

    const result = await run('acsIdentity.copyUserId', (await userRow(api, RESOURCE, issued.userId)).node);
    assert.deepEqual(result, { userId: issued.userId });
    assert.equal(await vscode.env.clipboard.readText(), issued.userId);
    assert.equal(lastMessageText(api), 'Copied the ID of grace to the clipboard');
  });

  test('copyToken on a user without a valid token offers to issue one, then copies it', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'heidi' });
    const node = (await userRow(api, RESOURCE, userId)).node;

    api.prompts.push(ESCAPE);
    assert.equal(await run('acsIdentity.copyToken', node), undefined);
    assert.equal(api.prompts.records[0].text, 'heidi has no valid token. Issue one and copy it?\nUser ID: ' + userId);

    await vscode.env.clipboard.writeText('before');
    api.prompts.push('Issue Token', ENTER, ENTER);
    const result = await run<{ userId: string; expiresOn: string }>('acsIdentity.copyToken', node);
    assert.equal(result.userId, userId);
    const copied = await vscode.env.clipboard.readText();
    issuedTokens.push(copied);
    assert.equal(copied.split('.').length, 3);
    assert.equal(lastMessageText(api), 'Issued a token for heidi and copied it to the clipboard');
    const tokens = await tokenRows(api, RESOURCE, userId);
    assert.deepEqual(tokens.map((t) => t.label), ['chat, voip']);
  });

  test('copyToken from code on a user without a valid token is an error, not an offer', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'hugo' });
    await vscode.env.clipboard.writeText('before');
    assert.equal(await run('acsIdentity.copyToken', { userId }), undefined);
    assert.equal(lastMessageText(api), 'hugo has no valid token; issue one with acsIdentity.issueToken.');
    assert.equal(api.messages.at(-1)?.severity, 'error');
    assert.deepEqual(api.prompts.records, []);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
    assert.deepEqual(await tokenRows(api, RESOURCE, userId), []);
  });

  test('revokeTokens asks a modal confirmation naming the user; the tokens are then marked revoked', async () => {
    const issued = await createUserAndToken({ label: 'ivan' });
    const node = (await userRow(api, RESOURCE, issued.userId)).node;

    api.prompts.push(ESCAPE);
    assert.equal(await run('acsIdentity.revokeTokens', node), undefined);
    assert.match(api.prompts.records[0].text, /^Revoke all tokens of ivan in "dev"\?/);
    assert.ok(api.prompts.records[0].text.includes(issued.userId));
    assert.equal((await userRow(api, RESOURCE, issued.userId)).description, '1 valid token');

    api.prompts.push('Revoke Tokens');
    assert.deepEqual(await run('acsIdentity.revokeTokens', node), { userId: issued.userId });
    assert.match(lastMessageText(api), /^Revoked the tokens of ivan\./);
    const user = await userRow(api, RESOURCE, issued.userId);
    assert.equal(user.description, 'no valid token');
    assert.equal(user.contextValue, 'acsUser;hasToken');
    assert.match(user.tooltip, /Latest token: chat, voip, revoked/);
    const tokens = await tokenRows(api, RESOURCE, issued.userId);
    assert.deepEqual(tokens.map((t) => [t.description, t.contextValue]), [['revoked', 'acsToken;revoked']]);

    // A revoked token is not copied; the user's Copy Token offers a new one.
    assert.equal(await run('acsIdentity.copyToken', tokens[0].node), undefined);
    assert.equal(lastMessageText(api), 'This token of ivan was revoked: it was not copied.');

    // A token issued after the revocation is valid.
    const fresh = await run<Issued>('acsIdentity.issueToken', { resource: resourceId, userId: issued.userId });
    issuedTokens.push(fresh.token);
    assert.deepEqual((await tokenRows(api, RESOURCE, issued.userId)).map((t) => t.description), ['expires in 23 h 59 min', 'revoked']);
  });

  test('deleteUser asks a modal confirmation, deletes in ACS and locally, with the token secrets', async () => {
    const issued = await createUserAndToken({ label: 'judy' });
    const node = (await userRow(api, RESOURCE, issued.userId)).node;
    const keysBefore = await api.secretKeys();
    const tokenKeys = keysBefore.filter((key) => key.startsWith(`acsIdentity.token/${resourceId}/`));

    api.prompts.push('Delete');
    assert.deepEqual(await run('acsIdentity.deleteUser', node), { userId: issued.userId });
    assert.match(api.prompts.records[0].text, /^Delete user judy from "dev"\?/);
    assert.deepEqual(api.prompts.records[0].choices, ['Delete']);
    assert.equal(lastMessageText(api), 'Deleted user judy from "dev".');
    assert.ok(!(await userRows(api, RESOURCE)).some((u) => u.label === 'judy'));
    const keysAfter = await api.secretKeys();
    const removedKeys = tokenKeys.filter((key) => !keysAfter.includes(key));
    assert.equal(removedKeys.length, 1);
    assert.equal(await api.readSecret(removedKeys[0]), undefined);

    // The service no longer knows the user.
    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId: issued.userId }), undefined);
    assert.match(lastMessageText(api), /^Could not issue a token for …\w+\. User …\w+ does not exist in "dev" \(it may have been deleted\)\.$/);
  });

  test('the destructive commands confirm unless code named the user: from the palette, after a pick, they ask', async () => {
    const issued = await createUserAndToken({ label: 'kai' });
    api.prompts.push('kai', ESCAPE, 'kai', ESCAPE, 'kai', ESCAPE);
    for (const command of ['acsIdentity.deleteUser', 'acsIdentity.revokeTokens', 'acsIdentity.forgetUser']) {
      assert.equal(await run(command), undefined, command);
    }
    assert.deepEqual(api.prompts.records.map((p) => p.kind), ['quickPick', 'modal', 'quickPick', 'modal', 'quickPick', 'modal']);
    assert.equal((await userRow(api, RESOURCE, issued.userId)).description, '1 valid token');

    // Named by code: no confirmation.
    const shown = await messagesDuring(api, () => run('acsIdentity.revokeTokens', { userId: issued.userId }));
    assert.deepEqual(shown.map((m) => m.text), ['Revoked the tokens of kai. It can take up to 15 minutes before every service refuses them.']);
    assert.equal(api.prompts.records.length, 6);
  });

  test('deleting a user the service no longer has removes it from the list, as wanted', async () => {
    const issued = await createUserAndToken({ label: 'lars' });
    const sdk = new CommunicationIdentityClient(fixture.emulator.connectionString, { allowInsecureConnection: true });
    await sdk.deleteUser({ communicationUserId: issued.userId });
    const node = (await userRow(api, RESOURCE, issued.userId)).node;
    api.prompts.push('Delete');
    assert.deepEqual(await run('acsIdentity.deleteUser', node), { userId: issued.userId });
    assert.deepEqual(
      api.messages.slice(-1).map((m) => [m.severity, m.text]),
      [['info', 'User lars was already deleted in Azure Communication Services; removed it from the list of "dev".']],
    );
    assert.ok(!(await userRows(api, RESOURCE)).some((u) => u.label === 'lars'));
  });

  test('a user deleted elsewhere: the error names it and offers to remove it from the list', async () => {
    const issued = await createUserAndToken({ label: 'kim' });
    const sdk = new CommunicationIdentityClient(fixture.emulator.connectionString, { allowInsecureConnection: true });
    await sdk.deleteUser({ communicationUserId: issued.userId });

    const node = (await userRow(api, RESOURCE, issued.userId)).node;
    api.prompts.push(ENTER, ENTER);
    assert.equal(await run('acsIdentity.issueToken', node), undefined);
    const message = api.messages.at(-1);
    assert.equal(message?.severity, 'error');
    assert.equal(message?.text, 'Could not issue a token for kim. User kim does not exist in "dev" (it may have been deleted).');
    assert.deepEqual(message?.actions, ['Remove from List']);
    await message?.press('Remove from List');
    await waitFor(async () => !(await userRows(api, RESOURCE)).some((u) => u.label === 'kim'), 'kim to leave the list');
  });

  test('forgetUser removes the user from the list only: it still exists in ACS', async () => {
    const issued = await createUserAndToken({ label: 'leo' });
    const node = (await userRow(api, RESOURCE, issued.userId)).node;
    api.prompts.push('Remove from List');
    assert.deepEqual(await run('acsIdentity.forgetUser', node), { userId: issued.userId });
    assert.match(api.prompts.records[0].text, /^Remove leo from the list of "dev"\?/);
    assert.ok(!(await userRows(api, RESOURCE)).some((u) => u.node.kind === 'user' && u.node.user.userId === issued.userId));
    assert.equal(lastMessageText(api), 'Removed leo from the list');

    // Still in ACS: a token can be issued for it by id, and it joins the list again.
    const again = await run<Issued>('acsIdentity.issueToken', { resource: resourceId, userId: issued.userId });
    assert.ok(again, lastMessageText(api));
    issuedTokens.push(again.token);
    assert.equal((await userRow(api, RESOURCE, issued.userId)).description, '1 valid token');
  });

  test('addExistingUser records a user by ID, refuses a malformed ID, and knows one already listed', async () => {
    const sdk = new CommunicationIdentityClient(fixture.emulator.connectionString, { allowInsecureConnection: true });
    const created = await sdk.createUser();
    const userId = created.communicationUserId;

    api.prompts.push('not-an-id', `  ${userId}  `, 'mallory');
    assert.deepEqual(await run('acsIdentity.addExistingUser'), { userId });
    assert.deepEqual(api.prompts.records[0].validationMessages, ['This is not a Communication Services user ID (8:acs:<resource id>_<user id>).']);
    const user = await userRow(api, RESOURCE, userId);
    assert.equal(user.label, 'mallory');
    assert.match(user.tooltip, /Added to the list: /);
    assert.equal(lastMessageText(api), 'Added mallory to the list of "dev".');

    assert.deepEqual(await run('acsIdentity.addExistingUser', { resource: resourceId, userId }), { userId });
    assert.equal(lastMessageText(api), 'mallory is already in the list of "dev".');

    assert.equal(await run('acsIdentity.addExistingUser', { resource: resourceId, userId: 'abc' }), undefined);
    assert.equal(lastMessageText(api), 'The user was not added: This is not a Communication Services user ID (8:acs:<resource id>_<user id>).');
  });

  test('renameUser sets and clears the label (prompt prefilled with the current one)', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'nina' });
    const node = (await userRow(api, RESOURCE, userId)).node;
    api.prompts.push('nina (caller)');
    assert.deepEqual(await run('acsIdentity.renameUser', node), { userId, label: 'nina (caller)' });
    assert.equal(api.prompts.records[0].proposed, 'nina');
    assert.equal((await userRow(api, RESOURCE, userId)).label, 'nina (caller)');

    assert.equal(await run('acsIdentity.renameUser', { userId }), undefined);
    assert.equal(lastMessageText(api), 'Rename User: the "label" option is required; pass \'\' to clear the label.');
    assert.equal((await userRow(api, RESOURCE, userId)).label, 'nina (caller)');

    await run('acsIdentity.renameUser', { resource: resourceId, userId, label: '' });
    assert.equal((await userRow(api, RESOURCE, userId)).label, shortenUserId(userId));
  });

  test('showTokenClaims opens the decoded claims read-only, with exp as a date and no signature', async () => {
    const issued = await createUserAndToken({ label: 'olga', scopes: ['chat'] });
    const token = (await tokenRows(api, RESOURCE, issued.userId))[0];
    const result = await run<{ uri: string }>('acsIdentity.showTokenClaims', token.node);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    assert.equal(document.languageId, 'json');
    const text = document.getText();
    const shown = JSON.parse(text) as { header: Record<string, unknown>; claims: Record<string, unknown> };
    const expSeconds = Math.floor(Date.parse(issued.expiresOn) / 1000);
    assert.match(String(shown.claims.exp), new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\(${expSeconds}\\)$`));
    assert.equal(shown.claims.acsScope, 'chat');
    assert.equal(shown.claims.skypeid, issued.userId.slice(2));
    const signature = issued.token.split('.')[2];
    assert.ok(!text.includes(signature), 'the signature is shown');
    assert.ok(!text.includes(issued.token));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri);
    // Read-only: a virtual document of the extension's own scheme, not a file.
    assert.equal(document.uri.scheme, 'acs-identity-claims');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
