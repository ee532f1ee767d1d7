import * as assert from 'node:assert/strict';
import { AcsIdentityClient } from '../../../src/acs/identityClient';
import { parseConnectionString } from '../../../src/core/connectionString';
import { classifyServiceError, RequestTimeoutError, type ServiceErrorKind } from '../../../src/core/serviceErrors';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

function clientOf(emulator: RunningEmulator, timeoutMs: number, retries = true): AcsIdentityClient {
  const parsed = parseConnectionString(emulator.connectionString);
  assert.ok(parsed.ok);
  return new AcsIdentityClient(parsed.value, { timeoutMs: () => timeoutMs, retries });
}

async function failure(call: Promise<unknown>): Promise<{ error: unknown; kind: ServiceErrorKind }> {
  try {
    await call;
  } catch (error) {
    return { error, kind: classifyServiceError(error).kind };
  }
  assert.fail('expected the call to fail');
}

// What a failed call says happened: cancelled, timed out, cut off after sending, or never sent.
suite('service calls: cancel, deadline and lost connections', function () {
  this.timeout(30_000);
  const emulators: RunningEmulator[] = [];
  async function emulator(): Promise<RunningEmulator> {
    const started = await startEmulator({ port: 0, throttle: false });
    emulators.push(started);
    return started;
  }
  teardown(async () => {
    await Promise.all(emulators.splice(0).map((started) => started.close()));
  });

  test('a server that does not answer: the call ends at the deadline, as a timeout naming its seconds', async () => {
    const slow = await emulator();
    slow.setLatency(10_000);
    const { error, kind } = await failure(clientOf(slow, 1000).createUser());
    assert.equal(kind, 'timedOut');
    assert.ok(error instanceof RequestTimeoutError);
    assert.equal(error.seconds, 1);
  });

  test('Cancel before the deadline is a cancellation, not a timeout', async () => {
    const slow = await emulator();
    slow.setLatency(10_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    assert.equal((await failure(clientOf(slow, 5000).createUser(controller.signal))).kind, 'cancelled');
  });

  test('no deadline (0) leaves a slow call alone', async () => {
    const slow = await emulator();
    slow.setLatency(1500);
    const { userId } = await clientOf(slow, 0).createUser();
    assert.match(userId, /^8:acs:/);
  });

  test('the server gone while a request is under way: a lost connection, even though the retries then found nothing listening', async () => {
    const dying = await emulator();
    dying.setLatency(1000);
    const call = failure(clientOf(dying, 30_000).createUser());
    setTimeout(() => void dying.close(), 200);
    const { error, kind } = await call;
    assert.equal(kind, 'connectionLost');
    assert.equal((error as { cause?: { code?: string } }).cause?.code, 'ECONNREFUSED', 'the SDK only reported its last attempt');
  });

  test('without retries (bulk), the reset connection itself is a lost connection', async () => {
    const dying = await emulator();
    dying.setLatency(1000);
    const call = failure(clientOf(dying, 30_000, false).createUser());
    setTimeout(() => void dying.close(), 200);
    assert.equal((await call).kind, 'connectionLost');
  });

  test('nothing listening from the start: unreachable, nothing was sent', async () => {
    const closed = await emulator();
    await closed.close();
    assert.equal((await failure(clientOf(closed, 30_000, false).createUser())).kind, 'unreachable');
  });
});
