// Two windows are two registries on one storage folder (each VS Code window has its own extension
// host; two instances in one process behave the same, each with its own journal). What one does
// at the same time as the other is kept, and no secret is left behind.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from '../../../src/storage/registry';
import { MemorySecrets } from '../support/memorySecrets';
import { testConnection, testUserId } from '../support/records';



suite('two windows on one storage folder', () => {
  let root: string;
  let secrets: MemorySecrets;
  let first: Registry;
  let second: Registry;

  /** Both windows have read each other's journals and finished their background writes. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 2; round++) {
      await Promise.all([first.catchUp(), second.catchUp()]);
      await Promise.all([first.whenIdle(), second.whenIdle()]);
    }
  }

  setup(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'acs-windows-'));
    secrets = new MemorySecrets();
    first = new Registry(root, secrets);
    second = new Registry(root, secrets);
    await Promise.all([first.whenLoaded(), second.whenLoaded()]);
  });

  teardown(async () => {
    await Promise.all([first.dispose(), second.dispose()]);
    await fs.rm(root, { recursive: true, force: true });
  });

  test('a rename in one and a revocation in the other at the same time: both are kept', async () => {
    const resource = await first.addResource('r', testConnection('r.communication.azure.com'));
    await first.addUser(resource.id, testUserId(1), { origin: 'created' });
    await settle();
    await Promise.all([first.renameUser(resource.id, testUserId(1), 'Alice'), second.markTokensRevoked(resource.id, testUserId(1), new Date())]);
    await settle();
    for (const window of [first, second]) {
      const user = await window.getUser(resource.id, testUserId(1));
      assert.equal(user?.label, 'Alice');
      assert.ok(user?.tokensRevokedAt, 'the revocation is kept');
    }
  });

  test('Remove User in one racing Issue Token in the other: the token value does not stay behind', async () => {
    const resource = await first.addResource('r', testConnection('r.communication.azure.com'));
    await first.addUser(resource.id, testUserId(1), { origin: 'created' });
    await settle();
    // The second window issues a token for a user the first removes at the same moment.
    await Promise.all([second.addToken(resource.id, testUserId(1), { value: 'racing-token', scopes: ['chat'], issuedAt: new Date(), expiresOn: new Date(Date.now() + 3600_000) }), first.forgetUser(resource.id, testUserId(1))]);
    await settle();
    assert.deepEqual([...secrets.values.values()].filter((value) => value === 'racing-token'), []);
    assert.equal(await second.getUser(resource.id, testUserId(1)), undefined);
  });

  test('Remove Resource in one racing Create User in the other: no secret is left, and the old users do not come back', async () => {
    const resource = await first.addResource('r', testConnection('r.communication.azure.com'));
    await first.addUser(resource.id, testUserId(1), { origin: 'created' });
    await first.addToken(resource.id, testUserId(1), { value: 'old-token', scopes: ['chat'], issuedAt: new Date(), expiresOn: new Date(Date.now() + 3600_000) });
    await settle();
    await Promise.all([
      second.addUser(resource.id, testUserId(2), { origin: 'created' }).then(() =>
        second.addToken(resource.id, testUserId(2), { value: 'racing-token', scopes: ['chat'], issuedAt: new Date(), expiresOn: new Date(Date.now() + 3600_000) }),
      ),
      first.removeResource(resource.id),
    ]).catch(() => undefined); // the second window may already know the resource is gone
    await settle();
    for (const window of [first, second]) {
      assert.deepEqual(await window.listResources(), []);
      assert.deepEqual(await window.listUsers(resource.id), []);
    }
    assert.deepEqual([...secrets.values.keys()], [], 'no connection string and no token value left');
    await first.addResource('r', testConnection('r.communication.azure.com'));
    await settle();
    assert.equal(await first.getUser(resource.id, testUserId(1)), undefined, 'a user removed with its resource stays removed');
  });

  test('both adding the same endpoint list it once', async () => {
    await Promise.all([first.addResource('dev', testConnection('dev.communication.azure.com')), second.addResource('dev', testConnection('dev.communication.azure.com'))]);
    await settle();
    assert.equal((await first.listResources()).length, 1);
    assert.equal((await second.listResources()).length, 1);
  });

  test('two processes creating, renaming, revoking and removing at the same time keep every change', async function () {
    this.timeout(30_000);
    const resource = await first.addResource('r', testConnection('r.communication.azure.com'));
    for (let n = 0; n < 20; n++) {
      await first.addUser(resource.id, testUserId(n), { origin: 'created' });
    }
    // The other window, in a process of its own: renames the even users, removes users 10-14, adds 100-119.
    const script = `
      const { Registry } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/storage/registry.js'))});
      const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined };
      const id = (n) => '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-' + String(n).padStart(12, '0');
      (async () => {
        const registry = new Registry(${JSON.stringify(root)}, secrets);
        for (let n = 0; n < 20; n++) {
          if (n % 2 === 0) await registry.renameUser(${JSON.stringify(resource.id)}, id(n), 'renamed ' + n);
          if (n >= 10 && n < 15) await registry.forgetUser(${JSON.stringify(resource.id)}, id(n));
          await registry.addUser(${JSON.stringify(resource.id)}, id(100 + n), { origin: 'created' });
        }
        await registry.dispose();
      })();`;
    const other = new Promise((resolve, reject) => spawn(process.execPath, ['-e', script], { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`exit ${code}`)))));
    // Meanwhile this window revokes the tokens of every user and adds 200-219.
    for (let n = 0; n < 20; n++) {
      await first.markTokensRevoked(resource.id, testUserId(n), new Date());
      await first.addUser(resource.id, testUserId(200 + n), { origin: 'created' });
    }
    await other;
    await settle();
    const third = new Registry(root, secrets);
    for (const window of [first, second, third]) {
      const users = new Map((await window.listUsers(resource.id)).map((user) => [user.userId, user]));
      assert.equal(users.size, 20 - 5 + 20 + 20);
      for (let n = 0; n < 20; n++) {
        const user = users.get(testUserId(n));
        assert.equal(user === undefined, n >= 10 && n < 15, `user ${n} removed only if the other window removed it`);
        if (user) {
          assert.equal(user.label, n % 2 === 0 ? `renamed ${n}` : undefined, `the rename of user ${n}`);
          assert.ok(user.tokensRevokedAt, `the revocation of user ${n}`);
        }
        assert.ok(users.has(testUserId(100 + n)) && users.has(testUserId(200 + n)));
      }
    }
    await third.dispose();
  });

  test('a window that closed leaves its journal to the next window, which compacts it into the snapshot', async () => {
    const resource = await first.addResource('r', testConnection('r.communication.azure.com'));
    // A window in another process, which exits: its journal stays, its process is gone.
    const script = `
      const { Registry } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/storage/registry.js'))});
      const secrets = { values: new Map(), get: async () => undefined, store: async () => undefined, delete: async () => undefined };
      (async () => {
        const registry = new Registry(${JSON.stringify(root)}, secrets);
        await registry.addUser(${JSON.stringify(resource.id)}, ${JSON.stringify(testUserId(7))}, { origin: 'created', label: 'from a closed window' });
        await registry.dispose();
      })();`;
    await new Promise((resolve, reject) => spawn(process.execPath, ['-e', script], { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`exit ${code}`)))));
    const later = new Registry(root, secrets);
    try {
      assert.equal((await later.getUser(resource.id, testUserId(7)))?.label, 'from a closed window');
      await later.whenIdle();
      const journals = await fs.readdir(path.join(root, 'records', 'journals'));
      assert.deepEqual(journals.filter((name) => !name.startsWith(`${process.pid}-`)), [], "the closed window's journal was absorbed");
      const fresh = new Registry(root, secrets);
      assert.equal((await fresh.getUser(resource.id, testUserId(7)))?.label, 'from a closed window', 'read back from the snapshot');
      await fresh.dispose();
    } finally {
      await later.dispose();
    }
  });
});
