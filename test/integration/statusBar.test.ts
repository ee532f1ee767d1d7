// The status bar item "ACS Identities: Token Expiry": the resource in use and its soonest token's
// time left, the warning colour under 10 minutes, a click that copies the newest valid token, and
// the setting that hides it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addEmulatorResource, getApi, lastMessageText, removeAllResources, run, waitFor, forgetPromptsAndMessages, type Harness } from './support';
import { useEmulator } from '../support/emulatorFixture';

interface Issued {
  userId: string;
  token: string;
  expiresOn: string;
}

const KEY = 'cHJvZC1rZXktZm9yLXRlc3RzLW9mLXRoZS1zdGF0dXMtYmFyLTAxMjM0NTY3OA==';

suite('Status bar', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(async () => {
    api.tree.setClockOffset(0);
    await vscode.workspace.getConfiguration('acsIdentity').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  test('hidden without a resource; with one, it names it and says there is no valid token; a click shows the view', async () => {
    assert.equal(api.statusBar.visible, false);
    await addEmulatorResource(api, fixture.emulator, 'dev');
    await waitFor(() => api.statusBar.visible, 'the status bar item');
    assert.equal(api.statusBar.text, '$(key) ACS dev: no valid token');
    assert.equal(api.statusBar.warning, false);
    assert.deepEqual(api.statusBar.command, { command: 'acsIdentity.identities.focus', arguments: undefined });
    assert.match(api.statusBar.tooltip, /^Resource in use: dev \(127\.0\.0\.1:\d+\)\nNo valid token\.\nClick to show the Identities view\.$/);
  });

  test('the soonest expiry of the resource in use; a click copies its newest valid token', async () => {
    const long = await run<Issued>('acsIdentity.createUserAndToken', { resource: 'dev', label: 'alice', lifetimeMinutes: 180 });
    const short = await run<Issued>('acsIdentity.createUserAndToken', { resource: 'dev', label: 'bob', lifetimeMinutes: 120, scopes: ['chat'] });
    const newest = await run<Issued>('acsIdentity.issueToken', { resource: 'dev', userId: long.userId, lifetimeMinutes: 150, scopes: ['voip'] });
    // It re-renders once per turn of the event loop: after the last issue, it names alice's new token.
    await waitFor(() => api.statusBar.tooltip.endsWith('of alice (voip).'), `the newest token, not ${api.statusBar.tooltip}`);
    assert.equal(api.statusBar.text, '$(key) ACS dev: 1 h 59 min');
    assert.equal(api.statusBar.warning, false);
    const lines = api.statusBar.tooltip.split('\n');
    assert.match(lines[1], /^Soonest expiry: a token of bob \(chat\), in 1 h 59 min, /);
    assert.equal(lines[2], 'Click to copy the newest valid token, of alice (voip).');
    for (const secret of [long.token, short.token, newest.token]) {
      assert.ok(!api.statusBar.tooltip.includes(secret) && !api.statusBar.text.includes(secret));
    }

    const click = api.statusBar.command;
    assert.ok(click);
    assert.equal(click.command, 'acsIdentity.copyToken');
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    assert.equal(await vscode.env.clipboard.readText(), newest.token);
    assert.equal(lastMessageText(api), 'Copied a token of alice to the clipboard');
  });

  test('under 10 minutes left it turns to the warning colour, and it counts down by itself', async () => {
    // The tree's and the status bar's clock: 1 h 50 min 30 s later, bob's token has 9 min 30 s left.
    api.tree.setClockOffset((110 * 60 + 30) * 1000);
    assert.equal(api.statusBar.text, '$(key) ACS dev: 9 min');
    assert.equal(api.statusBar.warning, true);
    api.tree.setClockOffset((110 * 60 - 5) * 1000);
    assert.equal(api.statusBar.text, '$(key) ACS dev: 10 min');
    assert.equal(api.statusBar.warning, false);
    // Five seconds later (its own timer), it reads 9 min, in the warning colour.
    await waitFor(() => api.statusBar.text === '$(key) ACS dev: 9 min', 'the status bar to count down', 15_000);
    assert.equal(api.statusBar.warning, true);
    // Once bob's token has expired, alice's is the soonest.
    api.tree.setClockOffset(121 * 60 * 1000);
    assert.equal(api.statusBar.text, '$(key) ACS dev: 28 min');
  });

  test('the resource in use follows the token issued or copied last', async () => {
    await run('acsIdentity.addResource', { connectionString: `endpoint=https://aaa-prod.communication.azure.com/;accesskey=${KEY}`, name: 'aaa-prod' });
    assert.equal(api.statusBar.text.startsWith('$(key) ACS dev:'), true, 'the last used resource stays in use');
    const other = await run<{ resourceId: string }>('acsIdentity.addResource', { connectionString: fixture.emulator.connectionString.replace('127.0.0.1', 'localhost'), name: 'second' });
    const issued = await run<Issued>('acsIdentity.createUserAndToken', { resource: other.resourceId, label: 'carol', lifetimeMinutes: 60 });
    assert.ok(issued, lastMessageText(api));
    await waitFor(() => api.statusBar.text === '$(key) ACS second: 59 min', `the second resource, not ${api.statusBar.text}`);
    await run('acsIdentity.copyToken', { resource: 'dev', userId: (await run<Issued>('acsIdentity.createUserAndToken', { resource: 'dev', label: 'dan' })).userId });
    await waitFor(() => api.statusBar.text.startsWith('$(key) ACS dev:'), 'dev in use again');
    await run('acsIdentity.removeResource', { resource: 'dev' });
    await waitFor(() => api.statusBar.text === '$(key) ACS aaa-prod: no valid token', `the first listed once dev is gone, not ${api.statusBar.text}`);
  });

  test('the setting acsIdentity.statusBar.enabled hides it and shows it again', async () => {
    assert.equal(api.statusBar.visible, true);
    await vscode.workspace.getConfiguration('acsIdentity').update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor(() => !api.statusBar.visible, 'the item to hide');
    await vscode.workspace.getConfiguration('acsIdentity').update('statusBar.enabled', true, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.statusBar.visible, 'the item to show again');
    await removeAllResources(api);
    await waitFor(() => !api.statusBar.visible, 'the item to hide without resources');
  });
});
