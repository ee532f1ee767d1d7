// The tree on its own: parents, stable ids, and re-rendering by itself when a token expires.
import * as assert from 'node:assert/strict';
import { addEmulatorResource, getApi, removeAllResources, resourceRow, run, tokenRows, userRow, type Harness } from './support';
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
});
