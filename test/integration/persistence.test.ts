// Records survive the re-creation of everything that holds them in memory (as in a new window or
// after a restart): the tree, the secrets, and what the commands can still do with them.
import * as assert from 'node:assert/strict';
import type { IdentityNode } from '../../src/tree/nodes';
import { Clock } from '../../src/platform/clock';
import { Registry } from '../../src/storage/registry';
import { IdentitiesTreeProvider } from '../../src/tree/identitiesTreeProvider';
import { addEmulatorResource, getApi, removeAllResources, run, tokenRows, type Harness } from './support';
import { useEmulator } from '../support/emulatorFixture';

/** What a tree shows, level by level. */
async function snapshot(tree: Pick<Harness['tree'], 'getChildren' | 'getTreeItem'>, node?: IdentityNode): Promise<unknown[]> {
  const result: unknown[] = [];
  for (const child of await tree.getChildren(node)) {
    const item = tree.getTreeItem(child);
    result.push({ id: child.id, label: item.label, description: item.description, contextValue: item.contextValue, children: await snapshot(tree, child) });
  }
  return result;
}

/** What another window (or this one after a restart) reads: a registry and a tree of its own over the same storage. */
function anotherWindow(api: Harness): { tree: IdentitiesTreeProvider; registry: Registry } {
  const registry = new Registry(api.storageDirectory, api.secrets);
  const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message: string) => assert.fail(message) };
  return { registry, tree: new IdentitiesTreeProvider(registry, log, () => undefined, new Clock()) };
}

suite('Persistence', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  test('resources, users, labels, tokens, revocations and secrets are read back from storage as another window reads them', async () => {
    const devId = await addEmulatorResource(api, fixture.emulator, 'dev');
    await run('acsIdentity.addResource', {
      connectionString: 'endpoint=https://prod.communication.azure.com/;accesskey=cHJvZC1rZXktZm9yLXRlc3RzLTAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiYw==',
      name: 'prod',
    });
    const alice = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource: devId, label: 'alice', scopes: ['chat'] });
    const bob = await run<{ userId: string; token: string }>('acsIdentity.createUserAndToken', { resource: devId, label: 'bob' });
    await run('acsIdentity.revokeTokens', { resource: devId, userId: bob.userId });
    await run('acsIdentity.createUser', { resource: devId });

    const before = await snapshot(api.tree);
    const keysBefore = await api.secretKeys();
    assert.equal(keysBefore.length, 4, 'two connection strings, two tokens');

    const other = anotherWindow(api);
    try {
      assert.deepEqual(await snapshot(other.tree), before);
      // Its records lead to the same secrets: alice's token, as "Copy Token" there would copy it.
      const aliceRow = (await other.tree.getChildren((await other.tree.getChildren())[0])).find((node) => node.kind === 'user' && node.user.label === 'alice');
      assert.ok(aliceRow?.kind === 'user');
      assert.equal(await other.registry.getTokenValue(aliceRow.tokens[0]), alice.token);
    } finally {
      other.tree.dispose();
      // Its watchers and poller would otherwise outlive the test.
      await other.registry.dispose();
    }
    assert.deepEqual((await tokenRows(api, 'dev', bob.userId)).map((t) => t.description), ['revoked']);
  });
});
