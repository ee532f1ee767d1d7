import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { startEmulator } from '../../../src/emulator';
import { assertRestError, emulatorRequest, sdkClient } from './emulatorClient';
import { useEmulator } from '../../support/emulatorFixture';

suite('emulator: fault injection', () => {
  let client: CommunicationIdentityClient;

  const fixture = useEmulator();
  suiteSetup(() => {
    client = sdkClient(fixture.emulator.connectionString);
  });

  test('failNext(2, 503) fails exactly the next two requests, with Retry-After', async () => {
    fixture.emulator.failNext(2, 503);
    const first = await assertRestError(client.createUser(), 503, 'InjectedFault');
    assert.equal(first.response?.headers.get('retry-after'), '1');
    await assertRestError(client.createUser(), 503, 'InjectedFault');
    await client.createUser();
  });

  test('failNext defaults to 500', async () => {
    fixture.emulator.failNext(1);
    await assertRestError(client.createUser(), 500, 'InjectedFault');
  });

  test('a failure rate of 1 fails everything, 0 nothing', async () => {
    fixture.emulator.setFailureRate(1, 502);
    await assertRestError(client.createUser(), 502, 'InjectedFault');
    fixture.emulator.setFailureRate(0);
    await client.createUser();
  });

  test('latency delays the answer', async () => {
    fixture.emulator.setLatency(150);
    const started = process.hrtime.bigint();
    await client.createUser();
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    // A lower bound only: a timer never fires early by more than its 1 ms rounding.
    assert.ok(elapsedMs >= 149, `answered after ${elapsedMs} ms`);
  });

  test('faults are set from the options at start', async () => {
    const faulty = await startEmulator({ port: 0, faults: { failNext: { count: 1, status: 429 } } });
    try {
      await assertRestError(sdkClient(faulty.connectionString).createUser(), 429, 'InjectedFault');
      await sdkClient(faulty.connectionString).createUser();
    } finally {
      await faulty.close();
    }
  });

  test('PUT and DELETE /_emulator/faults set and clear faults over HTTP', async () => {
    const put = await emulatorRequest(fixture.emulator.endpoint, 'PUT', '/_emulator/faults', { failNext: { count: 5, status: 500 } });
    assert.equal(put.status, 204);
    await assertRestError(client.createUser(), 500, 'InjectedFault');
    assert.equal((await emulatorRequest(fixture.emulator.endpoint, 'DELETE', '/_emulator/faults')).status, 204);
    await client.createUser();
  });

  test('invalid fault settings are refused and change nothing', async () => {
    assert.throws(() => fixture.emulator.failNext(3, 200), RangeError);
    assert.throws(() => fixture.emulator.setFailureRate(1.5), RangeError);
    assert.throws(() => fixture.emulator.setFailureRate(1, 200), RangeError);
    assert.throws(() => fixture.emulator.setLatency(-1), RangeError);
    assert.throws(() => fixture.emulator.setLatency(1e12), RangeError);
    assert.throws(() => fixture.emulator.setLatency(1.5), RangeError);
    await client.createUser();
    await client.createUser();
  });

  test('PUT /_emulator/faults checks every setting before applying any', async () => {
    const refused = [
      { failNext: { count: 3, status: 200 } },
      { failNext: { count: 3 }, failureRate: { fraction: 2 } },
      { failNext: { count: 3 }, latencyMs: 1e12 },
      { failNext: { count: '3' } },
      { failnext: { count: 3 } },
      { failNext: { count: 3, statuss: 503 } },
      [1],
    ];
    for (const settings of refused) {
      const put = await emulatorRequest(fixture.emulator.endpoint, 'PUT', '/_emulator/faults', settings);
      assert.equal(put.status, 400, JSON.stringify(settings));
    }
    for (let i = 0; i < 4; i += 1) {
      await client.createUser();
    }
  });

  test('startEmulator refuses bad fault options before it listens', async () => {
    await assert.rejects(startEmulator({ port: 0, faults: { failNext: { count: 1, status: 200 } } }), RangeError);
    await assert.rejects(startEmulator({ port: 0, latencyMs: 1e12 }), RangeError);
  });

  test('the /_emulator/ endpoints are never faulted', async () => {
    fixture.emulator.setFailureRate(1);
    assert.equal((await emulatorRequest(fixture.emulator.endpoint, 'GET', '/_emulator/identities')).status, 200);
  });
});
