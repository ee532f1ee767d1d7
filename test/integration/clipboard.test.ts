// acsIdentity.clearClipboardAfterSeconds: a copied token leaves the clipboard after that many
// seconds if it is still there; something copied since is left alone; off by default. Read
// through VS Code's own clipboard, as a person pasting would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { useEmulator } from '../support/emulatorFixture';
import { addEmulatorResource, ENTER, getApi, messagesDuring, removeAllResources, run, userRow, waitFor, forgetPromptsAndMessages, type Harness } from './support';

const RESOURCE = 'dev';
const CLEARED = 'Cleared the copied token from the clipboard';

/** Waits longer than the one second the tests set, so that a clearing that should not happen would have happened. */
function afterTheDelay(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2500));
}

suite('Clearing copied tokens from the clipboard', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let resourceId: string;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, RESOURCE);
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(async () => {
    await setClearAfter(undefined);
    await vscode.env.clipboard.writeText('');
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  function setClearAfter(seconds: number | undefined): Thenable<void> {
    return vscode.workspace.getConfiguration('acsIdentity').update('clearClipboardAfterSeconds', seconds, vscode.ConfigurationTarget.Global);
  }

  async function userWithToken(label: string): Promise<{ userId: string; token: string }> {
    const issued = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource: resourceId, label });
    assert.ok(issued, api.messages.at(-1)?.text);
    return issued;
  }

  test('off by default: the token stays on the clipboard', async () => {
    const { userId, token } = await userWithToken('stays');
    const shown = await messagesDuring(api, () => run('acsIdentity.copyToken', { userId }));
    assert.deepEqual(shown.map((m) => m.text), ['Copied a token of stays to the clipboard']);
    await afterTheDelay();
    assert.equal(await vscode.env.clipboard.readText(), token);
  });

  test('set: the token is cleared after that many seconds, and the status bar says so', async () => {
    await setClearAfter(1);
    const { userId, token } = await userWithToken('cleared');
    const shown = await messagesDuring(api, async () => {
      await run('acsIdentity.copyToken', { userId });
      assert.equal(await vscode.env.clipboard.readText(), token);
      await waitFor(async () => (await vscode.env.clipboard.readText()) === '', 'the clipboard to be cleared');
    });
    assert.deepEqual(shown.map((m) => [m.severity, m.text]), [
      ['status', 'Copied a token of cleared to the clipboard (cleared in 1 s)'],
      ['status', CLEARED],
    ]);
  });

  test('set: something copied meanwhile is left alone', async () => {
    await setClearAfter(1);
    const { userId } = await userWithToken('replaced');
    await run('acsIdentity.copyToken', { userId });
    await vscode.env.clipboard.writeText('something the person copied since');
    await afterTheDelay();
    assert.equal(await vscode.env.clipboard.readText(), 'something the person copied since');
    assert.ok(!api.messages.some((m) => m.text === CLEARED));
  });

  test('set: the "Copy Token" button of a new token, and Copy Token issuing one, clear theirs too', async () => {
    await setClearAfter(1);
    const { token } = await userWithToken('button');
    const created = api.messages.at(-1);
    assert.deepEqual(created?.actions, ['Copy Token']);
    await created?.press('Copy Token');
    assert.equal(await vscode.env.clipboard.readText(), token);
    await waitFor(async () => (await vscode.env.clipboard.readText()) === '', 'the clipboard to be cleared');

    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'issued' });
    api.prompts.push('Issue Token', ENTER, ENTER);
    await run('acsIdentity.copyToken', (await userRow(api, RESOURCE, userId)).node);
    assert.equal(api.messages.at(-1)?.text, 'Issued a token for issued and copied it to the clipboard (cleared in 1 s)');
    assert.equal((await vscode.env.clipboard.readText()).split('.').length, 3);
    await waitFor(async () => (await vscode.env.clipboard.readText()) === '', 'the clipboard to be cleared');
  });
});
