import * as assert from 'node:assert/strict';
import { DEVELOPMENT_ACCESS_KEY, RunningEmulator, startEmulator } from '../../../src/emulator';
import { ListeningAddress } from '../../../src/emulator/listeningAddress';
import { emulatorRequest, sdkClient } from './emulatorClient';
import { rawRequest, RawResponse, signedRequest } from './signedRequest';
import { useEmulator } from '../../support/emulatorFixture';

const OTHER_KEY = Buffer.alloc(64, 7).toString('base64');
const SIDE_DOOR: readonly (readonly [string, string, unknown])[] = [
  ['GET', '/_emulator/identities', undefined],
  ['POST', '/_emulator/validateToken', { token: 'x' }],
  ['PUT', '/_emulator/faults', { failNext: { count: 1 } }],
  ['DELETE', '/_emulator/faults', undefined],
];

function errorCode(response: RawResponse): string {
  return (JSON.parse(response.text) as { error: { code: string } }).error.code;
}

suite('emulator: the /_emulator/ side door and the Host header', () => {
  let port: string;

  const fixture = useEmulator();
  suiteSetup(() => {
    port = String(fixture.emulator.port);
  });

  for (const [method, path, body] of SIDE_DOOR) {
    test(`${method} ${path} answers only requests signed with the resource's key`, async () => {
      const unsigned = await rawRequest({ endpoint: fixture.emulator.endpoint, method, target: path, body: body === undefined ? undefined : JSON.stringify(body) });
      assert.equal(unsigned.status, 401, unsigned.text);
      assert.equal(errorCode(unsigned), 'Denied');
      const otherKey = await emulatorRequest(fixture.emulator.endpoint, method, path, body, OTHER_KEY);
      assert.equal(otherKey.status, 401, otherKey.text);
      assert.equal(errorCode(otherKey), 'Denied');
      const stale = await signedRequest({ endpoint: fixture.emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method, target: path, date: new Date(Date.now() - 16 * 60_000) });
      assert.equal(stale.status, 401, 'the same clock-skew rule as the identity API');
      const signed = await emulatorRequest(fixture.emulator.endpoint, method, path, body);
      assert.ok(signed.status === 200 || signed.status === 204, `${signed.status} ${signed.text}`);
    });
  }

  test('an unsigned PUT /_emulator/faults changes nothing', async () => {
    await rawRequest({ endpoint: fixture.emulator.endpoint, method: 'PUT', target: '/_emulator/faults', body: JSON.stringify({ failureRate: { fraction: 1 } }) });
    await sdkClient(fixture.emulator.connectionString).createUser();
  });

  test('an unknown /_emulator/ route is not revealed to an unsigned request', async () => {
    assert.equal((await rawRequest({ endpoint: fixture.emulator.endpoint, method: 'GET', target: '/_emulator/nothing' })).status, 401);
    assert.equal((await emulatorRequest(fixture.emulator.endpoint, 'GET', '/_emulator/nothing')).status, 404);
  });

  // A web page that rebinds its own name to 127.0.0.1 reaches the port, but its requests carry that name in Host.
  for (const host of ['attacker.example', 'attacker.example:PORT', '127.0.0.1:1', '[::1]:PORT', '0.0.0.0:PORT', '127.0.0.2:PORT']) {
    test(`Host ${host} is refused with 421 on every route, even when correctly signed`, async () => {
      const hostHeader = host.replace('PORT', port);
      for (const [method, target] of [['POST', '/identities?api-version=2023-10-01'], ['GET', '/_emulator/identities']]) {
        const response = await signedRequest({ endpoint: fixture.emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method, target, host: hostHeader });
        assert.equal(response.status, 421, `${method} ${target}: ${response.text}`);
        assert.deepEqual(JSON.parse(response.text), { error: { code: 'MisdirectedRequest', message: "The Host header does not name this emulator's listening address." } });
      }
    });
  }

  test('a request without a Host header is refused', async () => {
    const response = await rawRequest({ endpoint: fixture.emulator.endpoint, method: 'GET', target: '/_emulator/identities', omitHost: true });
    // Node's HTTP server answers 400 itself to an HTTP/1.1 request without Host; the emulator would answer 421.
    assert.ok(response.status === 400 || response.status === 421, String(response.status));
  });

  test('127.0.0.1:PORT and localhost:PORT (any case) name an emulator listening on 127.0.0.1', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`]) {
      const response = await signedRequest({ endpoint: fixture.emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target: '/identities?api-version=2023-10-01', host });
      assert.equal(response.status, 201, `${host}: ${response.text}`);
    }
    await sdkClient(`endpoint=http://localhost:${port}/;accesskey=${DEVELOPMENT_ACCESS_KEY}`).createUser();
  });

  test('a Host without its port names the emulator only on the default port of its scheme (80 for http, 443 for https)', () => {
    const address = (port: number, scheme: 'http' | 'https'): ListeningAddress => {
      const listening = new ListeningAddress();
      listening.listening('127.0.0.1', port, scheme);
      return listening;
    };
    assert.equal(address(80, 'http').accepts('127.0.0.1'), true);
    assert.equal(address(443, 'https').accepts('127.0.0.1'), true);
    assert.equal(address(443, 'https').accepts('127.0.0.1:443'), true);
    assert.equal(address(80, 'https').accepts('127.0.0.1'), false);
    assert.equal(address(443, 'http').accepts('127.0.0.1'), false);
    assert.equal(address(8443, 'https').accepts('127.0.0.1'), false);
  });

  test('an emulator listening on [::1] answers to [::1]:PORT and localhost:PORT, not 127.0.0.1:PORT', async function () {
    let ipv6: RunningEmulator;
    try {
      ipv6 = await startEmulator({ port: 0, host: '::1' });
    } catch {
      this.skip();
    }
    try {
      const send = (host: string): Promise<RawResponse> =>
        signedRequest({ endpoint: ipv6.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'GET', target: '/_emulator/identities', host });
      assert.equal(ipv6.endpoint, `http://[::1]:${ipv6.port}/`);
      assert.equal((await send(`[::1]:${ipv6.port}`)).status, 200);
      assert.equal((await send(`localhost:${ipv6.port}`)).status, 200);
      assert.equal((await send(`127.0.0.1:${ipv6.port}`)).status, 421);
      // Not through the SDK: its Node HTTP client passes `[::1]` to DNS with the brackets and fails.
    } finally {
      await ipv6.close();
    }
  });
});
