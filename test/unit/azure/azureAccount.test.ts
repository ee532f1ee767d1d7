import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { AzureAccount, COMMUNICATION_SCOPE, type ProviderSession, type SessionAccount, type SessionMode, type SessionSource } from '../../../src/azure';
import { ArmClient } from '../../../src/azure/armClient';
import { isAzureFailure, refusedAction, type AzureFailure, type AzureFailureKind } from '../../../src/azure/azureFailure';
import { resolveAzureCloud, type CloudResolution } from '../../../src/azure/cloud';
import { EMULATED_TENANT_ID, startEmulator } from '../../../src/emulator';
import { claimsOf, mintAccessToken, READER_ACCOUNT, TEST_ACCOUNT, type TestAccount } from '../../support/entraTokens';
import { useEmulator } from '../../support/emulatorFixture';
import { selfSignedCertificate } from '../../support/tlsCertificate';

const DEV = 'ac5e0000-0000-4000-8000-0000000000d1';
const PROD = 'ac5e0000-0000-4000-8000-0000000000d2';
const MANAGEMENT_SCOPE = 'https://management.core.windows.net/.default';

/**
 * VS Code's authentication as the account sees it: one person, signed in or not, whose tokens are
 * minted for the scopes asked. `staleTokens` hands out that many already expired tokens first, as
 * a provider that has not renewed its cache yet would.
 */
class TestSessions implements SessionSource {
  readonly requests: { providerId: string; scopes: readonly string[]; mode: SessionMode }[] = [];
  signedIn = false;
  staleTokens = 0;

  constructor(public person: TestAccount = TEST_ACCOUNT) {}

  getSession(providerId: string, scopes: readonly string[], mode: SessionMode): Promise<ProviderSession | undefined> {
    this.requests.push({ providerId, scopes, mode });
    if (!this.signedIn && mode === 'silent') {
      return Promise.resolve(undefined);
    }
    this.signedIn = true;
    const lifetimeSeconds = this.staleTokens > 0 ? -60 : 3600;
    this.staleTokens = Math.max(0, this.staleTokens - 1);
    return Promise.resolve({ accessToken: mintAccessToken(this.person, scopes, { lifetimeSeconds }), account: { id: this.person.objectId, label: this.person.userName } });
  }
}

async function failureOf(call: Promise<unknown>): Promise<AzureFailure> {
  try {
    await call;
  } catch (error) {
    assert.ok(isAzureFailure(error), `expected an AzureFailure, got ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

async function expectFailure(call: Promise<unknown>, kind: AzureFailureKind): Promise<AzureFailure> {
  const failure = await failureOf(call);
  assert.equal(failure.kind, kind, failure.message);
  return failure;
}

suite('AzureAccount: Resource Manager through VS Code sessions (the emulator as the cloud)', () => {
  const fixture = useEmulator({
    subscriptions: [
      { subscriptionId: DEV, displayName: 'Dev' },
      { subscriptionId: PROD, displayName: 'Prod' },
    ],
    resource: { name: 'contoso-acs', resourceGroup: 'contoso-rg', location: 'global', dataLocation: 'Europe' },
    listKeysDeniedTo: [READER_ACCOUNT.objectId],
  });
  let sessions: TestSessions;
  let selected: unknown;
  let signedOut: boolean;
  let cloud: () => CloudResolution;
  let account: AzureAccount;

  /** Read through a call: an assertion on the property would narrow its type for the rest of the test. */
  const signedInAs = (): SessionAccount | undefined => account.account;

  const customCloud = (): CloudResolution =>
    resolveAzureCloud('custom', { name: 'Emulator', resourceManagerEndpointUrl: fixture.emulator.endpoint, managementEndpointUrl: 'https://management.core.windows.net/' });

  setup(() => {
    sessions = new TestSessions();
    selected = undefined;
    signedOut = false;
    cloud = customCloud;
    account = new AzureAccount({
      sessions,
      cloud: () => cloud(),
      selectedSubscriptions: () => selected,
      signedOut: {
        get value() {
          return signedOut;
        },
        set: (value) => {
          signedOut = value;
          return Promise.resolve();
        },
      },
    });
  });

  test('signing in asks the cloud’s provider for a Resource Manager token, showing VS Code’s sign-in', async () => {
    assert.deepEqual(await account.signIn(), { id: TEST_ACCOUNT.objectId, label: TEST_ACCOUNT.userName });
    assert.deepEqual(sessions.requests, [{ providerId: 'microsoft-sovereign-cloud', scopes: [MANAGEMENT_SCOPE], mode: 'interactive' }]);
    assert.deepEqual(account.account, { id: TEST_ACCOUNT.objectId, label: TEST_ACCOUNT.userName });
  });

  test('tenants, then the subscriptions of a tenant with a token of that tenant, then its Communication Services resources', async () => {
    const { tenants } = await account.tenants('interactive');
    assert.deepEqual(tenants.map((tenant) => tenant.tenantId), [EMULATED_TENANT_ID]);
    const { subscriptions, filtered } = await account.subscriptions(EMULATED_TENANT_ID, 'interactive');
    assert.equal(filtered, false);
    assert.deepEqual(subscriptions.map((subscription) => [subscription.displayName, subscription.subscriptionId, subscription.tenantId]), [
      ['Dev', DEV, EMULATED_TENANT_ID],
      ['Prod', PROD, EMULATED_TENANT_ID],
    ]);
    assert.deepEqual(sessions.requests[1].scopes, [MANAGEMENT_SCOPE, `VSCODE_TENANT:${EMULATED_TENANT_ID}`]);
    assert.deepEqual(await account.communicationServices(subscriptions[0], 'interactive'), [
      { subscriptionId: DEV, resourceGroup: 'contoso-rg', name: 'contoso-acs', location: 'global', dataLocation: 'Europe', endpoint: `https://${new URL(fixture.emulator.endpoint).host}/`, host: new URL(fixture.emulator.endpoint).host },
    ]);
    assert.deepEqual(await account.communicationServices(subscriptions[1], 'interactive'), []);
  });

  test('the lists are remembered; only the subscriptions chosen in azureResourceGroups.selectedSubscriptions are shown', async () => {
    await account.subscriptions(EMULATED_TENANT_ID, 'interactive');
    const asked = sessions.requests.length;
    selected = [`${EMULATED_TENANT_ID}/${PROD}`];
    const { subscriptions, filtered } = await account.subscriptions(EMULATED_TENANT_ID, 'interactive');
    assert.equal(filtered, true);
    assert.deepEqual(subscriptions.map((subscription) => subscription.displayName), ['Prod']);
    assert.equal(sessions.requests.length, asked, 'no second listing');
    selected = ['0be70000-0000-4000-8000-000000000001/' + PROD];
    assert.deepEqual((await account.tenants('interactive')).tenants, []);
  });

  test('listKeys gives the primary connection string; a person whose role may not read keys gets 403 AuthorizationFailed naming the action', async () => {
    const coordinates = { tenantId: EMULATED_TENANT_ID, subscriptionId: DEV, resourceGroup: 'contoso-rg', name: 'contoso-acs' };
    assert.equal(await account.connectionString(coordinates, fixture.emulator.endpoint, 'interactive'), fixture.emulator.connectionString);
    sessions.person = READER_ACCOUNT;
    const failure = await expectFailure(account.connectionString(coordinates, fixture.emulator.endpoint, 'interactive'), 'resourceManager');
    assert.deepEqual([failure.status, failure.code, refusedAction(failure)], [403, 'AuthorizationFailed', 'Microsoft.Communication/communicationServices/listKeys/action']);
    sessions.person = TEST_ACCOUNT;
    const missing = await expectFailure(account.connectionString({ ...coordinates, name: 'other' }, fixture.emulator.endpoint, 'interactive'), 'resourceManager');
    assert.deepEqual([missing.status, missing.code], [404, 'ResourceNotFound']);
  });

  test('a token VS Code hands out already expired is asked for again; one that stays expired is a sessionExpired failure', async () => {
    sessions.staleTokens = 1;
    await account.tenants('interactive');
    assert.equal(sessions.requests.length, 2);
    account.forget();
    sessions.staleTokens = 2;
    await expectFailure(account.tenants('interactive'), 'sessionExpired');
  });

  test('a token Resource Manager finds expired (its clock is ahead) is replaced by a fresh one, and the call made again', async () => {
    const late = new AzureAccount({ sessions, cloud, selectedSubscriptions: () => undefined, signedOut: { value: false, set: () => Promise.resolve() }, now: () => Date.now() - 10 * 60_000 });
    sessions.staleTokens = 1;
    const { tenants } = await late.tenants('interactive');
    assert.equal(tenants.length, 1);
    assert.equal(sessions.requests.length, 2, 'the token Resource Manager refused, then a fresh one');
  });

  test('silent calls never sign in; after a sign-out here, no session is used until the next sign-in, which lets the person choose the account', async () => {
    await expectFailure(account.tenants('silent'), 'signInRequired');
    await account.signIn();
    await account.tenants('silent');
    assert.deepEqual(await account.signOut(), { id: TEST_ACCOUNT.objectId, label: TEST_ACCOUNT.userName });
    assert.equal(signedOut, true);
    assert.equal(signedInAs(), undefined);
    await expectFailure(account.tenants('silent'), 'signInRequired');
    await expectFailure(account.credential(EMULATED_TENANT_ID).getToken(COMMUNICATION_SCOPE), 'signInRequired');
    await account.signIn();
    assert.equal(sessions.requests.at(-1)?.mode, 'chooseAccount');
    assert.equal(signedOut, false);
  });

  test('VS Code’s sessions changing: a sign-out there forgets the lists; another account is said to be another', async () => {
    assert.equal(await account.checkSession(), undefined, 'nothing known yet, nothing to check');
    await account.tenants('interactive');
    assert.equal(await account.checkSession(), undefined, 'same account');
    sessions.signedIn = false;
    assert.deepEqual(await account.checkSession(), { kind: 'signedOut', previous: { id: TEST_ACCOUNT.objectId, label: TEST_ACCOUNT.userName } });
    assert.equal(signedInAs(), undefined);
    const before = sessions.requests.length;
    await account.tenants('interactive');
    assert.equal(sessions.requests.at(-1)?.mode, 'interactive', 'listed again, after signing in again');
    assert.ok(sessions.requests.length > before);
    sessions.person = READER_ACCOUNT;
    assert.deepEqual(await account.checkSession(), { kind: 'switched', previous: { id: TEST_ACCOUNT.objectId, label: TEST_ACCOUNT.userName } });
    assert.equal(signedInAs()?.label, READER_ACCOUNT.userName);
  });

  test('cloud settings that describe no cloud fail plainly; another cloud drops the lists', async () => {
    cloud = () => resolveAzureCloud('custom', {});
    const failure = await expectFailure(account.tenants('interactive'), 'cloudSettings');
    assert.equal(failure.cloudProblem, 'customEnvironmentInvalid');
    cloud = customCloud;
    await account.tenants('interactive');
    const asked = sessions.requests.length;
    cloud = () => resolveAzureCloud('custom', { resourceManagerEndpointUrl: fixture.emulator.endpoint.replace('127.0.0.1', 'localhost'), managementEndpointUrl: 'https://management.azure.com' });
    await account.tenants('interactive');
    assert.equal(sessions.requests.length, asked + 1, 'listed again in the other cloud');
  });

  test('VS Code refusing or cancelling its sign-in is told apart', async () => {
    const refusing = (error: Error): AzureAccount =>
      new AzureAccount({ sessions: { getSession: () => Promise.reject(error) }, cloud, selectedSubscriptions: () => undefined, signedOut: { value: false, set: () => Promise.resolve() } });
    await expectFailure(refusing(new Error('User did not consent to login.')).signIn(), 'signInCancelled');
    const failed = await expectFailure(refusing(new Error('Timed out waiting for authentication provider to register')).signIn(), 'signInFailed');
    assert.match(failed.message, /Timed out/);
  });
});

suite('ArmClient: what it refuses to follow or read', () => {
  const page = (body: object, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  test('follows nextLink pages on its own endpoint, never elsewhere (the token would go with it)', async () => {
    const seen: string[] = [];
    const pages: Record<string, object> = {
      '/tenants': { value: [{ tenantId: 'a' }], nextLink: 'https://arm.example/tenants?page=2' },
      '/tenants?page=2': { value: [{ tenantId: 'b' }, { noTenant: true }] },
    };
    const client = new ArmClient('https://arm.example/', (input) => {
      const url = new URL(input instanceof URL ? input.href : typeof input === 'string' ? input : input.url);
      seen.push(url.search.includes('page') ? `${url.pathname}${url.search}` : url.pathname);
      return Promise.resolve(page(pages[seen.at(-1)!]));
    });
    assert.deepEqual((await client.listTenants('token')).map((tenant) => tenant.tenantId), ['a', 'b']);
    const elsewhere = new ArmClient('https://arm.example/', () => Promise.resolve(page({ value: [], nextLink: 'https://attacker.example/steal' })));
    await expectFailure(elsewhere.listTenants('token'), 'unexpectedAnswer');
  });

  test('a resource whose hostName is not a plain host is left out: tokens would be sent wherever it points', async () => {
    const resource = (name: string, hostName: string): object => ({
      id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/${name}`,
      name,
      location: 'global',
      properties: { hostName },
    });
    const client = new ArmClient('https://arm.example/', () =>
      Promise.resolve(page({ value: [resource('good', 'good.communication.azure.com'), resource('path', 'evil.example/x'), resource('user', 'me@evil.example'), { name: 'no-id' }] })),
    );
    assert.deepEqual(
      (await client.listCommunicationServices('s', 'token')).map((found) => [found.name, found.endpoint, found.resourceGroup]),
      [['good', 'https://good.communication.azure.com/', 'rg']],
    );
  });

  test('an answer that is not JSON, or an error without ARM’s body, is still a plain failure', async () => {
    await expectFailure(new ArmClient('https://arm.example/', () => Promise.resolve(new Response('<html>', { status: 200 }))).listTenants('t'), 'unexpectedAnswer');
    const failure = await expectFailure(new ArmClient('https://arm.example/', () => Promise.resolve(new Response('', { status: 502 }))).listTenants('t'), 'resourceManager');
    assert.deepEqual([failure.status, failure.code], [502, undefined]);
  });

  test('an endpoint nobody listens on is unreachable; a cancellation stays a cancellation', async () => {
    const closed = await startEmulator({ port: 0 });
    await closed.close();
    await expectFailure(new ArmClient(closed.endpoint).listTenants('t'), 'unreachable');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(new ArmClient(closed.endpoint).listTenants('t', controller.signal), { name: 'AbortError' });
  });
});

suite('AzureAccount: the identity SDK with the session’s credential (over https)', function () {
  this.timeout(20_000);
  let ca: string;
  const fixture = useEmulator(async () => {
    const tls = await selfSignedCertificate();
    ca = tls.cert;
    return { tls };
  });

  test('each token is asked silently for the communication scope in the resource’s tenant, with its expiry', async () => {
    const sessions = new TestSessions();
    sessions.signedIn = true;
    const account = new AzureAccount({ sessions, cloud: () => resolveAzureCloud(undefined, undefined), selectedSubscriptions: () => undefined, signedOut: { value: false, set: () => Promise.resolve() } });
    const credential = account.credential(EMULATED_TENANT_ID);
    const client = new CommunicationIdentityClient(fixture.emulator.endpoint, credential, { tlsOptions: { ca }, retryOptions: { maxRetries: 0 } });
    await client.createUserAndToken(['chat']);
    assert.deepEqual(sessions.requests, [{ providerId: 'microsoft', scopes: [COMMUNICATION_SCOPE, `VSCODE_TENANT:${EMULATED_TENANT_ID}`], mode: 'silent' }]);
    const { token, expiresOnTimestamp } = await credential.getToken(COMMUNICATION_SCOPE);
    assert.equal(expiresOnTimestamp, claimsOf(token).exp * 1000);
    assert.equal(claimsOf(token).aud, 'https://communication.azure.com/');
  });
});
