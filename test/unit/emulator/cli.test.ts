import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { DEVELOPMENT_ACCESS_KEY, startEmulator } from '../../../src/emulator';
import { ARM_AUDIENCE, CALLER_OID, entraToken, READER_OID, selfSignedCertificate } from './entraId';
import { rawRequest, RawResponse } from './signedRequest';
import { buildEmulatorBundle, runCliToExit, startCli } from './cliProcess';
import { assertRestError, decodeClaims, sdkClient, validateToken } from './emulatorClient';

suite('emulator: the command line (node dist/emulator.js)', function () {
  this.timeout(30_000);

  suiteSetup(() => buildEmulatorBundle());

  test('prints the connection string, serves the quickstart flow to the SDK, and exits 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0']);
    assert.match(cli.connectionString, new RegExp(`^endpoint=http://127\\.0\\.0\\.1:\\d+/;accesskey=${DEVELOPMENT_ACCESS_KEY.replace(/[+/=]/g, '\\$&')}$`));
    const client = sdkClient(cli.connectionString);
    const user = await client.createUser();
    const { token } = await client.getToken(user, ['voip']);
    assert.equal(decodeClaims(token).acsScope, 'voip');
    await client.revokeTokens(user);
    assert.deepEqual(await validateToken(cli.endpoint, token), { valid: false, reason: 'revoked' });
    await client.deleteUser(user);
    const { token: everyScope } = await client.createUserAndToken(['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'], { tokenExpiresInMinutes: 60 });
    assert.equal(decodeClaims(everyScope).acsScope, 'chat,voip,chat.join,chat.join.limited,voip.join');

    cli.child.kill('SIGTERM');
    const { code, stdout } = await cli.exited;
    assert.equal(code, 0);
    assert.match(stdout, /POST \/identities → 201/);
    assert.ok(!stdout.includes(token), 'tokens are never logged');
  });

  test('exits 0 on SIGINT', async () => {
    const cli = await startCli(['--port', '0', '--quiet']);
    cli.child.kill('SIGINT');
    assert.equal((await cli.exited).code, 0);
  });

  test('--access-key and --fail-next are honoured', async () => {
    const key = Buffer.alloc(64, 9).toString('base64');
    const cli = await startCli(['--port', '0', '--access-key', key, '--fail-next', '1:503', '--no-throttle', '--latency', '1']);
    try {
      assert.ok(cli.connectionString.endsWith(`;accesskey=${key}`));
      const client = sdkClient(cli.connectionString);
      await assertRestError(client.createUser(), 503, 'InjectedFault');
      await client.createUser();
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });

  test('an access key that is not base64 is refused with a clear error', async () => {
    const { code, stderr } = await runCliToExit(['--port', '0', '--access-key', 'not base64!']);
    assert.equal(code, 1);
    assert.match(stderr, /base64/);
  });

  test('a number out of range (--latency 1e12) exits 2 with a message that names the flag and the range', async () => {
    const { code, stderr, stdout } = await runCliToExit(['--port', '0', '--latency', '1e12']);
    assert.equal(code, 2);
    assert.match(stderr, /--latency needs a whole number from 0 to 2147483647, not "1e12"/);
    assert.doesNotMatch(stdout, /listening/);
  });

  test('bad flags exit 2 and point to --help; --help lists every flag', async () => {
    const bad = await runCliToExit(['--port', 'eighty']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port/);
    const help = await runCliToExit(['--help']);
    assert.equal(help.code, 0);
    for (const flag of [
      '--port', '--host', '--access-key', '--secondary-access-key', '--data', '--no-throttle', '--latency', '--fail-next', '--fail-rate',
      '--tls-cert', '--tls-key', '--tenant', '--subscription', '--resource-group', '--resource-name', '--location', '--data-location', '--deny-list-keys',
    ]) {
      assert.ok(help.stdout.includes(flag), flag);
    }
  });

  test('--tenant, --subscription, --resource-group, --resource-name and --deny-list-keys shape the management plane', async () => {
    const tenant = '7e0a0000-0000-4000-8000-000000000002';
    const subscription = '5ab50000-0000-4000-8000-000000000003';
    const cli = await startCli([
      '--port', '0', '--quiet', '--tenant', tenant, '--subscription', `${subscription}=Team dev`,
      '--resource-group', 'rg-cli', '--resource-name', 'acs-cli', '--data-location', 'Europe', '--deny-list-keys', READER_OID,
    ]);
    try {
      const call = (method: string, path: string, oid: string): Promise<RawResponse> =>
        rawRequest({ endpoint: cli.endpoint, method, target: path, headers: { authorization: `Bearer ${entraToken({ aud: ARM_AUDIENCE, tid: tenant, oid })}` } });
      const subscriptions = JSON.parse((await call('GET', '/subscriptions?api-version=2022-12-01', CALLER_OID)).text) as { value: { subscriptionId: string; displayName: string }[] };
      assert.deepEqual(subscriptions.value.map((entry) => [entry.subscriptionId, entry.displayName]), [[subscription, 'Team dev']]);
      const listKeys = `/subscriptions/${subscription}/resourceGroups/rg-cli/providers/Microsoft.Communication/communicationServices/acs-cli/listKeys?api-version=2023-04-01`;
      assert.equal((await call('POST', listKeys, CALLER_OID)).status, 200);
      assert.equal((await call('POST', listKeys, READER_OID)).status, 403);
    } finally {
      assert.equal((await cli.stop()).code, 0);
    }
  });

  test('--tls-cert and --tls-key serve https', async () => {
    const tls = await selfSignedCertificate();
    const directory = await mkdtemp(join(tmpdir(), 'acs-cli-tls-'));
    try {
      await writeFile(join(directory, 'cert.pem'), tls.cert);
      await writeFile(join(directory, 'key.pem'), tls.key);
      const cli = await startCli(['--port', '0', '--quiet', '--tls-cert', join(directory, 'cert.pem'), '--tls-key', join(directory, 'key.pem')]);
      try {
        assert.match(cli.endpoint, /^https:\/\/127\.0\.0\.1:\d+\/$/);
        await new CommunicationIdentityClient(cli.connectionString, { tlsOptions: { ca: tls.cert }, retryOptions: { maxRetries: 0 } }).createUser();
      } finally {
        assert.equal((await cli.stop()).code, 0);
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
    const half = await runCliToExit(['--port', '0', '--tls-cert', 'cert.pem']);
    assert.equal(half.code, 2);
    assert.match(half.stderr, /--tls-cert and --tls-key go together/);
  });

  test('the programmatic API refuses a non-loopback host unless allowed explicitly', async () => {
    await assert.rejects(startEmulator({ port: 0, host: '0.0.0.0' }), /loopback/);
  });
});
