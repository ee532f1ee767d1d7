import * as assert from 'node:assert/strict';
import { DEVELOPMENT_ACCESS_KEY } from '../../../src/emulator';
import { buildEmulatorBundle, CliRun, startCli } from './cliProcess';
import { entraIdToken } from './emulatorClient';
import { RawResponse, signedRequest } from './signedRequest';

const EXPIRES_ON = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/;

interface ErrorBody {
  error: { code: string; message: string; target?: string };
}

// Against the emulator as its command line starts it (`node dist/emulator.js --port 0 --quiet`).
suite('emulator: wire format, headers and api-versions (raw HTTP, against the CLI)', function () {
  this.timeout(30_000);
  let emulator: CliRun;
  const send = (method: string, target: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse> =>
    signedRequest({ endpoint: emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method, target, body: body === undefined ? undefined : JSON.stringify(body), headers });
  const createUserId = async (): Promise<string> =>
    (JSON.parse((await send('POST', '/identities?api-version=2023-10-01')).text) as { identity: { id: string } }).identity.id;

  suiteSetup(async () => {
    await buildEmulatorBundle();
    emulator = await startCli(['--port', '0', '--quiet']);
  });
  suiteTeardown(async () => assert.equal((await emulator.stop()).code, 0));

  test('create with no body answers exactly {"identity":{"id":…}} and the service headers', async () => {
    const response = await send('POST', '/identities?api-version=2023-10-01', undefined, { 'x-ms-client-request-id': 'request-42' });
    assert.equal(response.status, 201);
    assert.deepEqual(Object.keys(JSON.parse(response.text) as object), ['identity']);
    assert.match(response.text, /^\{"identity":\{"id":"8:acs:[^"]+"\}\}$/);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(response.headers['api-supported-versions'], '2021-03-07, 2022-06-01, 2022-10-01, 2023-10-01');
    assert.match(String(response.headers['ms-cv']), /^[A-Za-z0-9+/]{22}\.0$/);
    assert.equal(response.headers['x-ms-client-request-id'], 'request-42');
  });

  test('issue answers {token, expiresOn} with the service expiresOn format', async () => {
    const id = await createUserId();
    const response = await send('POST', `/identities/${encodeURIComponent(id)}/:issueAccessToken?api-version=2023-10-01`, { scopes: ['voip'], expiresInMinutes: 60 });
    assert.equal(response.status, 200);
    const body = JSON.parse(response.text) as { token: string; expiresOn: string };
    assert.deepEqual(Object.keys(body), ['token', 'expiresOn']);
    assert.match(body.expiresOn, EXPIRES_ON);
  });

  test('errors carry the service headers and a plain application/json body', async () => {
    const response = await send('POST', '/identities?api-version=2023-10-01', { createTokenWithScopes: ['chat'], expiresInMinutes: 59 }, { 'x-ms-client-request-id': 'r-1' });
    assert.equal(response.status, 400);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.ok(response.headers['api-supported-versions']);
    assert.ok(response.headers['ms-cv']);
    assert.equal(response.headers['x-ms-client-request-id'], 'r-1');
    assert.deepEqual(JSON.parse(response.text), {
      error: { code: 'ValidationError', message: 'ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.', target: 'ExpiresInMinutes' },
    });
  });

  test('delete and revoke answer 204 with no body and no content type', async () => {
    const id = encodeURIComponent(await createUserId());
    for (const [method, target] of [['POST', `/identities/${id}/:revokeAccessTokens?api-version=2023-10-01`], ['DELETE', `/identities/${id}?api-version=2023-10-01`]]) {
      const response = await send(method, target);
      assert.equal(response.status, 204);
      assert.equal(response.text, '');
      assert.equal(response.headers['content-type'], undefined);
    }
  });

  test('missing or null scopes: the recorded model-validation message', async () => {
    const id = encodeURIComponent(await createUserId());
    for (const body of [undefined, { scopes: null, expiresInMinutes: null }]) {
      const response = await send('POST', `/identities/${id}/:issueAccessToken?api-version=2023-10-01`, body);
      assert.equal(response.status, 400);
      assert.deepEqual(JSON.parse(response.text), { error: { code: 'ValidationError', message: 'Scopes: The Scopes field is required.', target: 'Scopes' } });
    }
  });

  test('create with null fields makes an identity without a token (as recorded)', async () => {
    const response = await send('POST', '/identities?api-version=2022-10-01', { createTokenWithScopes: null, expiresInMinutes: null });
    assert.equal(response.status, 201);
    assert.deepEqual(Object.keys(JSON.parse(response.text) as object), ['identity']);
  });

  test('malformed JSON: 400 ValidationError and nothing created', async () => {
    for (const text of ['{"createTokenWithScopes":', '[1,2]', '"chat"']) {
      const response = await signedRequest({ endpoint: emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target: '/identities?api-version=2023-10-01', body: text });
      assert.equal(response.status, 400, text);
      assert.equal((JSON.parse(response.text) as ErrorBody).error.code, 'ValidationError');
    }
  });

  test('deeply nested JSON anywhere in a body: 400 ValidationError in the service shape, never a 500', async () => {
    const id = encodeURIComponent(await createUserId());
    const deep = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const cases: [string, string][] = [
      ['/identities?api-version=2023-10-01', `{"createTokenWithScopes":${deep(100_000)}}`],
      ['/identities?api-version=2023-10-01', `{"createTokenWithScopes":[${deep(100_000)}]}`],
      ['/identities?api-version=2023-10-01', `{"createTokenWithScopes":["chat"],"expiresInMinutes":${deep(100_000)}}`],
      [`/identities/${id}/:issueAccessToken?api-version=2023-10-01`, `{"scopes":[${deep(100_000)}]}`],
      ['/teamsUser/:exchangeAccessToken?api-version=2023-10-01', `{"token":${deep(100_000)},"appId":"a","userId":"b"}`],
    ];
    for (const [target, body] of cases) {
      const response = await signedRequest({ endpoint: emulator.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target, body });
      assert.equal(response.status, 400, `${target}: ${response.text}`);
      const { error } = JSON.parse(response.text) as ErrorBody;
      assert.equal(error.code, 'ValidationError');
      assert.match(error.message, /nest/);
    }
    const sixtyFour = await send('POST', '/identities?api-version=2023-10-01', { createTokenWithScopes: JSON.parse(deep(63)) as unknown });
    assert.equal((JSON.parse(sixtyFour.text) as ErrorBody).error.code, 'ValidationError', 'a body 64 levels deep is read, and its scopes refused as usual');
    assert.doesNotMatch((JSON.parse(sixtyFour.text) as ErrorBody).error.message, /nest/);
  });

  test('an unknown, preview or missing api-version: 400 UnsupportedApiVersion in the service message shape', async () => {
    for (const version of ['2020-07-20-preview2', '2023-08-01', '2025-03-02-preview', 'latest']) {
      const response = await send('POST', `/identities?api-version=${version}`);
      assert.equal(response.status, 400, version);
      const { error } = JSON.parse(response.text) as ErrorBody;
      assert.equal(error.code, 'UnsupportedApiVersion');
      assert.equal(error.message, `The HTTP resource that matches the request URI '${emulator.endpoint}identities' does not support the API version '${version}'.`);
    }
    const missing = await send('POST', '/identities');
    assert.equal(missing.status, 400);
    assert.equal((JSON.parse(missing.text) as ErrorBody).error.code, 'UnsupportedApiVersion');
  });

  test('2021-03-07: chat and voip only, expiresInMinutes ignored, no Teams exchange', async () => {
    const version = '2021-03-07';
    const withToken = await send('POST', `/identities?api-version=${version}`, { createTokenWithScopes: ['voip'], expiresInMinutes: 60 });
    assert.equal(withToken.status, 201);
    const { identity, accessToken } = JSON.parse(withToken.text) as { identity: { id: string }; accessToken: { expiresOn: string } };
    const lifetimeMinutes = (Date.parse(accessToken.expiresOn) - Date.now()) / 60_000;
    assert.ok(lifetimeMinutes > 1400, 'the default 1440-minute lifetime, since 2021-03-07 has no expiresInMinutes');

    const newScope = await send('POST', `/identities/${encodeURIComponent(identity.id)}/:issueAccessToken?api-version=${version}`, { scopes: ['chat.join'] });
    assert.equal(newScope.status, 400);
    assert.equal((JSON.parse(newScope.text) as ErrorBody).error.target, 'scopes');

    const exchange = await send('POST', `/teamsUser/:exchangeAccessToken?api-version=${version}`, {});
    assert.equal(exchange.status, 400);
    assert.equal((JSON.parse(exchange.text) as ErrorBody).error.code, 'UnsupportedApiVersion');
  });

  test('2022-06-01 has the Teams exchange; 2022-10-01 has expiresInMinutes; both lack the join scopes', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const appId = '11111111-2222-4333-8444-555555555555';
    const userId = '66666666-7777-4888-9999-000000000000';
    const exchange = await send('POST', '/teamsUser/:exchangeAccessToken?api-version=2022-06-01', { token: entraIdToken({ appid: appId, oid: userId, exp }), appId, userId });
    assert.equal(exchange.status, 200, exchange.text);

    const custom = await send('POST', '/identities?api-version=2022-10-01', { createTokenWithScopes: ['chat'], expiresInMinutes: 60 });
    const { accessToken } = JSON.parse(custom.text) as { accessToken: { expiresOn: string } };
    assert.ok(Date.parse(accessToken.expiresOn) - Date.now() <= 60 * 60_000);

    for (const version of ['2022-06-01', '2022-10-01']) {
      const joinScope = await send('POST', `/identities?api-version=${version}`, { createTokenWithScopes: ['voip.join'] });
      assert.equal(joinScope.status, 400, version);
      assert.equal((JSON.parse(joinScope.text) as ErrorBody).error.target, 'createTokenWithScopes');
    }
  });

  test('Teams exchange with the token missing, null or not a string (the SDK cannot send these): 401 before the ids are looked at', async () => {
    for (const body of [{}, { token: null, appId: '', userId: '' }, { token: 42, appId: 'invalid' }, { token: ['a.b.c'] }]) {
      const response = await send('POST', '/teamsUser/:exchangeAccessToken?api-version=2023-10-01', body);
      assert.equal(response.status, 401, JSON.stringify(body));
      assert.deepEqual(JSON.parse(response.text), { error: { code: 'InvalidAccessToken', message: 'Provided access token is not valid.' } });
    }
  });

  test('an unknown route: 404', async () => {
    assert.equal((await send('GET', '/identities?api-version=2023-10-01')).status, 404);
    assert.equal((await send('POST', '/identities/x/:unknown?api-version=2023-10-01')).status, 404);
  });
});
