// "Start Local Emulator": in-process, on a free loopback port, listed as "Local emulator", with
// identities that outlive a restart of the emulator (and of VS Code), and one emulator per data
// file however many windows (extension hosts) share it.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { EmulatorHost } from '../../src/localEmulator/emulatorHost';
import { Logger } from '../../src/platform/logger';
import { children, getApi, messagesDuring, removeAllResources, resourceRow, run, tokenRows, type Harness } from './support';

/** Where dist/emulator.js is, from out/test/integration. */
const BUNDLE_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'dist');

suite('Local emulator', () => {
  let api: Harness;

  /** Starts the local emulator through the command and gives it a user with a token, as a person would. */
  async function startWithAlice(): Promise<{ resourceId: string; endpoint: string; aliceId: string }> {
    const started = await run<{ resourceId: string; endpoint: string }>('acsIdentity.startEmulator');
    assert.ok(started, api.messages.at(-1)?.text);
    const alice = await run<{ userId: string }>('acsIdentity.createUserAndToken', { resource: started.resourceId, label: 'alice' });
    assert.ok(alice, api.messages.at(-1)?.text);
    return { ...started, aliceId: alice.userId };
  }

  suiteSetup(async () => {
    api = await getApi();
  });
  // Each test starts from no emulator and no resource, whatever the one before left.
  setup(async () => {
    await api.localEmulator.stop();
    await removeAllResources(api);
    api.clearMessages();
  });
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
    const { resourceId, endpoint, aliceId } = await startWithAlice();
    await api.localEmulator.stop();
    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId: aliceId }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      `Could not issue a token for alice. Cannot reach the local emulator at ${new URL(endpoint).host}: run "Start Local Emulator" to start it again.`,
    );

    const restarted = await run<{ resourceId: string; endpoint: string }>('acsIdentity.startEmulator');
    assert.equal(restarted.resourceId, resourceId);
    assert.deepEqual((await children(api)).map((r) => [r.label, r.description]), [['Local emulator', new URL(restarted.endpoint).host]]);
    // Its identities are kept in a file of the extension's storage: the user still exists.
    const issued = await run<{ userId: string }>('acsIdentity.issueToken', { resource: restarted.resourceId, userId: aliceId });
    assert.ok(issued, api.messages.at(-1)?.text);
    assert.equal((await tokenRows(api, 'Local emulator', aliceId)).length, 2);
  });

  test('after a restart of VS Code (what activation runs), "Local emulator" answers again, silently, and its users still exist', async () => {
    const { resourceId, aliceId } = await startWithAlice();
    await api.localEmulator.stop();

    assert.deepEqual(await messagesDuring(api, () => api.localEmulator.resume()), [], 'no notification at activation');
    const endpoint = api.localEmulator.endpoint;
    assert.ok(endpoint, 'the emulator runs again');
    assert.deepEqual((await children(api)).map((r) => [r.label, r.description]), [['Local emulator', new URL(endpoint).host]]);
    const issued = await run<{ userId: string }>('acsIdentity.issueToken', { resource: resourceId, userId: aliceId });
    assert.ok(issued, api.messages.at(-1)?.text);
  });

  test('starting it again while it runs keeps the same endpoint', async () => {
    const first = await run<{ endpoint: string }>('acsIdentity.startEmulator');
    const second = await run<{ endpoint: string }>('acsIdentity.startEmulator');
    assert.equal(second.endpoint, first.endpoint);
    assert.equal((await children(api)).length, 1);
  });
});

// Two VS Code windows are two extension hosts sharing the extension's global storage: two
// EmulatorHosts on one data file stand in for them (the lock also keeps apart hosts of one process).
suite('Local emulator: one per data file, shared by every window', () => {
  let directory: string;
  let dataFile: string;
  let logger: Logger;
  const hosts: EmulatorHost[] = [];
  const newHost = (): EmulatorHost => {
    const host = new EmulatorHost(BUNDLE_DIRECTORY, dataFile, logger);
    hosts.push(host);
    return host;
  };
  const client = (connectionString: string): CommunicationIdentityClient => new CommunicationIdentityClient(connectionString, { allowInsecureConnection: true });

  setup(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'acs-windows-'));
    dataFile = path.join(directory, 'emulator', 'identities.json');
    logger = new Logger('ACS Identities (two windows)');
  });
  teardown(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.stop()));
    logger.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  test("the second window uses the first one's emulator; users created through either survive the first closing", async () => {
    const first = newHost();
    const second = newHost();
    const running = await first.start();
    assert.equal(running.runsHere, true);
    const reused = await second.start();
    assert.deepEqual(reused, { ...running, runsHere: false });
    assert.equal(second.current, undefined, 'the second window runs no emulator of its own');

    const alice = await client(running.connectionString).createUser();
    const bob = await client(reused.connectionString).createUser();

    await first.stop(); // the first window closes
    const restarted = await second.start();
    assert.equal(restarted.runsHere, true, 'with the first window gone, the second runs it');
    for (const user of [alice, bob]) {
      await client(restarted.connectionString).getToken(user, ['chat']);
    }
  });

  test('a lock left by a window whose process is gone is taken over', async () => {
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    await mkdir(path.dirname(dataFile), { recursive: true });
    await writeFile(`${dataFile}.lock`, JSON.stringify({ pid: gone.pid, endpoint: 'http://127.0.0.1:9/' }));

    const host = newHost();
    const started = await host.start();
    assert.equal(started.runsHere, true);
    assert.deepEqual(JSON.parse(await readFile(`${dataFile}.lock`, 'utf8')), { pid: process.pid, endpoint: started.endpoint });
  });
});
