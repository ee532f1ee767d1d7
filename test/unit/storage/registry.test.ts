import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { userKey } from '../../../src/core/recordState';
import { Registry, RecordNotFoundError, type RecordChange } from '../../../src/storage/registry';
import { MemorySecrets } from '../support/memorySecrets';
import { TEST_KEY, testConnection, testUserId } from '../support/records';



async function allFileText(directory: string): Promise<string> {
  const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => fs.readFile(file, 'utf8')))).join('\n');
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

suite('Registry', () => {
  let root: string;
  let secrets: MemorySecrets;
  let registry: Registry;

  setup(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'acs-registry-'));
    secrets = new MemorySecrets();
    registry = new Registry(root, secrets);
  });

  teardown(async () => {
    await registry.dispose();
    await fs.rm(root, { recursive: true, force: true });
  });

  test('keeps the connection string in secrets only, and resources sorted by name', async () => {
    const dev = await registry.addResource('dev', testConnection('dev.communication.azure.com'));
    await registry.addResource('Contoso', testConnection('contoso.communication.azure.com'));
    assert.deepEqual((await registry.listResources()).map((resource) => resource.name), ['Contoso', 'dev']);
    assert.equal(await registry.getConnectionString(dev.id), `endpoint=https://dev.communication.azure.com/;accesskey=${TEST_KEY}`);
    assert.equal(secrets.values.get(Registry.secretKeyForConnectionString(dev.id)), `endpoint=https://dev.communication.azure.com/;accesskey=${TEST_KEY}`);
    assert.equal(dev.host, 'dev.communication.azure.com');
    assert.ok(!(await allFileText(root)).includes(TEST_KEY), 'no key in any file');
    assert.equal((await registry.findResourceByEndpoint('https://dev.communication.azure.com/'))?.id, dev.id);
  });

  test('records users per resource, never mixing two resources', async () => {
    const a = await registry.addResource('a', testConnection('a.communication.azure.com'));
    const b = await registry.addResource('b', testConnection('b.communication.azure.com'));
    await registry.addUser(a.id, testUserId(1), { origin: 'created', label: '  Alice  ' });
    await registry.addUser(b.id, testUserId(2), { origin: 'added' });
    const usersOfA = await registry.listUsers(a.id);
    assert.deepEqual(usersOfA.map((user) => [user.userId, user.label, user.origin]), [[testUserId(1), 'Alice', 'created']]);
    assert.deepEqual((await registry.listUsers(b.id)).map((user) => user.userId), [testUserId(2)]);
  });

  test('adding a known user again keeps its record and only takes a new label', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    const first = await registry.addUser(resource.id, testUserId(1), { origin: 'created', label: 'Alice' });
    const again = await registry.addUser(resource.id, testUserId(1), { origin: 'added' });
    assert.deepEqual(again, first);
    assert.equal((await registry.addUser(resource.id, testUserId(1), { origin: 'added', label: 'Bob' })).label, 'Bob');
  });

  test('token values go to secrets, metadata to files; newest first', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl';
    const first = await registry.addToken(resource.id, testUserId(1), { value: jwt, scopes: ['chat'], issuedAt: new Date(1000), expiresOn: new Date(5000) });
    const second = await registry.addToken(resource.id, testUserId(1), { value: `${jwt}x`, scopes: ['voip', 'chat.join'], issuedAt: new Date(2000), expiresOn: new Date(6000) });
    assert.deepEqual((await registry.listTokens(resource.id, testUserId(1))).map((token) => token.tokenId), [second.tokenId, first.tokenId]);
    assert.equal(await registry.getTokenValue(first), jwt);
    assert.deepEqual(second.scopes, ['voip', 'chat.join']);
    assert.ok(!(await allFileText(root)).includes(jwt), 'no token value in any file');
  });

  test('a revocation covers every earlier token, and a later token is never taken for revoked', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    const before = await registry.addToken(resource.id, testUserId(1), { value: 't1', scopes: ['chat'], issuedAt: new Date(5000), expiresOn: new Date(9000) });
    // The revocation's clock reads earlier than the token's: it still covers it.
    const revoked = await registry.markTokensRevoked(resource.id, testUserId(1), new Date(4000));
    assert.ok(Date.parse(revoked.tokensRevokedAt!) >= Date.parse(before.issuedAt));
    // A token issued after, within the same millisecond, still counts as newer.
    const after = await registry.addToken(resource.id, testUserId(1), { value: 't2', scopes: ['chat'], issuedAt: new Date(Date.parse(revoked.tokensRevokedAt!)), expiresOn: new Date(9000) });
    assert.ok(Date.parse(after.issuedAt) > Date.parse(revoked.tokensRevokedAt!));
  });

  test('renaming changes the label; an empty label clears it', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created', label: 'Alice' });
    assert.equal((await registry.renameUser(resource.id, testUserId(1), 'Alice (test)')).label, 'Alice (test)');
    assert.equal((await registry.renameUser(resource.id, testUserId(1), '   ')).label, undefined);
    await assert.rejects(registry.renameUser(resource.id, testUserId(9), 'x'), RecordNotFoundError);
  });

  test('forgetting a user removes its records and its token secrets, and nothing of other users', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    await registry.addUser(resource.id, testUserId(2), { origin: 'created' });
    await registry.addToken(resource.id, testUserId(1), { value: 'secret-one', scopes: ['chat'], issuedAt: new Date(), expiresOn: new Date() });
    const kept = await registry.addToken(resource.id, testUserId(2), { value: 'secret-two', scopes: ['chat'], issuedAt: new Date(), expiresOn: new Date() });
    await registry.forgetUser(resource.id, testUserId(1));
    assert.deepEqual((await registry.listUsers(resource.id)).map((user) => user.userId), [testUserId(2)]);
    await registry.whenIdle();
    assert.deepEqual([...secrets.values.values()].filter((value) => value.startsWith('secret-')), ['secret-two']);
    assert.equal(await registry.getTokenValue(kept), 'secret-two');
  });

  test('removing a resource deletes its secret, users, tokens and token secrets', async () => {
    const removed = await registry.addResource('gone', testConnection('gone.communication.azure.com'));
    const kept = await registry.addResource('kept', testConnection('kept.communication.azure.com'));
    await registry.addUser(removed.id, testUserId(1), { origin: 'created' });
    await registry.addToken(removed.id, testUserId(1), { value: 'gone-token', scopes: ['chat'], issuedAt: new Date(), expiresOn: new Date() });
    await registry.addUser(kept.id, testUserId(2), { origin: 'created' });
    await registry.removeResource(removed.id);
    assert.deepEqual((await registry.listResources()).map((resource) => resource.name), ['kept']);
    await registry.whenIdle();
    assert.deepEqual([...secrets.values.keys()], [Registry.secretKeyForConnectionString(kept.id)]);
    assert.deepEqual(await registry.listUsers(removed.id), []);
    assert.equal((await registry.listUsers(kept.id)).length, 1);
  });

  test('updating a connection keeps the resource id and its users', async () => {
    const resource = await registry.addResource('Local emulator', testConnection('127.0.0.1:1'), { isLocalEmulator: true });
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    const updated = await registry.updateResourceConnection(resource.id, testConnection('127.0.0.1:2'));
    assert.equal(updated.id, resource.id);
    assert.equal(updated.host, '127.0.0.1:2');
    assert.equal(updated.isLocalEmulator, true);
    assert.equal((await registry.listUsers(resource.id)).length, 1);
  });

  test('a resource added from Azure: with its key it is recorded as such; switched to Entra ID it keeps its users and its key is deleted; back to a key it keeps where it is in Azure', async () => {
    const azure = { tenantId: 'tenant', subscriptionId: 'subscription', resourceGroup: 'rg', name: 'contoso' };
    const withKey = await registry.addResource('contoso', testConnection('contoso.communication.azure.com'), { azure });
    assert.equal(withKey.authentication, 'key');
    assert.deepEqual(withKey.azure, azure);
    await registry.addUser(withKey.id, testUserId(1), { origin: 'created' });

    const keyless = await registry.addKeylessResource('renamed?', { endpoint: 'https://contoso.communication.azure.com/', host: 'contoso.communication.azure.com' }, azure);
    assert.deepEqual([keyless.id, keyless.name, keyless.authentication, keyless.addedAt], [withKey.id, 'contoso', 'entraId', withKey.addedAt]);
    assert.equal(await registry.getConnectionString(keyless.id), undefined);
    assert.deepEqual([...secrets.values.keys()], [], 'no key stays behind');
    assert.equal((await registry.listUsers(keyless.id)).length, 1);

    const again = await registry.updateResourceConnection(keyless.id, testConnection('contoso.communication.azure.com'));
    assert.deepEqual([again.authentication, again.azure], ['key', azure]);
    const reread = new Registry(root, secrets);
    assert.deepEqual(await reread.getResource(keyless.id), again);
    await reread.dispose();
  });

  test('a resource used with Entra ID from the start stores no secret', async () => {
    const azure = { tenantId: 'tenant', subscriptionId: 'subscription', resourceGroup: 'rg', name: 'fabrikam' };
    const resource = await registry.addKeylessResource('fabrikam', { endpoint: 'https://fabrikam.communication.azure.com/', host: 'fabrikam.communication.azure.com' }, azure);
    assert.deepEqual([resource.name, resource.authentication, resource.azure, resource.isLocalEmulator], ['fabrikam', 'entraId', azure, false]);
    await registry.whenIdle();
    assert.equal(secrets.values.size, 0);
  });

  test('two registries on one folder (two windows) creating users at the same time both keep theirs', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    const otherWindow = new Registry(root, secrets);
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? registry : otherWindow).addUser(resource.id, testUserId(n), { origin: 'created' })),
    );
    // Each window reads the other's journal when the file system says it grew (or when asked to).
    await Promise.all([registry.catchUp(), otherWindow.catchUp()]);
    assert.equal((await registry.listUsers(resource.id)).length, 40);
    assert.equal((await otherWindow.listUsers(resource.id)).length, 40);
    await otherWindow.dispose();
  });

  test("another window's change arrives by itself, as a change of that user only", async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    const otherWindow = new Registry(root, secrets);
    try {
      await otherWindow.whenLoaded();
      const changes: RecordChange[] = [];
      otherWindow.onDidChange((change) => changes.push(change));
      await registry.renameUser(resource.id, testUserId(1), 'Alice');
      await waitFor(async () => (await otherWindow.getUser(resource.id, testUserId(1)))?.label === 'Alice', 'the rename to arrive');
      assert.deepEqual(changes.map((change) => [change.resources, [...change.usersOf], [...change.users]]), [[false, [], [userKey(resource.id, testUserId(1))]]]);
    } finally {
      await otherWindow.dispose();
    }
  });

  test('records survive a new registry instance (a reload)', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created', label: 'Alice' });
    const reloaded = new Registry(root, secrets);
    assert.equal((await reloaded.listUsers(resource.id))[0]?.label, 'Alice');
    await reloaded.dispose();
  });

  test('notifies listeners after each change', async () => {
    let changes = 0;
    const subscription = registry.onDidChange(() => changes++);
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    subscription.dispose();
    await registry.renameUser(resource.id, testUserId(1), 'x');
    assert.equal(changes, 2);
  });

  test('tokens that stopped working more than the retention ago are forgotten, values included', async () => {
    const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
    await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
    await registry.addUser(resource.id, testUserId(2), { origin: 'created' });
    const day = 24 * 3600_000;
    const now = new Date('2026-11-21T12:00:00.000Z');
    const at = (offset: number): Date => new Date(now.getTime() + offset);
    const longExpired = await registry.addToken(resource.id, testUserId(1), { value: 'long-expired', scopes: ['chat'], issuedAt: at(-3 * day), expiresOn: at(-2 * day) });
    const justExpired = await registry.addToken(resource.id, testUserId(1), { value: 'just-expired', scopes: ['chat'], issuedAt: at(-day), expiresOn: at(-3600_000) });
    const valid = await registry.addToken(resource.id, testUserId(1), { value: 'valid', scopes: ['chat'], issuedAt: at(-3600_000), expiresOn: at(day) });
    const revokedLongAgo = await registry.addToken(resource.id, testUserId(2), { value: 'revoked', scopes: ['chat'], issuedAt: at(-3 * day), expiresOn: at(day) });
    await registry.markTokensRevoked(resource.id, testUserId(2), at(-2 * day));

    assert.equal(await registry.pruneEndedTokens(now, day), 2);
    assert.deepEqual((await registry.listTokens(resource.id, testUserId(1))).map((token) => token.tokenId).sort(), [justExpired.tokenId, valid.tokenId].sort());
    assert.deepEqual(await registry.listTokens(resource.id, testUserId(2)), []);
    assert.equal(await registry.getTokenValue(longExpired), undefined);
    assert.equal(await registry.getTokenValue(revokedLongAgo), undefined);
    assert.equal(await registry.getTokenValue(valid), 'valid');
    assert.equal(await registry.pruneEndedTokens(now, day), 0);
  });
});
