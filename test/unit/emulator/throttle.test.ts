import * as assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { DEVELOPMENT_ACCESS_KEY, RunningEmulator, startEmulator } from '../../../src/emulator';
import { buildEmulatorBundle, startCli } from './cliProcess';
import { assertRestError, sdkClient } from './emulatorClient';
import { RawResponse, signedRequest } from './signedRequest';

/** Sends `count` requests with at most `parallel` in flight; answers in order. */
async function sendMany(count: number, parallel: number, send: () => Promise<RawResponse>): Promise<RawResponse[]> {
  const responses: RawResponse[] = [];
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started += 1;
      responses.push(await send());
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return responses;
}

suite('emulator: service limits (429 + Retry-After)', function () {
  // A thousand requests take a second or two; leave room for slow machines.
  this.timeout(30_000);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  let now = Date.now();
  let emulator: RunningEmulator | undefined;
  const create = (endpoint: string): Promise<RawResponse> =>
    signedRequest({ endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target: '/identities?api-version=2023-10-01', agent });

  suiteTeardown(() => agent.destroy());
  teardown(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  test('the 1001st create within 30 seconds gets 429 with Retry-After; other operations and the next window are unaffected', async () => {
    // A frozen clock makes "within 30 seconds" hold however slow the machine is.
    const running = await startEmulator({ port: 0, clock: () => now });
    emulator = running;
    const accepted = await sendMany(1000, 16, () => create(running.endpoint));
    assert.deepEqual(new Set(accepted.map((response) => response.status)), new Set([201]));

    const rejected = await create(running.endpoint);
    assert.equal(rejected.status, 429);
    assert.equal(rejected.headers['retry-after'], '30');
    assert.equal((JSON.parse(rejected.text) as { error: { code: string } }).error.code, 'TooManyRequests');
    await assertRestError(sdkClient(running.connectionString).createUser(), 429, 'TooManyRequests');

    const id = (JSON.parse(accepted[0].text) as { identity: { id: string } }).identity.id;
    const issue = await signedRequest({
      endpoint: running.endpoint,
      accessKey: DEVELOPMENT_ACCESS_KEY,
      method: 'POST',
      target: `/identities/${encodeURIComponent(id)}/:issueAccessToken?api-version=2023-10-01`,
      body: JSON.stringify({ scopes: ['chat'] }),
      agent,
    });
    assert.equal(issue.status, 200, 'issuing tokens has its own budget');

    now += 30_000;
    assert.equal((await create(running.endpoint)).status, 201, 'the window has slid past the first 1000 creates');
  });

  test('through the command line (node dist/emulator.js, throttled by default), the 1001st create gets 429 with Retry-After', async () => {
    await buildEmulatorBundle();
    const cli = await startCli(['--port', '0', '--quiet']);
    try {
      // Kept-alive connections, 16 at a time: the thousand creates take a second or two, well inside the window.
      const accepted = await sendMany(1000, 16, () => create(cli.endpoint));
      assert.deepEqual(new Set(accepted.map((response) => response.status)), new Set([201]));

      const rejected = await create(cli.endpoint);
      assert.equal(rejected.status, 429);
      const retryAfter = Number(rejected.headers['retry-after']);
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 30, `Retry-After: ${String(rejected.headers['retry-after'])}`);
      await assertRestError(sdkClient(cli.connectionString).createUser(), 429, 'TooManyRequests');
    } finally {
      assert.equal((await cli.stop()).code, 0);
    }
  });

  test('with throttle: false the 1001st create succeeds', async () => {
    const running = await startEmulator({ port: 0, throttle: false, clock: () => now });
    emulator = running;
    const responses = await sendMany(1001, 16, () => create(running.endpoint));
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
  });

  test('a scaled throttle keeps the limits in proportion over a shorter window', async () => {
    const running = await startEmulator({ port: 0, throttle: { windowMs: 2000, limitFactor: 0.02 }, clock: () => now });
    emulator = running;
    const accepted = await sendMany(20, 4, () => create(running.endpoint));
    assert.deepEqual(new Set(accepted.map((response) => response.status)), new Set([201]));
    const rejected = await create(running.endpoint);
    assert.equal(rejected.status, 429);
    assert.equal(rejected.headers['retry-after'], '2');
    now += 2000;
    assert.equal((await create(running.endpoint)).status, 201);
  });
});

