// Many users at once: Create Users in Bulk (from code and from the palette), paced by the
// emulator's real 429s, cancelled midway; Delete User and Remove User from List on a selection.
import * as assert from 'node:assert/strict';
import { listIdentityIds } from '../unit/emulator/emulatorClient';
import { useEmulator } from '../support/emulatorFixture';
import { addEmulatorResource, ENTER, forgetPromptsAndMessages, getApi, lastMessageText, removeAllResources, run, userRows, waitFor, type Harness } from './support';

interface BulkResult {
  created: number;
  failed: number;
  userIds: string[];
}

const RESOURCE = 'load';

suite('Bulk', () => {
  // The service's limits over a 2-second window: 20 creations and 10 deletions per window, so the
  // tests meet real 429s with Retry-After in seconds rather than minutes.
  const fixture = useEmulator({ throttle: { windowMs: 2000, limitFactor: 0.02 } });
  let api: Harness;
  let resourceId: string;

  suiteSetup(async () => {
    api = await getApi();
  });
  setup(async () => {
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, RESOURCE);
    forgetPromptsAndMessages(api);
  });
  teardown(() => assert.equal(api.prompts.pending, 0, 'scripted answers were left unused'));
  suiteTeardown(() => removeAllResources(api));

  test('from code: users with labels and tokens, paced by the 429s, all recorded; nothing is asked', async function () {
    this.timeout(60_000);
    const result = await run<BulkResult>('acsIdentity.createUsersInBulk', { resource: resourceId, count: 45, labelPrefix: 'load-', scopes: ['chat'], lifetimeMinutes: 60 });
    assert.deepEqual([result.created, result.failed, new Set(result.userIds).size], [45, 0, 45]);
    assert.equal(api.prompts.records.length, 0);
    assert.equal(lastMessageText(api), `Created 45 users in "${RESOURCE}".`);

    const rows = await userRows(api, RESOURCE);
    // Rows are in creation order, which a request retried after a 429 changes: compare the sets.
    assert.deepEqual(rows.map((row) => row.label).sort(), Array.from({ length: 45 }, (_, n) => `load-${String(n + 1).padStart(2, '0')}`));
    assert.ok(rows.every((row) => row.description === '1 valid token'));
    const inEmulator = new Set(await listIdentityIds(fixture.emulator.endpoint));
    assert.ok(result.userIds.every((userId) => inEmulator.has(userId)));
    const keys = await api.secretKeys();
    assert.equal(keys.filter((key) => key.startsWith('acsIdentity.token/')).length, 45, 'every token value is in SecretStorage');
  });

  test('from code with scopes: [] creates users only', async () => {
    const result = await run<BulkResult>('acsIdentity.createUsersInBulk', { resource: resourceId, count: 5, scopes: [] });
    assert.equal(result.created, 5);
    const rows = await userRows(api, RESOURCE);
    assert.ok(rows.every((row) => row.description === 'no valid token' && row.node.kind === 'user' && row.node.tokens.length === 0));
  });

  test('from the palette: count, label prefix, with or without tokens, then scopes and lifetime, Enter through the rest', async () => {
    api.prompts.push('3', 'p-', ENTER, ENTER, ENTER);
    const result = await run<BulkResult>('acsIdentity.createUsersInBulk');
    assert.equal(result.created, 3);
    assert.deepEqual(
      api.prompts.records.map((record) => record.kind),
      ['input', 'input', 'quickPick', 'multiPick', 'input'],
    );
    assert.deepEqual(api.prompts.records[2].choices, ['With a token each', 'Users only']);
    assert.deepEqual((await userRows(api, RESOURCE)).map((row) => row.label).sort(), ['p-1', 'p-2', 'p-3']);
  });

  test('cancelled midway: what was created stays listed, and the summary says how many', async function () {
    this.timeout(60_000);
    fixture.emulator.setLatency(200);
    const title = `Creating 200 users in "${RESOURCE}"`;
    const running = run<BulkResult>('acsIdentity.createUsersInBulk', { resource: resourceId, count: 200, scopes: [] });
    await waitFor(async () => (await userRows(api, RESOURCE)).length >= 5, 'a few users to be created');
    api.progress.cancel(title);
    const result = await running;
    assert.ok(result.created >= 5 && result.created < 200, `created ${result.created}`);
    const listed = new Set((await userRows(api, RESOURCE)).map((row) => (row.node.kind === 'user' ? row.node.user.userId : '')));
    assert.ok(result.userIds.every((userId) => listed.has(userId)), 'every user created is listed');
    assert.match(lastMessageText(api), new RegExp(`^Cancelled: ${result.created} of 200 users were created in "${RESOURCE}" and are in the list\\.`));
  });

  test('Delete User on a selection of users: one confirmation with the count, all gone here and in the emulator', async function () {
    this.timeout(60_000);
    const { userIds } = await run<BulkResult>('acsIdentity.createUsersInBulk', { resource: resourceId, count: 24, scopes: [] });
    const nodes = (await userRows(api, RESOURCE)).map((row) => row.node);
    api.prompts.push('Delete 24 Users');
    const deleted = await run<{ userIds: string[] }>('acsIdentity.deleteUser', nodes[3], nodes);
    assert.equal(api.prompts.records[0].text.split('\n')[0], 'Delete 24 users?');
    assert.deepEqual([...deleted.userIds].sort(), [...userIds].sort());
    assert.deepEqual(await userRows(api, RESOURCE), []);
    const inEmulator = new Set(await listIdentityIds(fixture.emulator.endpoint));
    assert.ok(userIds.every((userId) => !inEmulator.has(userId)), 'deleted in the emulator too');
    assert.equal(lastMessageText(api), 'Deleted 24 users.');
  });

  test('Remove User from List on a selection: one confirmation, the users stay in the emulator', async () => {
    const { userIds } = await run<BulkResult>('acsIdentity.createUsersInBulk', { resource: resourceId, count: 4, scopes: [] });
    const nodes = (await userRows(api, RESOURCE)).map((row) => row.node);
    api.prompts.push('Remove 4 Users from List');
    await run('acsIdentity.forgetUser', nodes[0], nodes);
    assert.deepEqual(await userRows(api, RESOURCE), []);
    const inEmulator = new Set(await listIdentityIds(fixture.emulator.endpoint));
    assert.ok(userIds.every((userId) => inEmulator.has(userId)));
  });

  test('an option of the wrong type is refused, naming it, before anything is created', async () => {
    assert.equal(await run('acsIdentity.createUsersInBulk', { resource: resourceId, count: '5' }), undefined);
    assert.equal(lastMessageText(api), 'acsIdentity.createUsersInBulk: the "count" option must be a number.');
    assert.equal(await run('acsIdentity.createUsersInBulk', { resource: resourceId, count: 0 }), undefined);
    assert.equal(lastMessageText(api), 'Create Users in Bulk: the "count" option must be a whole number from 1 to 10,000.');
    assert.deepEqual(await userRows(api, RESOURCE), []);
  });
});
