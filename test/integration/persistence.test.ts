// Records survive the re-creation of everything that holds them in memory (as in a new window or
// after a restart): the tree, the secrets, and what the commands can still do with them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import type { AcsIdentityTestApi } from '../../src/testApi';
import type { IdentityNode } from '../../src/tree/nodes';
import { addEmulatorResource, getApi, removeAllResources, row, run, startTestEmulator, tokenRows } from './support';

async function snapshot(api: AcsIdentityTestApi, node?: IdentityNode): Promise<unknown[]> {
  const result: unknown[] = [];
  for (const child of await api.tree.getChildren(node)) {
    const { label, description, contextValue } = row(api, child);
    result.push({ id: child.id, label, description, contextValue, children: await snapshot(api, child) });
  }
  return result;
}

suite('Persistence', () => {
  let api: AcsIdentityTestApi;
  let emulator: RunningEmulator;

  suiteSetup(async () => {
    api = await getApi();
    emulator = await startTestEmulator();
    await removeAllResources(api);
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
    await emulator.close();
  });

  test('resources, users, labels, tokens, revocations and secrets survive a reload', async () => {
    const devId = await addEmulatorResource(api, emulator, 'dev');
    await run('acsIdentity.addResource', {
      connectionString: 'endpoint=https://prod.communication.azure.com/;accesskey=cHJvZC1rZXktZm9yLXRlc3Rz',
      name: 'prod',
    });
    const alice = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource: devId, label: 'alice', scopes: ['chat'] });
    const bob = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource: devId, label: 'bob' });
    await run('acsIdentity.revokeTokens', { resource: devId, userId: bob.userId });
    await run('acsIdentity.createUser', { resource: devId });

    const before = await snapshot(api);
    const keysBefore = await api.secretKeys();
    const secretsBefore = await Promise.all(keysBefore.map((key) => api.readSecret(key)));
    assert.equal(keysBefore.length, 4, 'two connection strings, two tokens');

    await api.reload();

    assert.deepEqual(await snapshot(api), before);
    assert.deepEqual(await api.secretKeys(), keysBefore);
    assert.deepEqual(await Promise.all(keysBefore.map((key) => api.readSecret(key))), secretsBefore);
    // And the reloaded records work: copy alice's token from the tree.
    const aliceRow = (await api.tree.getChildren((await api.tree.getChildren())[0])).find((node) => node.kind === 'user' && node.user.label === 'alice');
    assert.ok(aliceRow);
    await run('acsIdentity.copyToken', aliceRow);
    assert.equal(await vscode.env.clipboard.readText(), alice.token);
    assert.deepEqual((await tokenRows(api, 'dev', bob.userId)).map((t) => t.description), ['revoked']);
  });
});
