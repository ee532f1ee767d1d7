// Faults of the service, injected in the emulator: a rotated key, 404, 429 beyond the SDK's
// retries, 500 and 503, a server that never answers, Cancel while waiting, and the server killed
// while a request is under way. After each: the message a person reads, the list compared with
// what the service really holds, and the next command working.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { listIdentityIds } from '../unit/emulator/emulatorClient';
import { useEmulator } from '../support/emulatorFixture';
import { addEmulatorResource, assertNoSecretShown, forgetPromptsAndMessages, getApi, messagesDuring, removeAllResources, run, tokenRows, userRows, waitFor, type Harness } from './support';

/** 64 bytes, base64: the key after a rotation. */
const ROTATED_KEY = Buffer.from('the-key-after-a-rotation-in-the-azure-portal-0123456789abcdefgh').toString('base64');
const MAY_EXIST = 'The user may have been created in Azure Communication Services all the same; the service cannot list users, so it is not in the list.';

suite('Faults', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let scratch: string;
  const started: RunningEmulator[] = [];

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    scratch = mkdtempSync(path.join(tmpdir(), 'acs-faults-'));
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(async () => {
    assertNoSecretShown(api, [fixture.emulator.connectionString.split('accesskey=')[1], ROTATED_KEY]);
    await vscode.workspace.getConfiguration('acsIdentity').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await Promise.all(started.splice(0).map((emulator) => emulator.close()));
    await removeAllResources(api);
  });
  suiteTeardown(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  /** An emulator of this test's own, keeping its identities in a file so that it can be killed and started again. */
  async function ownEmulator(options: { port?: number; accessKey?: string; dataFile?: string } = {}): Promise<RunningEmulator> {
    const emulator = await startEmulator({ port: 0, throttle: false, dataFile: path.join(scratch, `${Date.now()}.json`), ...options });
    started.push(emulator);
    return emulator;
  }

  async function listedUserIds(resourceName: string): Promise<string[]> {
    return (await userRows(api, resourceName)).flatMap((row) => (row.node.kind === 'user' ? [row.node.user.userId] : [])).sort();
  }

  /** Creates a user from code and says which messages it showed. */
  async function createUser(resourceId: string): Promise<{ result: { userId: string } | undefined; shown: string[] }> {
    let result: { userId: string } | undefined;
    const shown = await messagesDuring(api, async () => {
      result = await run<{ userId: string } | undefined>('acsIdentity.createUser', { resource: resourceId });
    });
    return { result, shown: shown.map((message) => `${message.severity}: ${message.text}`) };
  }

  test('a rotated key (401): the message says to add the resource again; once added, the next command works', async () => {
    const dataFile = path.join(scratch, 'rotation.json');
    const before = await ownEmulator({ dataFile });
    const resourceId = await addEmulatorResource(api, before, 'rotating');
    const first = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId });
    await before.close();
    const after = await ownEmulator({ port: before.port, dataFile, accessKey: ROTATED_KEY });

    assert.deepEqual((await createUser(resourceId)).shown, [
      'error: Could not create a user in "rotating". The access key of "rotating" was rejected (401), or the clock of this computer is off: the service refuses requests more than 15 minutes off. Check the date and time, or add the resource again with its current connection string.',
    ]);
    assert.deepEqual(await listedUserIds('rotating'), [first.userId]);
    assert.deepEqual(await listIdentityIds(after.endpoint, ROTATED_KEY), [first.userId], 'the service created nothing');

    assert.deepEqual(await run('acsIdentity.addResource', { connectionString: after.connectionString }), { resourceId, name: 'rotating' });
    const next = await createUser(resourceId);
    assert.ok(next.result, next.shown.join('\n'));
    assert.deepEqual(await listedUserIds('rotating'), [first.userId, next.result.userId].sort());
    assert.deepEqual((await listIdentityIds(after.endpoint, ROTATED_KEY)).sort(), await listedUserIds('rotating'));
  });

  test('404, 429 beyond the retries, 500 and 503: each named; nothing recorded; the next command works', async () => {
    const resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
    const host = new URL(fixture.emulator.endpoint).host;
    const cases: [number, string][] = [
      [404, `Could not create a user in "dev". ${host} answered 404 Not Found: it may not be the endpoint of a Communication Services resource. Check its connection string.`],
      [429, 'Could not create a user in "dev". "dev" is throttling requests (429 Too Many Requests); the request was retried and still refused. Try again in a minute.'],
      [500, 'Could not create a user in "dev". Unexpected error (500): see the "ACS Identities" output for details.'],
      [503, 'Could not create a user in "dev". "dev" is unavailable for now (503); the request was retried and still refused. Try again in a few minutes.'],
    ];
    for (const [status, message] of cases) {
      const serviceBefore = await listIdentityIds(fixture.emulator.endpoint);
      const listedBefore = await listedUserIds('dev');
      fixture.emulator.failNext(10, status);
      const failed = await createUser(resourceId);
      assert.equal(failed.result, undefined, String(status));
      assert.deepEqual(failed.shown, [`error: ${message}`], String(status));
      assert.deepEqual(await listIdentityIds(fixture.emulator.endpoint), serviceBefore, `${status}: the service created a user`);
      assert.deepEqual(await listedUserIds('dev'), listedBefore, `${status}: the list changed`);

      fixture.emulator.clearFaults();
      const next = await createUser(resourceId);
      assert.ok(next.result, `${status}: the next command failed: ${next.shown.join('\n')}`);
      assert.deepEqual(await listedUserIds('dev'), [...listedBefore, next.result.userId].sort());
      assert.deepEqual(await listIdentityIds(fixture.emulator.endpoint), [...serviceBefore, next.result.userId]);
    }
  });

  test('a server that never answers: the call ends after acsIdentity.requestTimeoutSeconds and says the user may exist (it does); the next command works', async () => {
    const resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
    const host = new URL(fixture.emulator.endpoint).host;
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: resourceId, label: 'waiting' });
    await vscode.workspace.getConfiguration('acsIdentity').update('requestTimeoutSeconds', 2, vscode.ConfigurationTarget.Global);
    const identitiesBefore = await listIdentityIds(fixture.emulator.endpoint);
    fixture.emulator.setLatency(5000);

    const abandoned = `${host} did not answer within 2 seconds, so the request was abandoned. Check the network, or allow more time with the setting acsIdentity.requestTimeoutSeconds.`;
    assert.deepEqual((await createUser(resourceId)).shown, [`error: Could not create a user in "dev". ${abandoned} ${MAY_EXIST}`]);
    assert.deepEqual(await listedUserIds('dev'), [userId]);
    // The service went on with the request after the extension gave up on it: the person was told.
    await waitFor(async () => (await listIdentityIds(fixture.emulator.endpoint)).length === identitiesBefore.length + 1, 'the emulator to create the abandoned user');

    const issued = await messagesDuring(api, () => run('acsIdentity.issueToken', { resource: resourceId, userId }));
    assert.deepEqual(issued.map((m) => `${m.severity}: ${m.text}`), [`error: Could not issue a token for waiting. ${abandoned}`]);
    assert.deepEqual(await tokenRows(api, 'dev', userId), []);

    fixture.emulator.clearFaults();
    const next = await createUser(resourceId);
    assert.ok(next.result, next.shown.join('\n'));
  });

  test('a call waiting for an answer can still be cancelled: Cancel, not the timeout, ends it', async () => {
    const resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
    await vscode.workspace.getConfiguration('acsIdentity').update('requestTimeoutSeconds', 600, vscode.ConfigurationTarget.Global);
    fixture.emulator.setLatency(60_000);
    const pending = createUser(resourceId);
    await waitFor(() => api.progress.titles.length > 0, 'the progress notification');
    api.progress.cancel(api.progress.titles[0]);
    const { result, shown } = await pending;
    assert.equal(result, undefined);
    assert.deepEqual(shown, [
      'warning: Creating a user in "dev" was cancelled, but the request had been sent: the user may have been created in Azure Communication Services all the same. The service cannot list users, so it is not in the list.',
    ]);
  });

  test('the server killed while a creation is under way: the lost connection is named, the person is told the user may exist (it does); started again, the next command works', async () => {
    const dataFile = path.join(scratch, 'killed.json');
    const emulator = await ownEmulator({ dataFile });
    const resourceId = await addEmulatorResource(api, emulator, 'killed');
    emulator.setLatency(1500);
    const pending = createUser(resourceId);
    await waitFor(() => api.progress.titles.length > 0, 'the progress notification');
    await emulator.close();
    const { result, shown } = await pending;
    assert.equal(result, undefined);
    assert.deepEqual(shown, [`error: Could not create a user in "killed". The connection to ${new URL(emulator.endpoint).host} was lost before it answered. ${MAY_EXIST}`]);
    assert.deepEqual(api.messages.at(-1)?.actions, ['Show Log']);
    assert.deepEqual(await listedUserIds('killed'), []);

    const again = await ownEmulator({ port: emulator.port, dataFile });
    const ghosts = await listIdentityIds(again.endpoint);
    assert.equal(ghosts.length, 1, 'the service had created the user before it went down');
    const next = await createUser(resourceId);
    assert.ok(next.result, next.shown.join('\n'));
    assert.deepEqual(await listedUserIds('killed'), [next.result.userId]);
  });
});
