import * as assert from 'node:assert/strict';
import { formatExpiresOn } from '../../../src/emulator/accessTokens';
import { isBase64Key } from '../../../src/shared/base64';
import { parseCliArguments } from '../../../src/emulator/cliArguments';
import { DEFAULT_EMULATOR_PORT, DEVELOPMENT_ACCESS_KEY } from '../../../src/emulator';
import { matchOperation } from '../../../src/emulator/operations';
import { CoalescingWriter } from '../../../src/emulator/coalescingWriter';
import { EventStamps } from '../../../src/emulator/stamps';
import { RequestThrottle } from '../../../src/emulator/throttle';
import { ServiceError } from '../../../src/emulator/errors';

suite('emulator: building blocks', () => {
  test('expiresOn has 7 fractional digits and +00:00, like the service', () => {
    assert.equal(formatExpiresOn(Date.UTC(2025, 3, 8, 1, 46, 39, 155)), '2025-04-08T01:46:39.1550000+00:00');
  });

  test('event stamps strictly increase even when the clock stands still', () => {
    const stamps = new EventStamps(() => 1000, 999);
    assert.deepEqual([stamps.next(), stamps.next(), stamps.next()], [1000, 1001, 1002]);
  });

  test('the development key is 64 bytes of base64; other keys are checked for base64', () => {
    assert.ok(isBase64Key(DEVELOPMENT_ACCESS_KEY));
    assert.equal(Buffer.from(DEVELOPMENT_ACCESS_KEY, 'base64').length, 64);
    assert.ok(!isBase64Key('not base64!'));
    assert.ok(!isBase64Key('abc'));
    assert.ok(!isBase64Key(''));
  });

  test('routes decode the percent-encoded id and keep the literal colon actions', () => {
    assert.deepEqual(matchOperation('POST', '/identities/8%3Aacs%3Aabc_def/:issueAccessToken'), { operation: 'issueAccessToken', identityId: '8:acs:abc_def' });
    assert.deepEqual(matchOperation('DELETE', '/identities/8%3Aacs%3Aabc_def'), { operation: 'deleteIdentity', identityId: '8:acs:abc_def' });
    assert.throws(() => matchOperation('GET', '/identities/x'), ServiceError);
  });

  test('the throttle admits the limit per 30 seconds and says when to retry', () => {
    let now = 0;
    const throttle = new RequestThrottle(() => now);
    for (let i = 0; i < 500; i += 1) {
      throttle.admit('deleteIdentity');
      now += 10;
    }
    // The oldest admitted request (t=0) leaves the window at t=30000; now = 5000.
    assert.throws(
      () => throttle.admit('deleteIdentity'),
      (error: ServiceError) => error.status === 429 && error.headers['Retry-After'] === '25',
    );
    now = 30_001;
    throttle.admit('deleteIdentity');
  });

  test('bursts of saves share writes, and every save resolves after a write that began after it', async () => {
    const order: string[] = [];
    let writes = 0;
    const writer = new CoalescingWriter(async () => {
      writes += 1;
      order.push(`start ${writes}`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`end ${writes}`);
    });
    const first = writer.save();
    const burst = [writer.save(), writer.save(), writer.save()];
    await Promise.all([first, ...burst]);
    assert.ok(writes <= 2, `${writes} writes`);
    assert.deepEqual(order.slice(-1), [`end ${writes}`]);
  });

  test('the command line maps flags to options', () => {
    assert.deepEqual(parseCliArguments(['--help']), { kind: 'help' });
    const command = parseCliArguments(['--port', '0', '--data', 'ids.json', '--no-throttle', '--latency', '25', '--fail-next', '3:503', '--fail-rate', '0.5']);
    assert.equal(command.kind, 'serve');
    if (command.kind === 'serve') {
      assert.equal(command.options.port, 0);
      assert.equal(command.options.dataFile, 'ids.json');
      assert.equal(command.options.throttle, false);
      assert.equal(command.options.latencyMs, 25);
      assert.equal(command.options.allowNonLoopbackHost, false);
      assert.deepEqual(command.options.faults, { failNext: { count: 3, status: 503 }, failureRate: { fraction: 0.5, status: undefined } });
    }
    const defaults = parseCliArguments([]);
    assert.ok(defaults.kind === 'serve' && defaults.options.port === undefined && defaults.options.throttle === true);
    assert.equal(DEFAULT_EMULATOR_PORT, 10300);
    assert.throws(() => parseCliArguments(['--fail-rate', '2']), /--fail-rate/);
    assert.throws(() => parseCliArguments(['--fail-next', '1:200']), /status/);
    assert.throws(() => parseCliArguments(['--bogus']));
  });

  const REFUSED_NUMBERS: readonly (readonly [string, string, RegExp])[] = [
    ['--port', '-1', /--port/],
    ['--port', '65536', /--port needs a whole number from 0 to 65535/],
    ['--port', '80.5', /--port/],
    ['--port', '1e3', /--port/],
    ['--port', ' 80', /--port/],
    ['--port', '0x50', /--port/],
    ['--latency', '1e12', /--latency needs a whole number from 0 to 2147483647, not "1e12"/],
    ['--latency', '2147483648', /--latency/],
    ['--latency', '-1', /--latency/],
    ['--latency', '1.5', /--latency/],
    ['--latency', 'Infinity', /--latency/],
    ['--fail-next', '-1', /--fail-next count/],
    ['--fail-next', '1.5', /--fail-next count/],
    ['--fail-next', '1e2', /--fail-next count/],
    ['--fail-next', '3:200', /--fail-next status needs a whole number from 400 to 599/],
    ['--fail-next', '3:600', /--fail-next status/],
    ['--fail-next', '3:', /--fail-next status/],
    ['--fail-next', '3:503:1', /at most one :STATUS/],
    ['--fail-rate', '1.5', /--fail-rate needs a fraction from 0 to 1/],
    ['--fail-rate', '-0.1', /--fail-rate/],
    ['--fail-rate', 'NaN', /--fail-rate/],
    ['--fail-rate', '1e-1', /--fail-rate/],
    ['--fail-rate', '0.5:200', /--fail-rate status/],
  ];
  for (const [flag, value, message] of REFUSED_NUMBERS) {
    test(`the command line refuses ${flag} ${JSON.stringify(value)}`, () => {
      assert.throws(() => parseCliArguments([`${flag}=${value}`]), message);
    });
  }

  test('the command line takes the edges of each range', () => {
    const command = parseCliArguments(['--port', '65535', '--latency', '2147483647', '--fail-next', '0:599', '--fail-rate', '1:400']);
    assert.ok(command.kind === 'serve');
    assert.equal(command.options.port, 65535);
    assert.equal(command.options.latencyMs, 2147483647);
    assert.deepEqual(command.options.faults, { failNext: { count: 0, status: 599 }, failureRate: { fraction: 1, status: 400 } });
    const fractions = ['0', '.25', '0.5', '1.0'].map((text) => {
      const parsed = parseCliArguments(['--fail-rate', text]);
      return parsed.kind === 'serve' ? parsed.options.faults?.failureRate?.fraction : undefined;
    });
    assert.deepEqual(fractions, [0, 0.25, 0.5, 1]);
  });

  test('--host is the explicit consent to a non-loopback address', () => {
    const command = parseCliArguments(['--host', '0.0.0.0']);
    assert.ok(command.kind === 'serve' && command.options.allowNonLoopbackHost === true);
  });
});
