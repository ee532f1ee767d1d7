// The secret audit: the whole workflow (add a resource, create users and tokens, copy, issue,
// revoke, show claims, rename, delete, forget, create in bulk, the local emulator, failures of
// every kind, remove), then a search of everything the extension can write for the access key
// and every token issued, as text and as UTF-16:
// - every file of the user-data folder (records, the emulator's data file, settings.json, the log
//   files of the "ACS Identities" channel and of VS Code itself, caches) and of the workspace;
// - the lines written to the log channel, every message and prompt shown, the tree's rows, the
//   extension's globalState and workspaceState, the settings, the clipboard after it was cleared.
// SecretStorage is where they must be, and it is not in these places: in VS Code for the Web
// (code-server, our test host) it lives in the browser's storage, outside the user-data folder;
// in desktop VS Code it is the encrypted `state.vscdb` of the user-data folder, which the search
// covers too (a plain-text value there would be a leak). Nothing is excluded from the search.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import type { IdentityNode } from '../../src/tree/nodes';
import { useEmulator } from '../support/emulatorFixture';
import { assertNoSecretShown, getApi, removeAllResources, row, run, tokenRows, userRow, waitFor, type Harness } from './support';

const ACCESS_KEY = randomBytes(64).toString('base64');

interface Secret {
  /** How the failure names it: never the value itself. */
  readonly what: string;
  readonly value: string;
}

suite('Secret audit', () => {
  const fixture = useEmulator({ throttle: false, accessKey: ACCESS_KEY });
  let api: Harness;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('acsIdentity').update('clearClipboardAfterSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('acsIdentity').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await api.localEmulator.stop();
    await removeAllResources(api);
  });

  test('after the whole workflow, neither the access key nor any token is anywhere but SecretStorage', async () => {
    const config = vscode.workspace.getConfiguration('acsIdentity');
    await config.update('clearClipboardAfterSeconds', 1, vscode.ConfigurationTarget.Global);
    const tokens = new Set<string>();
    const collect = async (): Promise<void> => {
      for (const key of await api.secretKeys()) {
        const value = await api.readSecret(key);
        if (key.startsWith('acsIdentity.token/') && value) {
          tokens.add(value);
        }
      }
    };
    const connectionString = fixture.emulator.connectionString;

    // Added from the palette: first refused (an extra field), then pasted as a .env line.
    api.prompts.clear();
    api.prompts.push(`${connectionString};extra=1`, `COMMUNICATION_SERVICES_CONNECTION_STRING="${connectionString}"`, 'audited');
    const added = await run<{ resourceId: string }>('acsIdentity.addResource');
    assert.ok(added, api.messages.at(-1)?.text);
    const resource = added.resourceId;
    // Refused from code, with the key in it.
    await run('acsIdentity.addResource', { connectionString: `${connectionString.replace('http://127.0.0.1', 'http://[::1]')}` });
    await run('acsIdentity.createUser', { resource: connectionString });

    const alice = await run<{ userId: string }>('acsIdentity.createUser', { resource, label: 'alice' });
    const bob = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource, label: 'bob' });
    tokens.add(bob.token);
    const aliceToken = await run<{ token: string }>('acsIdentity.issueToken', { resource, userId: alice.userId, scopes: ['chat'] });
    tokens.add(aliceToken.token);
    await api.messages.at(-1)?.press('Copy Token');
    await run('acsIdentity.copyToken', (await userRow(api, 'audited', bob.userId)).node);
    const claims = await run<{ uri: string }>('acsIdentity.showTokenClaims', (await tokenRows(api, 'audited', bob.userId))[0].node);
    const claimsText = (await vscode.workspace.openTextDocument(vscode.Uri.parse(claims.uri))).getText();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Failures, whose details go to the log: a rejected key, a server error, no answer.
    fixture.emulator.failNext(1, 401);
    await run('acsIdentity.issueToken', { resource, userId: bob.userId });
    fixture.emulator.failNext(10, 500);
    await run('acsIdentity.createUserAndToken', { resource });
    fixture.emulator.clearFaults();
    await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    fixture.emulator.setLatency(3000);
    await run('acsIdentity.createUserAndToken', { resource, label: 'late' });
    fixture.emulator.clearFaults();
    await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);

    const bulk = await run<{ created: number }>('acsIdentity.createUsersInBulk', { resource, count: 3, labelPrefix: 'bulk-', scopes: ['voip'] });
    assert.equal(bulk.created, 3, api.messages.at(-1)?.text);
    const sdk = new CommunicationIdentityClient(connectionString, { allowInsecureConnection: true });
    const existing = (await sdk.createUser()).communicationUserId;
    await run('acsIdentity.addExistingUser', { resource, userId: existing, label: 'carol' });
    const carolToken = await run<{ token: string }>('acsIdentity.issueToken', { resource, userId: existing });
    tokens.add(carolToken.token);
    await run('acsIdentity.revokeTokens', { resource, userId: bob.userId });
    await run('acsIdentity.renameUser', { resource, userId: alice.userId, label: 'alice (renamed)' });

    // The local emulator, started and used inside VS Code.
    const local = await run<{ resourceId: string }>('acsIdentity.startEmulator');
    assert.ok(local, api.messages.at(-1)?.text);
    const localToken = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource: local.resourceId, label: 'local' });
    tokens.add(localToken.token);
    await run('acsIdentity.copyToken', { resource: local.resourceId, userId: localToken.userId });

    await collect();
    const tree = await everyRow(api);
    await run('acsIdentity.deleteUser', { resource, userId: alice.userId });
    await run('acsIdentity.forgetUser', { resource, userId: existing });
    await api.localEmulator.stop();
    await run('acsIdentity.removeResource', { resource: local.resourceId });
    await run('acsIdentity.removeResource', { resource });

    // Everything written has landed: the clipboard cleared, the records and secrets, the log file.
    await waitFor(async () => (await vscode.env.clipboard.readText()) === '', 'the clipboard to be cleared', 15_000);
    await api.whenIdle();
    const logFile = path.join(api.logDirectory, 'ACS Identities.log');
    const lastLine = api.logLines.at(-1) ?? '';
    await waitFor(async () => (await fs.readFile(logFile, 'utf8').catch(() => '')).includes(lastLine.split('\n')[0]), 'the log file to be written', 30_000);

    assert.equal(tokens.size, 7, "bob, alice, carol, three bulk users and the local emulator's user each have a token");
    const secrets: Secret[] = [
      { what: 'the access key', value: ACCESS_KEY },
      { what: 'the access key, URL-encoded', value: encodeURIComponent(ACCESS_KEY) },
      ...[...tokens].flatMap((token, index) => [
        { what: `token #${index + 1}`, value: token },
        { what: `the signature of token #${index + 1}`, value: token.split('.')[2] },
      ]),
    ];
    const hits: string[] = [];
    const search = (place: string, text: string): void => {
      for (const secret of secrets) {
        if (text.includes(secret.value)) {
          hits.push(`${secret.what} in ${place}`);
        }
      }
    };

    const userData = path.resolve(api.storageDirectory, '..', '..', '..');
    assert.deepEqual(
      ['User', 'logs'].filter((name) => !existsSync(path.join(userData, name))),
      [],
      `${userData} is not the user-data folder`,
    );
    assert.ok(api.logDirectory.startsWith(userData), 'the log files are in the user-data folder');
    const files = [...(await filesUnder(userData)), ...(await filesUnder(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath))];
    assert.ok(files.some((file) => file === logFile), 'the log file of the channel is searched');
    assert.ok(files.some((file) => file.startsWith(path.join(api.storageDirectory, 'records'))), 'the records are searched');
    assert.ok(files.some((file) => file.endsWith(path.join('User', 'settings.json'))), 'the settings are searched');
    for (const file of files) {
      const bytes = await fs.readFile(file);
      search(file, bytes.toString('latin1'));
      search(`${file} (UTF-16)`, bytes.toString('utf16le'));
      search(`${file} (UTF-16, odd offset)`, bytes.subarray(1).toString('utf16le'));
    }
    search('the log channel', api.logLines.join('\n'));
    search('the messages', JSON.stringify(api.messages.map((message) => [message.text, message.actions])));
    search('the prompts', JSON.stringify(api.prompts.records));
    search('the tree', JSON.stringify(tree));
    search('the claims document', claimsText);
    search('globalState and workspaceState', JSON.stringify(api.mementos()));
    search('the settings', JSON.stringify(vscode.workspace.getConfiguration('acsIdentity')));
    search('the clipboard', await vscode.env.clipboard.readText());
    assert.deepEqual(hits, [], `secrets found outside SecretStorage (${files.length} files searched)`);
    assertNoSecretShown(api, secrets.map((secret) => secret.value));
  });
});

/** Every row of the tree, as shown: label, description, tooltip. */
async function everyRow(api: Harness, node?: IdentityNode): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (const child of await api.tree.getChildren(node)) {
    const { label, description, tooltip } = row(api, child);
    rows.push([label, description, tooltip], ...(await everyRow(api, child)));
  }
  return rows;
}

/** The regular files under a folder (sockets and other special files skipped). */
async function filesUnder(directory: string | undefined): Promise<string[]> {
  if (directory === undefined) {
    return [];
  }
  const found: string[] = [];
  for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await filesUnder(full)));
    } else if (entry.isFile()) {
      found.push(full);
    }
  }
  return found;
}
