// "Start Local Emulator": in-process, on a free loopback port, listed as "Local emulator", with
// identities that outlive a restart of the emulator.
import * as assert from 'node:assert/strict';
import type { AcsIdentityTestApi } from '../../src/testApi';
import { children, getApi, removeAllResources, resourceRow, run, tokenRows } from './support';

suite('Local emulator', () => {
  let api: AcsIdentityTestApi;

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
  });
  setup(() => api.clearMessages());
  suiteTeardown(async () => {
    await api.localEmulator.stop();
    await removeAllResources(api);
  });

  test('starts on a free loopback port and is listed as "Local emulator"; users can be created on it', async () => {
    const started = await run<{ resourceId: string; endpoint: string }>('acsIdentity.startEmulator');
    assert.ok(started, api.messages.at(-1)?.text);
    assert.match(started.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(api.localEmulator.endpoint, started.endpoint);
    const resource = await resourceRow(api, 'Local emulator');
    assert.equal(resource.description, new URL(started.endpoint).host);
    assert.equal(resource.contextValue, 'acsResource;localEmulator');
    assert.equal(api.messages.at(-1)?.text, `The local emulator is running at ${started.endpoint} and is listed as "Local emulator".`);

    const issued = await run<{ userId: string }>('acsIdentity.createUserAndToken', { resource: started.resourceId, label: 'alice' });
    assert.ok(issued, api.messages.at(-1)?.text);
    assert.equal((await tokenRows(api, 'Local emulator', issued.userId)).length, 1);
  });

  test('stopped, it is named unreachable with a hint; started again, it is the same resource, and its users still exist', async () => {
    const resource = (await resourceRow(api, 'Local emulator')).node;
    assert.ok(resource.kind === 'resource');
    const [alice] = await api.tree.getChildren(resource);
    assert.ok(alice.kind === 'user');
    const oldHost = resource.resource.host;

    await api.localEmulator.stop();
    assert.equal(await run('acsIdentity.issueToken', { resource: resource.resource.id, userId: alice.user.userId }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      `Could not issue a token for alice. Cannot reach the local emulator at ${oldHost}: run "Start Local Emulator" to start it again.`,
    );

    const restarted = await run<{ resourceId: string; endpoint: string }>('acsIdentity.startEmulator');
    assert.equal(restarted.resourceId, resource.resource.id);
    assert.deepEqual((await children(api)).map((r) => [r.label, r.description]), [['Local emulator', new URL(restarted.endpoint).host]]);
    // Its identities are kept in a file of the extension's storage: the user still exists.
    const issued = await run<{ userId: string }>('acsIdentity.issueToken', { resource: restarted.resourceId, userId: alice.user.userId });
    assert.ok(issued, api.messages.at(-1)?.text);
    assert.equal((await tokenRows(api, 'Local emulator', alice.user.userId)).length, 2);
  });

  test('starting it again while it runs keeps the same endpoint', async () => {
    const first = await run<{ endpoint: string }>('acsIdentity.startEmulator');
    const second = await run<{ endpoint: string }>('acsIdentity.startEmulator');
    assert.equal(second.endpoint, first.endpoint);
    assert.equal((await children(api)).length, 1);
  });
});
