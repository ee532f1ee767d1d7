import * as assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { DEVELOPMENT_ACCESS_KEY, RunningEmulator, startEmulator } from '../../../src/emulator';
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
  let emulator: RunningEmulator;
  const create = (target = '/identities?api-version=2023-10-01'): Promise<RawResponse> =>
    signedRequest({ endpoint: emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target, agent });

  suiteTeardown(() => agent.destroy());
  teardown(() => emulator.close());

  test('the 1001st create within 30 seconds gets 429 with Retry-After; other operations and the next window are unaffected', async () => {
    // A frozen clock makes "within 30 seconds" hold however slow the machine is.
    emulator = await startEmulator({ port: 0, clock: () => now });
    const accepted = await sendMany(1000, 16, () => create());
    assert.deepEqual(new Set(accepted.map((response) => response.status)), new Set([201]));

    const rejected = await create();
    assert.equal(rejected.status, 429);
    assert.equal(rejected.headers['retry-after'], '30');
    assert.equal((JSON.parse(rejected.text) as { error: { code: string } }).error.code, 'TooManyRequests');
    await assertRestError(sdkClient(emulator.connectionString).createUser(), 429, 'TooManyRequests');

    const id = (JSON.parse(accepted[0].text) as { identity: { id: string } }).identity.id;
    const issue = await signedRequest({
      endpoint: emulator.endpoint,
      accessKey: DEVELOPMENT_ACCESS_KEY,
      method: 'POST',
      target: `/identities/${encodeURIComponent(id)}/:issueAccessToken?api-version=2023-10-01`,
      body: JSON.stringify({ scopes: ['chat'] }),
      agent,
    });
    assert.equal(issue.status, 200, 'issuing tokens has its own budget');

    now += 30_000;
    assert.equal((await create()).status, 201, 'the window has slid past the first 1000 creates');
  });

  test('with throttle: false the 1001st create succeeds', async () => {
    emulator = await startEmulator({ port: 0, throttle: false, clock: () => now });
    const responses = await sendMany(1001, 16, () => create());
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([201]));
  });
});
