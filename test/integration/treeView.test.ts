// The tree on its own: parents, stable ids, and re-rendering by itself when a token expires.
import * as assert from 'node:assert/strict';
import { addEmulatorResource, children, getApi, removeAllResources, resourceRow, run, tokenRows, userRow, type Harness } from './support';
import { useEmulator } from '../support/emulatorFixture';

suite('Tree view', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let resourceId: string;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
  });
  teardown(() => api.tree.setClockOffset(0));
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  test('resources are expanded; every row has a stable id and its parent', async () => {
    const issued = await run<{ userId: string }>('acsIdentity.createUserAndToken', { resource: resourceId, label: 'alice' });
    const resource = await resourceRow(api, 'dev');
    const user = await userRow(api, 'dev', issued.userId);
    const [token] = await tokenRows(api, 'dev', issued.userId);
    assert.equal(api.tree.getTreeItem(resource.node).collapsibleState, 2 /* Expanded */);
    assert.equal(api.tree.getTreeItem(user.node).collapsibleState, 1 /* Collapsed */);
    assert.equal(resource.node.id, `resource/${resourceId}`);
    assert.equal(user.node.id, `user/${resourceId}/${issued.userId}`);
    assert.equal(api.tree.getTreeItem(token.node).id, token.node.id);
    assert.equal(token.node.kind === 'token' && token.node.parent.id, user.node.id);
    assert.equal(user.node.kind === 'user' && user.node.parent.id, resource.node.id);
    // Refreshed rows keep their ids.
    assert.equal((await userRow(api, 'dev', issued.userId)).node.id, user.node.id);
  });

  test('a token is marked expired by the tree itself, right when it expires, without any command', async () => {
    const issued = await run<{ userId: string; expiresOn: string }>('acsIdentity.createUserAndToken', {
      resource: resourceId,
      label: 'short-lived',
      lifetimeMinutes: 60,
    });
    assert.deepEqual((await tokenRows(api, 'dev', issued.userId)).map((t) => t.description), ['expires in 59 min']);
    const next = api.tree.nextRefreshAt;
    assert.ok(next && next.getTime() <= Date.parse(issued.expiresOn), 'the tree plans to refresh at the latest when the token expires');

    // Move the tree's clock to 3 seconds before the expiry, and let its own timer do the rest.
    api.tree.setClockOffset(Date.parse(issued.expiresOn) - Date.now() - 3000);
    const rows = await tokenRows(api, 'dev', issued.userId);
    assert.deepEqual(rows.map((t) => t.description), ['expires in less than a minute']);
    // The plan is checked on the tree's clock; how soon the timer really fires is the machine's business.
    const planned = api.tree.nextRefreshAt;
    assert.ok(planned, 'the tree plans a refresh');
    assert.ok(planned.getTime() <= Date.parse(issued.expiresOn), `planned at ${planned.toISOString()}, expiry ${issued.expiresOn}`);
    assert.ok(planned.getTime() > Date.parse(issued.expiresOn) - 3000, `planned at ${planned.toISOString()}, before the moved clock`);
    await new Promise<void>((resolve) => {
      const subscription = api.tree.onDidChange(() => {
        subscription.dispose();
        resolve();
      });
    });
    const [expired] = await tokenRows(api, 'dev', issued.userId);
    assert.equal(expired.description, 'expired');
    assert.equal(expired.contextValue, 'acsToken;expired');
    const user = await userRow(api, 'dev', issued.userId);
    assert.equal(user.description, 'no valid token');
    assert.match(user.tooltip, /Latest token: chat, voip, expired /);
  });

  test('a resource with more than 200 users lists them in ranges of 100, kept up to date as users come and go', async function () {
    this.timeout(120_000);
    const resource = await resourceRow(api, 'dev');
    const before = (await children(api, resource.node)).length;
    await run('acsIdentity.createUsersInBulk', { resource: resourceId, count: 250 - before, labelPrefix: 'bulk-', scopes: [] });
    const ranges = await children(api, resource.node);
    assert.deepEqual(
      ranges.map((range) => [range.label, range.contextValue]),
      [
        ['Users 1–100', 'acsUserRange'],
        ['Users 101–200', 'acsUserRange'],
        ['Users 201–250', 'acsUserRange'],
      ],
    );
    assert.equal((await children(api, ranges[1].node)).length, 100);
    const newest = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'newest' });
    const after = await children(api, resource.node);
    assert.equal(after.at(-1)?.label, 'Users 201–251');
    const lastRange = await children(api, after[2].node);
    assert.equal(lastRange.at(-1)?.label, 'newest');
    const newestNode = lastRange.at(-1)?.node;
    assert.equal(newestNode?.kind === 'user' && newestNode.parent.id, after[2].node.id, 'its parent is its range');

    // Down to 200 users: one list again.
    const removed = lastRange.flatMap((row) => (row.node.kind === 'user' ? [row.node] : []));
    api.prompts.push(`Remove ${removed.length} Users from List`);
    await run('acsIdentity.forgetUser', removed[0], removed);
    const flat = await children(api, resource.node);
    assert.equal(flat.length, 200);
    assert.ok(flat.every((row) => row.node.kind === 'user'));
    assert.ok(!flat.some((row) => row.node.kind === 'user' && row.node.user.userId === newest.userId));
  });
});

