import * as assert from 'node:assert/strict';
import { DEVELOPMENT_ACCESS_KEY, DEVELOPMENT_SECONDARY_ACCESS_KEY, EMULATED_SUBSCRIPTION_ID, EMULATED_TENANT_ID, startEmulator } from '../../../src/emulator';
import { emulatorRequest, sdkClient } from './emulatorClient';
import { ARM_AUDIENCE, CALLER_OID, COMMUNICATION_AUDIENCE, entraToken, READER_OID, TokenClaims } from './entraId';
import { rawRequest, RawResponse } from './signedRequest';
import { useEmulator } from '../../support/emulatorFixture';

const RESOURCE_PATH = `/subscriptions/${EMULATED_SUBSCRIPTION_ID}/resourceGroups/acs-emulator-rg/providers/Microsoft.Communication/communicationServices/local-acs-emulator`;
const API = 'api-version=2023-04-01';

interface ArmError {
  error: { code: string; message: string };
}

// Raw HTTP, as `fetch` or a REST client would call Resource Manager; the SDK's own client is in armSdk.test.ts.
suite('emulator: Resource Manager routes (raw HTTP, bearer tokens)', () => {
  const get = (path: string, claims: TokenClaims = { aud: ARM_AUDIENCE }, method = 'GET'): Promise<RawResponse> =>
    rawRequest({ endpoint: fixture.emulator.endpoint, method, target: path, headers: { authorization: `Bearer ${entraToken(claims)}` } });
  const body = <T>(response: RawResponse): T => JSON.parse(response.text) as T;
  const expectError = async (response: Promise<RawResponse>, status: number, code: string): Promise<string> => {
    const answered = await response;
    assert.equal(answered.status, status, answered.text);
    assert.equal(body<ArmError>(answered).error.code, code);
    return body<ArmError>(answered).error.message;
  };

  const fixture = useEmulator({ listKeysDeniedTo: [READER_OID] });

  test('GET /tenants lists the emulated tenant', async () => {
    const response = await get('/tenants?api-version=2022-12-01');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    const { value } = body<{ value: { id: string; tenantId: string; tenantCategory: string }[] }>(response);
    assert.deepEqual(value.map(({ id, tenantId, tenantCategory }) => ({ id, tenantId, tenantCategory })), [
      { id: `/tenants/${EMULATED_TENANT_ID}`, tenantId: EMULATED_TENANT_ID, tenantCategory: 'Home' },
    ]);
  });

  test('GET /subscriptions lists the emulated subscription in its tenant', async () => {
    const { value } = body<{ value: Record<string, unknown>[] }>(await get('/subscriptions?api-version=2022-12-01'));
    assert.equal(value.length, 1);
    assert.deepEqual(
      { id: value[0].id, subscriptionId: value[0].subscriptionId, tenantId: value[0].tenantId, state: value[0].state },
      { id: `/subscriptions/${EMULATED_SUBSCRIPTION_ID}`, subscriptionId: EMULATED_SUBSCRIPTION_ID, tenantId: EMULATED_TENANT_ID, state: 'Enabled' },
    );
  });

  test('a token of another tenant sees no subscriptions, and is refused on the subscription', async () => {
    const otherTenant = { aud: ARM_AUDIENCE, tid: '0be70000-0000-4000-8000-000000000001' };
    assert.deepEqual(body(await get('/subscriptions?api-version=2022-12-01', otherTenant)), { value: [] });
    const message = await expectError(get(`${RESOURCE_PATH}?${API}`, otherTenant), 401, 'InvalidAuthenticationTokenTenant');
    assert.match(message, new RegExp(EMULATED_TENANT_ID));
  });

  test('the Communication Services resource, listed by subscription and by resource group, and got by name', async () => {
    const expected = {
      id: `/subscriptions/${EMULATED_SUBSCRIPTION_ID}/resourceGroups/acs-emulator-rg/providers/Microsoft.Communication/CommunicationServices/local-acs-emulator`,
      name: 'local-acs-emulator',
      type: 'Microsoft.Communication/CommunicationServices',
      location: 'global',
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        hostName: new URL(fixture.emulator.endpoint).host,
        dataLocation: 'United States',
        immutableResourceId: fixture.emulator.resourceId,
      },
    };
    assert.equal(expected.id, fixture.emulator.armResourceId);
    const bySubscription = await get(`/subscriptions/${EMULATED_SUBSCRIPTION_ID}/providers/Microsoft.Communication/communicationServices?${API}`);
    assert.deepEqual(body(bySubscription), { value: [expected] });
    const byGroup = await get(`/subscriptions/${EMULATED_SUBSCRIPTION_ID}/resourceGroups/acs-emulator-rg/providers/Microsoft.Communication/communicationServices?${API}`);
    assert.deepEqual(body(byGroup), { value: [expected] });
    assert.deepEqual(body(await get(`${RESOURCE_PATH}?${API}`)), expected);
    // Resource Manager matches paths without regard to case.
    assert.deepEqual(body(await get(`${RESOURCE_PATH.toLowerCase().replace('/resourcegroups/', '/RESOURCEGROUPS/')}?${API}`)), expected);
  });

  test('api-version 2025-09-01 adds disableLocalAuth and publicNetworkAccess', async () => {
    const { properties } = body<{ properties: Record<string, unknown> }>(await get(`${RESOURCE_PATH}?api-version=2025-09-01`));
    assert.equal(properties.disableLocalAuth, false);
    assert.equal(properties.publicNetworkAccess, 'Enabled');
  });

  test("listKeys returns the resource's two keys and connection strings, which work with the identity SDK", async () => {
    const response = await get(`${RESOURCE_PATH}/listKeys?${API}`, { aud: ARM_AUDIENCE }, 'POST');
    assert.equal(response.status, 200, response.text);
    const keys = body<Record<string, string>>(response);
    assert.deepEqual(keys, {
      primaryKey: DEVELOPMENT_ACCESS_KEY,
      secondaryKey: DEVELOPMENT_SECONDARY_ACCESS_KEY,
      primaryConnectionString: fixture.emulator.connectionString,
      secondaryConnectionString: fixture.emulator.secondaryConnectionString,
    });
    await sdkClient(keys.primaryConnectionString).createUser();
    await sdkClient(keys.secondaryConnectionString).createUser();
  });

  test('both management audiences are accepted, with or without the trailing slash', async () => {
    for (const aud of ['https://management.azure.com/', 'https://management.core.windows.net/', 'https://management.core.windows.net']) {
      assert.equal((await get('/tenants?api-version=2022-12-01', { aud })).status, 200, aud);
    }
  });

  suite('authentication errors: 401 with ARM codes', () => {
    test('no Authorization header: AuthenticationFailed', async () => {
      const response = rawRequest({ endpoint: fixture.emulator.endpoint, method: 'GET', target: '/subscriptions?api-version=2022-12-01' });
      const message = await expectError(response, 401, 'AuthenticationFailed');
      assert.equal(message, "Authentication failed. The 'Authorization' header is missing.");
    });

    test('an Authorization header that is not Bearer: AuthenticationFailedInvalidHeader', async () => {
      const response = rawRequest({ endpoint: fixture.emulator.endpoint, method: 'GET', target: '/subscriptions?api-version=2022-12-01', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      await expectError(response, 401, 'AuthenticationFailedInvalidHeader');
    });

    test('a bearer token that is not a JWT: InvalidAuthenticationToken', async () => {
      const response = rawRequest({ endpoint: fixture.emulator.endpoint, method: 'GET', target: '/subscriptions?api-version=2022-12-01', headers: { authorization: 'Bearer not-a-jwt' } });
      assert.equal(await expectError(response, 401, 'InvalidAuthenticationToken'), 'The access token is invalid.');
    });

    test('an expired token: ExpiredAuthenticationToken, with the times as ARM writes them', async () => {
      const message = await expectError(get('/subscriptions?api-version=2022-12-01', { aud: ARM_AUDIENCE, exp: 1_700_000_000 }), 401, 'ExpiredAuthenticationToken');
      assert.match(message, /^The access token expiry UTC time '11\/14\/2023 10:13:20 PM' is earlier than current UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d:\d\d [AP]M'\.$/);
    });

    test('a token for the identity API: InvalidAuthenticationTokenAudience', async () => {
      const message = await expectError(get('/subscriptions?api-version=2022-12-01', { aud: COMMUNICATION_AUDIENCE }), 401, 'InvalidAuthenticationTokenAudience');
      assert.equal(
        message,
        "The access token has been obtained for wrong audience or resource 'https://communication.azure.com'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.",
      );
    });

    test('a token without oid: InvalidAuthenticationToken', async () => {
      const message = await expectError(get('/subscriptions?api-version=2022-12-01', { aud: ARM_AUDIENCE, oid: '' }), 401, 'InvalidAuthenticationToken');
      assert.match(message, /'oid' should be present/);
    });
  });

  suite('not found and bad requests', () => {
    test('an unknown subscription: 404 SubscriptionNotFound', async () => {
      const other = '00000000-0000-4000-8000-000000000000';
      const message = await expectError(get(`/subscriptions/${other}/providers/Microsoft.Communication/communicationServices?${API}`), 404, 'SubscriptionNotFound');
      assert.equal(message, `The subscription '${other}' could not be found.`);
    });

    test('an unknown resource group: 404 ResourceGroupNotFound', async () => {
      const message = await expectError(get(`${RESOURCE_PATH.replace('acs-emulator-rg', 'other-rg')}?${API}`), 404, 'ResourceGroupNotFound');
      assert.equal(message, "Resource group 'other-rg' could not be found.");
    });

    test('an unknown resource: 404 ResourceNotFound', async () => {
      const message = await expectError(get(`${RESOURCE_PATH.replace('local-acs-emulator', 'other')}?${API}`), 404, 'ResourceNotFound');
      assert.match(message, /^The Resource 'Microsoft.Communication\/CommunicationServices\/other' under resource group 'acs-emulator-rg' was not found\./);
    });

    test('api-version missing or unsupported: 400', async () => {
      await expectError(get(RESOURCE_PATH), 400, 'MissingApiVersionParameter');
      const message = await expectError(get(`${RESOURCE_PATH}?api-version=2019-01-01`), 400, 'InvalidApiVersionParameter');
      assert.match(message, /2023-04-01/);
      await expectError(get('/tenants?api-version=2023-04-01'), 400, 'InvalidApiVersionParameter');
    });

    test('a route the emulator does not serve: 404', async () => {
      await expectError(get(`${RESOURCE_PATH}/regenerateKey?${API}`, { aud: ARM_AUDIENCE }, 'POST'), 404, 'NotFound');
    });

    test('a foreign Host header: 421, as on every route', async () => {
      const response = await rawRequest({
        endpoint: fixture.emulator.endpoint,
        method: 'GET',
        target: '/tenants?api-version=2022-12-01',
        headers: { host: `attacker.example:${fixture.emulator.port}`, authorization: `Bearer ${entraToken({ aud: ARM_AUDIENCE })}` },
      });
      assert.equal(response.status, 421);
    });
  });

  suite('refusing listKeys to a caller', () => {
    const listKeysAs = (oid: string): Promise<RawResponse> => get(`${RESOURCE_PATH}/listKeys?${API}`, { aud: ARM_AUDIENCE, oid, upn: 'reader@contoso.example' }, 'POST');

    teardown(() => fixture.emulator.denyListKeys([READER_OID]));

    test('a denied caller gets 403 AuthorizationFailed in ARM words; others still get the keys', async () => {
      const message = await expectError(listKeysAs(READER_OID), 403, 'AuthorizationFailed');
      assert.equal(
        message,
        `The client 'reader@contoso.example' with object id '${READER_OID}' does not have authorization to perform action 'Microsoft.Communication/communicationServices/listKeys/action' over scope '${RESOURCE_PATH}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
      assert.equal((await listKeysAs(CALLER_OID)).status, 200);
      assert.equal((await get(`${RESOURCE_PATH}?${API}`, { aud: ARM_AUDIENCE, oid: READER_OID })).status, 200, 'reading the resource is still allowed');
    });

    test('PUT /_emulator/listKeysDeniedTo (signed) replaces the list; GET shows it', async () => {
      assert.equal((await emulatorRequest(fixture.emulator.endpoint, 'PUT', '/_emulator/listKeysDeniedTo', { objectIds: [CALLER_OID] })).status, 204);
      assert.deepEqual(JSON.parse((await emulatorRequest(fixture.emulator.endpoint, 'GET', '/_emulator/listKeysDeniedTo')).text), { objectIds: [CALLER_OID] });
      await expectError(listKeysAs(CALLER_OID), 403, 'AuthorizationFailed');
      assert.equal((await listKeysAs(READER_OID)).status, 200);
    });

    test('PUT /_emulator/listKeysDeniedTo refuses an unsigned request and ids that are not GUIDs', async () => {
      const unsigned = await rawRequest({ endpoint: fixture.emulator.endpoint, method: 'PUT', target: '/_emulator/listKeysDeniedTo', body: JSON.stringify({ objectIds: [] }) });
      assert.equal(unsigned.status, 401);
      assert.equal((await emulatorRequest(fixture.emulator.endpoint, 'PUT', '/_emulator/listKeysDeniedTo', { objectIds: ['alice'] })).status, 400);
      await expectError(listKeysAs(READER_OID), 403, 'AuthorizationFailed');
    });
  });
});

suite('emulator: a configured cloud', () => {
  test('tenant, subscriptions and where the resource sits come from the options', async () => {
    const tenantId = '7e0a0000-0000-4000-8000-000000000001';
    const [first, second] = ['5ab50000-0000-4000-8000-000000000001', '5ab50000-0000-4000-8000-000000000002'];
    const emulator = await startEmulator({
      port: 0,
      tenantId,
      subscriptions: [{ subscriptionId: first, displayName: 'Dev' }, { subscriptionId: second }],
      resource: { subscriptionId: second, resourceGroup: 'rg-chat', name: 'chat-acs', location: 'global', dataLocation: 'Europe' },
    });
    try {
      const token = entraToken({ aud: ARM_AUDIENCE, tid: tenantId });
      const get = async (path: string): Promise<unknown> =>
        JSON.parse((await rawRequest({ endpoint: emulator.endpoint, method: 'GET', target: path, headers: { authorization: `Bearer ${token}` } })).text) as unknown;
      const subscriptions = (await get('/subscriptions?api-version=2022-12-01')) as { value: { subscriptionId: string; displayName: string }[] };
      assert.deepEqual(subscriptions.value.map(({ subscriptionId, displayName }) => [subscriptionId, displayName]), [[first, 'Dev'], [second, second]]);
      assert.deepEqual(await get(`/subscriptions/${first}/providers/Microsoft.Communication/communicationServices?${API}`), { value: [] });
      const inSecond = (await get(`/subscriptions/${second}/providers/Microsoft.Communication/communicationServices?${API}`)) as { value: { id: string; properties: { dataLocation: string } }[] };
      assert.equal(inSecond.value[0].id, `/subscriptions/${second}/resourceGroups/rg-chat/providers/Microsoft.Communication/CommunicationServices/chat-acs`);
      assert.equal(inSecond.value[0].properties.dataLocation, 'Europe');
      assert.equal(emulator.tenantId, tenantId);
    } finally {
      await emulator.close();
    }
  });

  test('bad cloud options are refused before the emulator starts', async () => {
    await assert.rejects(startEmulator({ port: 0, tenantId: 'contoso' }), /GUID/);
    await assert.rejects(startEmulator({ port: 0, resource: { name: 'no spaces' } }), /resource name/);
    await assert.rejects(startEmulator({ port: 0, resource: { subscriptionId: '5ab50000-0000-4000-8000-000000000009' } }), /not one of the emulated subscriptions/);
    await assert.rejects(startEmulator({ port: 0, listKeysDeniedTo: ['alice'] }), /GUID/);
  });
});
