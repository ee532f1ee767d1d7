// Tokens where the code needs them: Copy Token As… (JSON, .env, TypeScript) and Insert Token into
// the active editor, from the tree, the palette and code; the value never in a message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addEmulatorResource, ENTER, getApi, lastMessageText, messagesDuring, removeAllResources, run, tokenRows, userRow, forgetPromptsAndMessages, assertTestEndedClean, type Harness } from './support';
import { useEmulator } from '../support/emulatorFixture';

interface Issued {
  userId: string;
  token: string;
  expiresOn: string;
}

const RESOURCE = 'dev';

suite('Tokens for code', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let resourceId: string;
  let alice: Issued;
  let older: Issued;
  const tokens: string[] = [];

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, RESOURCE);
    older = await run<Issued>('acsIdentity.createUserAndToken', { resource: resourceId, label: 'alice', scopes: ['voip'] });
    alice = await run<Issued>('acsIdentity.issueToken', { resource: resourceId, userId: older.userId, scopes: ['chat'] });
    tokens.push(older.token, alice.token);
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(async () => {
    assertTestEndedClean(api, tokens);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  test('Copy Token As on a user: the format is picked, the newest valid token is copied in it', async () => {
    const user = (await userRow(api, RESOURCE, alice.userId)).node;
    api.prompts.push('.env lines');
    const shown = await messagesDuring(api, () => run('acsIdentity.copyTokenAs', user));
    assert.deepEqual(api.prompts.records[0].choices, ['JSON', '.env lines', 'TypeScript']);
    assert.equal(await vscode.env.clipboard.readText(), `ACS_USER_ID=${alice.userId}\nACS_TOKEN=${alice.token}\nACS_TOKEN_EXPIRES_ON=${alice.expiresOn}\n`);
    assert.deepEqual(shown, [{ severity: 'status', text: 'Copied a token of alice as .env lines to the clipboard', actions: [] }]);

    api.prompts.push('JSON');
    await run('acsIdentity.copyTokenAs', user);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), { userId: alice.userId, token: alice.token, expiresOn: alice.expiresOn });
  });

  test('Copy Token As on a token row copies that token; as TypeScript it builds the credential', async () => {
    const olderRow = (await tokenRows(api, RESOURCE, alice.userId)).find((row) => row.label === 'voip');
    assert.ok(olderRow);
    api.prompts.push('typescript');
    await run('acsIdentity.copyTokenAs', olderRow.node);
    const snippet = await vscode.env.clipboard.readText();
    assert.match(snippet, /^import \{ AzureCommunicationTokenCredential, type CommunicationUserIdentifier \} from '@azure\/communication-common';/);
    assert.ok(snippet.includes(`new AzureCommunicationTokenCredential(${JSON.stringify(older.token)})`));
    assert.ok(snippet.includes(`{ communicationUserId: ${JSON.stringify(alice.userId)} }`));
    assert.equal(lastMessageText(api), 'Copied a token of alice as TypeScript to the clipboard');
  });

  test('from code: { userId, tokenId?, format }, never a prompt; an unknown format is named', async () => {
    const result = await run('acsIdentity.copyTokenAs', { userId: alice.userId, format: 'json' });
    assert.deepEqual(result, { userId: alice.userId, expiresOn: alice.expiresOn, format: 'json' });
    assert.equal((JSON.parse(await vscode.env.clipboard.readText()) as Issued).token, alice.token);
    const olderRow = (await tokenRows(api, RESOURCE, alice.userId)).find((row) => row.label === 'voip');
    assert.ok(olderRow?.node.kind === 'token');
    await run('acsIdentity.copyTokenAs', { userId: alice.userId, tokenId: olderRow.node.token.tokenId, format: 'env' });
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`^ACS_TOKEN=${older.token.replace(/\./g, '\\.')}$`, 'm'));
    assert.equal(await run('acsIdentity.copyTokenAs', { userId: alice.userId, format: 'yaml' }), undefined);
    assert.equal(lastMessageText(api), 'Copy Token As: the "format" option must be one of json, env, typescript.');
    assert.equal(await run('acsIdentity.copyTokenAs', { userId: alice.userId }), undefined);
    assert.deepEqual(api.prompts.records, []);
  });

  test('Insert Token puts the newest valid token at the cursor, and replaces a selection', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'const token = "";\nconst other = "REPLACE";\n', language: 'typescript' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 15, 0, 15);
    const user = (await userRow(api, RESOURCE, alice.userId)).node;
    const shown = await messagesDuring(api, () => run('acsIdentity.insertToken', user));
    assert.equal(document.lineAt(0).text, `const token = "${alice.token}";`);
    assert.deepEqual(shown.map((message) => message.severity), ['status']);
    assert.match(shown[0].text, /^Inserted a token of alice in Untitled-\d+$/);

    editor.selection = new vscode.Selection(1, 15, 1, 22);
    const result = await run('acsIdentity.insertToken', { userId: alice.userId });
    assert.deepEqual(result, { userId: alice.userId, expiresOn: alice.expiresOn });
    assert.equal(document.lineAt(1).text, `const other = "${alice.token}";`);
  });

  test('Insert Token from the palette asks for the user; with no editor open it says so and asks nothing', async () => {
    const document = await vscode.workspace.openTextDocument({ content: '' });
    await vscode.window.showTextDocument(document);
    api.prompts.push('alice');
    await run('acsIdentity.insertToken');
    assert.equal(document.getText(), alice.token);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await run('acsIdentity.insertToken', { userId: alice.userId }), undefined);
    assert.equal(lastMessageText(api), 'Insert Token: no editor is open. Open the file the token goes into, put the cursor where it goes, and try again.');
    assert.equal(api.prompts.records.length, 1);
  });

  test('a user without a valid token is offered one, from the tree; from code it is an error', async () => {
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'bob' });
    const user = (await userRow(api, RESOURCE, userId)).node;
    api.prompts.push('.env lines', 'Issue Token', ENTER, ENTER);
    await run('acsIdentity.copyTokenAs', user);
    assert.equal(api.prompts.records[1].text, `bob has no valid token. Issue one and copy it?\nUser ID: ${userId}`);
    const copied = await vscode.env.clipboard.readText();
    tokens.push(/^ACS_TOKEN=(.+)$/m.exec(copied)?.[1] ?? '');
    assert.match(copied, /^ACS_USER_ID=8:acs:/);

    const { userId: carol } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'carol' });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '' }));
    assert.equal(await run('acsIdentity.insertToken', { userId: carol }), undefined);
    assert.equal(lastMessageText(api), 'carol has no valid token; issue one with acsIdentity.issueToken.');
  });
});
