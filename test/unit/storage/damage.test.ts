// Damage: what a crash, a full disk or a hand edit can leave in the storage folder is reported and
// recovered as far as it can be; it never hides other records, and it never makes the list fail.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Log } from '../../../src/core/log';
import { Registry } from '../../../src/storage/registry';
import { MemorySecrets } from '../support/memorySecrets';
import { TEST_RESOURCE_GUID, testConnection, testUserId } from '../support/records';



/** A log that keeps its warnings, to check what a person would find in the output channel. */
function recordingLog(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug: () => undefined, info: () => undefined, warn: (message) => warnings.push(message), error: (message) => warnings.push(message) };
}

suite('damaged records', () => {
  let root: string;
  let secrets: MemorySecrets;

  setup(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'acs-damage-'));
    secrets = new MemorySecrets();
  });
  teardown(() => fs.rm(root, { recursive: true, force: true }));

  test('a line of a journal that is not a record is reported, and the lines around it are read', async () => {
    const writer = new Registry(root, secrets);
    const resource = await writer.addResource('r', testConnection('r.communication.azure.com'));
    await writer.addUser(resource.id, testUserId(1), { origin: 'created' });
    const [journal] = await fs.readdir(path.join(root, 'records', 'journals'));
    await fs.appendFile(path.join(root, 'records', 'journals', journal), 'null\n{"kind":"userAdded","stamp":[1,"x"],"user":{"truncat\n');
    await writer.addUser(resource.id, testUserId(2), { origin: 'created' });
    await writer.dispose();

    const log = recordingLog();
    const reader = new Registry(root, secrets, log);
    try {
      assert.deepEqual((await reader.listUsers(resource.id)).map((user) => user.userId), [testUserId(1), testUserId(2)]);
      assert.deepEqual(reader.damaged.map((line) => [line.line, line.reason]), [[3, 'notAnEvent'], [4, 'notJson']]);
      assert.equal(log.warnings.length, 2);
    } finally {
      await reader.dispose();
    }
  });

  test('killed in the middle of writing, a window loses nothing it had written, and leaves readable records', async () => {
    const resource = await new Registry(root, secrets).addResource('r', testConnection('r.communication.azure.com'));
    // A window that creates users as fast as it can and says which ones it recorded, killed at once.
    const script = `
      const { Registry } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/storage/registry.js'))});
      const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined };
      const registry = new Registry(${JSON.stringify(root)}, secrets);
      (async () => {
        for (let n = 0; ; n++) {
          await registry.addUser(${JSON.stringify(resource.id)}, '8:acs:${TEST_RESOURCE_GUID}_user-' + n, { origin: 'created' });
          process.stdout.write(n + '\\n');
        }
      })();`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').length > 300) {
        child.kill('SIGKILL');
      }
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const recorded = output.split('\n').filter((line) => /^\d+$/.test(line)).map(Number);
    assert.ok(recorded.length >= 300, `the window recorded ${recorded.length} users before it was killed`);

    const reader = new Registry(root, secrets);
    try {
      const listed = new Set((await reader.listUsers(resource.id)).map((user) => user.userId));
      for (const n of recorded) {
        assert.ok(listed.has(`8:acs:${TEST_RESOURCE_GUID}_user-${n}`), `user ${n} was recorded, then lost`);
      }
      assert.deepEqual(reader.damaged, []);
    } finally {
      await reader.dispose();
    }
  });

  test('a snapshot half-written by a window killed while it compacted is removed', async () => {
    const stale = path.join(root, 'records', 'snapshot.jsonl.0f0e0d0c-0000-4000-8000-000000000000.tmp');
    await fs.mkdir(path.dirname(stale), { recursive: true });
    await fs.writeFile(stale, '{"kind":');
    const old = new Date(Date.now() - 3600_000);
    await fs.utimes(stale, old, old);
    const registry = new Registry(root, secrets);
    await registry.whenLoaded();
    await registry.dispose();
    await assert.rejects(fs.stat(stale), { code: 'ENOENT' });
  });

  test('a window killed during a creation leaves its mark: the next window reports it once', async () => {
    // The first window is closed: a window still open would notice the killed one first and report it.
    const first = new Registry(root, secrets);
    const resource = await first.addResource('r', testConnection('r.communication.azure.com'));
    await first.dispose();
    // A window that starts creating a user and is killed before the answer arrives.
    const script = `
      const { Registry } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/storage/registry.js'))});
      const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined };
      new Registry(${JSON.stringify(root)}, secrets).beginOperation('createUser', ${JSON.stringify(resource.id)}).then(() => process.stdout.write('started\\n'));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const next = new Registry(root, secrets);
    const reported: string[] = [];
    next.onDidFindInterruptedOperations((operations) => reported.push(...operations.map((operation) => `${operation.kind} ${operation.resourceId}`)));
    await next.whenLoaded();
    await next.whenIdle();
    assert.deepEqual(reported, [`createUser ${resource.id}`]);
    await next.dispose();

    const later = new Registry(root, secrets);
    const reportedAgain: unknown[] = [];
    later.onDidFindInterruptedOperations((operations) => reportedAgain.push(...operations));
    await later.whenLoaded();
    assert.deepEqual(reportedAgain, [], 'reported once');
    await later.dispose();
  });

  test('ids of any length and script are recorded (no file name is made of them); an empty id is refused', async () => {
    const registry = new Registry(root, secrets);
    try {
      const resource = await registry.addResource('r', testConnection('r.communication.azure.com'));
      const long = `8:acs:${TEST_RESOURCE_GUID}_${'a'.repeat(2000)}`;
      const cjk = `8:acs:${TEST_RESOURCE_GUID}_${'用户'.repeat(15)}`;
      await registry.addUser(resource.id, long, { origin: 'added' });
      await registry.addUser(resource.id, cjk, { origin: 'added' });
      await registry.addUser(resource.id, testUserId(1), { origin: 'created' });
      await assert.rejects(registry.forgetUser(resource.id, ''), /cannot be empty/);
      const reread = new Registry(root, secrets);
      assert.deepEqual((await reread.listUsers(resource.id)).map((user) => user.userId).sort(), [long, cjk, testUserId(1)].sort());
      await reread.dispose();
    } finally {
      await registry.dispose();
    }
  });
});

suite('records of version 0.1 (one file per record)', () => {
  let root: string;
  let secrets: MemorySecrets;
  const resourceId = '6f1c2f38-0000-4000-8000-000000000001';
  const legacy = (...parts: string[]): string => path.join(root, 'resources', ...parts);
  const encoded = (id: string): string => encodeURIComponent(id).replace(/\./g, '%2E');

  async function write(file: string, text: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
  }

  setup(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'acs-legacy-'));
    secrets = new MemorySecrets();
    await write(legacy(resourceId, 'resource.json'), JSON.stringify({ id: resourceId, name: 'dev', endpoint: 'https://dev.communication.azure.com/', host: 'dev.communication.azure.com', addedAt: '2026-11-01T00:00:00.000Z', isLocalEmulator: false }));
    await secrets.store(Registry.secretKeyForConnectionString(resourceId), testConnection('dev.communication.azure.com').canonical);
    await write(legacy(resourceId, 'users', encoded(testUserId(1)), 'user.json'), JSON.stringify({ resourceId, userId: testUserId(1), label: 'alice', createdAt: '2026-11-01T01:00:00.000Z', origin: 'created' }));
    await write(legacy(resourceId, 'users', encoded(testUserId(1)), 'tokens', 'tok-1.json'), JSON.stringify({ resourceId, userId: testUserId(1), tokenId: 'tok-1', scopes: ['chat'], issuedAt: '2026-11-01T01:00:00.000Z', expiresOn: '2099-11-02T01:00:00.000Z' }));
    await secrets.store(Registry.secretKeyForToken({ resourceId, tokenId: 'tok-1' }), 'alice-token');
  });
  teardown(() => fs.rm(root, { recursive: true, force: true }));

  test('are moved to the journal once, with their secrets, and the old files go', async () => {
    const registry = new Registry(root, secrets);
    try {
      const [user] = await registry.listUsers(resourceId);
      assert.equal(user.label, 'alice');
      const [token] = await registry.listTokens(resourceId, testUserId(1));
      assert.equal(await registry.getTokenValue(token), 'alice-token');
      await assert.rejects(fs.stat(legacy()), { code: 'ENOENT' });
    } finally {
      await registry.dispose();
    }
  });

  test('dates the journal would refuse (not dates at all) are not moved as they are: the records survive the next start', async () => {
    await write(legacy(resourceId, 'resource.json'), JSON.stringify({ id: resourceId, name: 'dev', endpoint: 'https://dev.communication.azure.com/', host: 'dev.communication.azure.com', addedAt: 'yesterday', isLocalEmulator: false }));
    await write(legacy(resourceId, 'users', encoded(testUserId(1)), 'user.json'), JSON.stringify({ resourceId, userId: testUserId(1), label: 'alice', createdAt: '2026-11-01T01:00:00.000Z', origin: 'created', tokensRevokedAt: 'soon' }));
    await write(legacy(resourceId, 'users', encoded(testUserId(2)), 'user.json'), JSON.stringify({ resourceId, userId: testUserId(2), label: 'bob', createdAt: 'last week', origin: 'created' }));
    await write(legacy(resourceId, 'users', encoded(testUserId(1)), 'tokens', 'tok-2.json'), JSON.stringify({ resourceId, userId: testUserId(1), tokenId: 'tok-2', scopes: ['chat'], issuedAt: 'now', expiresOn: '2099-11-02T01:00:00.000Z' }));
    await new Registry(root, secrets).dispose();
    const reopened = new Registry(root, secrets);
    try {
      await reopened.whenLoaded();
      assert.deepEqual(reopened.damaged, [], 'every line the migration wrote is read back');
      assert.equal((await reopened.getResource(resourceId))?.name, 'dev');
      assert.deepEqual((await reopened.listUsers(resourceId)).map((user) => [user.userId, user.label, user.damaged === true]).sort(), [
        [testUserId(1), 'alice', false],
        [testUserId(2), undefined, true],
      ]);
      assert.deepEqual((await reopened.listTokens(resourceId, testUserId(1))).map((token) => token.tokenId), ['tok-1']);
    } finally {
      await reopened.dispose();
    }
  });

  test('a truncated user.json, a user.json holding null and temporary files: the users are kept and reported, the rest is read', async () => {
    await write(legacy(resourceId, 'users', encoded(testUserId(2)), 'user.json'), '{"resourceId":"6f1c2f38-0000-4000-8000-0000000');
    await write(legacy(resourceId, 'users', encoded(testUserId(3)), 'user.json'), 'null');
    await write(legacy(resourceId, 'users', encoded(testUserId(3)), 'user.json.1234.tmp'), '{"half":');
    await write(legacy(resourceId, 'users', encoded(testUserId(1)), 'tokens', 'tok-2.json'), '{"broken');
    await secrets.store(Registry.secretKeyForToken({ resourceId, tokenId: 'tok-2' }), 'unreadable-token');
    const log = recordingLog();
    const registry = new Registry(root, secrets, log);
    try {
      assert.deepEqual((await registry.listUsers(resourceId)).map((user) => [user.userId, user.damaged === true]).sort(), [
        [testUserId(1), false],
        [testUserId(2), true],
        [testUserId(3), true],
      ]);
      assert.equal(log.warnings.filter((warning) => /was damaged/.test(warning)).length, 3);
      assert.equal(await secrets.get(Registry.secretKeyForToken({ resourceId, tokenId: 'tok-2' })), undefined, 'the value of a token no record points to is deleted');
      await assert.rejects(fs.stat(legacy()), { code: 'ENOENT' }, 'temporary files went with the old layout');
    } finally {
      await registry.dispose();
    }
  });
});
