// Signing in to Azure, end to end inside VS Code: the extension asks VS Code's authentication API
// for sessions (a fake Microsoft provider answers: no internet), lists directories, subscriptions
// and resources from Resource Manager (the emulator, which VS Code's cloud settings point at), and
// calls the identity API with a key or with the session's token.
import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import { TEST_ACCOUNT } from '../support/entraTokens';
import type { FakeMicrosoftAuthentication } from '../support/fakeMicrosoftAuthentication';
import {
  fakeSignIn,
  MANAGEMENT_SCOPE,
  PUBLIC_PROVIDER,
  selectSubscriptions,
  signInFromAccountsMenu,
  SOVEREIGN_PROVIDER,
  startEmulatedCloud,
  useEmulatorAsCloud,
  usePublicCloud,
} from './support/azureCloud';
import { getApi, messagesDuring, removeAllResources, resourceRow, run, waitFor, type Harness } from './support';

const DEV = 'ac5e0000-0000-4000-8000-0000000000d1';
const PROD = 'ac5e0000-0000-4000-8000-0000000000d2';
const COMMUNICATION_SCOPE = 'https://communication.azure.com//.default';

interface AddResult {
  readonly resourceId: string;
  readonly name: string;
  readonly authentication: string;
}

/** Every file the extension wrote in its storage, as text (no token may be in any). */
async function storedText(api: Harness): Promise<string> {
  const entries = await readdir(api.storageDirectory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
}

async function assertNoTokenKept(api: Harness, fake: FakeMicrosoftAuthentication): Promise<void> {
  assert.ok(fake.issuedTokens.length > 0);
  const stored = await storedText(api);
  for (const token of fake.issuedTokens) {
    assert.ok(!stored.includes(token), 'a session token is in the extension’s files');
    assert.ok(!api.messages.some((message) => message.text.includes(token)), 'a session token was shown');
  }
  for (const key of await api.secretKeys()) {
    const secret = (await api.readSecret(key)) ?? '';
    assert.ok(!fake.issuedTokens.includes(secret), 'a session token is in SecretStorage');
  }
}

suite('Sign in to Azure: the public cloud (provider microsoft)', () => {
  let api: Harness;
  let microsoft: FakeMicrosoftAuthentication;

  suiteSetup(async () => {
    api = await getApi();
    microsoft = fakeSignIn(PUBLIC_PROVIDER);
    await usePublicCloud();
  });

  teardown(() => api.prompts.clear());

  test('Sign In to Azure signs in through VS Code’s Microsoft authentication, asking a Resource Manager token; nothing is stored', async () => {
    await signInFromAccountsMenu(microsoft);
    const from = microsoft.requests.length;
    const shown = await messagesDuring(api, () => run('acsIdentity.signIn'));
    assert.deepEqual(shown, [{ severity: 'info', text: 'Signed in to Azure as dev@contoso.example.', actions: [] }]);
    // Only the extension's own requests: newer VS Code also lists every session (no scopes) for its Accounts menu.
    assert.deepEqual(
      microsoft.requestsFor('https://', from).map((request) => request.scopes),
      [[MANAGEMENT_SCOPE]],
    );
    await assertNoTokenKept(api, microsoft);
  });

  test('Sign Out of Azure forgets the account here and says where VS Code’s own sign-in is removed; the next sign-in lets the person choose the account', async () => {
    const shown = await messagesDuring(api, () => run('acsIdentity.signOut'));
    assert.deepEqual(shown, [
      {
        severity: 'info',
        text: 'Signed out of Azure in ACS Identities: it forgot your account and what it listed. VS Code itself keeps dev@contoso.example signed in for other extensions: to remove it, use the Accounts menu › dev@contoso.example › Sign Out.',
        actions: [],
      },
    ]);
    // VS Code shows no account picker for a provider of one account; the request asked for one.
    assert.deepEqual(await run('acsIdentity.signIn'), { account: TEST_ACCOUNT.userName });
  });
});

suite('Sign in to Azure: resources of the cloud VS Code’s settings point at (the emulator)', function () {
  this.timeout(60_000);
  let api: Harness;
  let cloud: FakeMicrosoftAuthentication;
  let emulator: RunningEmulator;
  let host: string;
  const emulatorLog: string[] = [];

  suiteSetup(async () => {
    api = await getApi();
    cloud = fakeSignIn(SOVEREIGN_PROVIDER);
    emulator = await startEmulatedCloud({
      subscriptions: [
        { subscriptionId: DEV, displayName: 'Dev' },
        { subscriptionId: PROD, displayName: 'Prod' },
      ],
      resource: { name: 'contoso-acs', resourceGroup: 'contoso-rg', subscriptionId: DEV, dataLocation: 'Europe' },
      log: (line) => emulatorLog.push(line),
    });
    host = new URL(emulator.endpoint).host;
    await useEmulatorAsCloud(emulator);
    await removeAllResources(api);
  });

  setup(async () => {
    await signInFromAccountsMenu(cloud, TEST_ACCOUNT);
    api.clearMessages();
  });

  teardown(async () => {
    assert.equal(api.prompts.pending, 0, 'every scripted answer was used');
    api.prompts.clear();
    cloud.staleTokens = 0;
    cloud.tokenLifetimeSeconds = 3600;
    emulator.clearFaults();
    await removeAllResources(api);
  });

  suiteTeardown(async () => {
    await selectSubscriptions(undefined);
    await usePublicCloud();
    await emulator?.close();
  });

  /** Add Resource from Azure… from the palette, answering: subscription, resource, how to authenticate (and what else is given). */
  function addFromAzure(...answers: Parameters<typeof api.prompts.push>): Promise<AddResult | undefined> {
    api.prompts.push(...answers);
    return run<AddResult | undefined>('acsIdentity.addResourceFromAzure');
  }

  test('lists directories, subscriptions and Communication Services resources through the sovereign-cloud provider, then adds one with its key, stored as a pasted one', async () => {
    const microsoft = fakeSignIn(PUBLIC_PROVIDER);
    const microsoftRequests = microsoft.requests.length;
    const result = await addFromAzure('Dev', 'contoso-acs', 'key');
    assert.ok(result, api.messages.map((message) => message.text).join('\n'));
    assert.deepEqual({ name: result.name, authentication: result.authentication }, { name: 'contoso-acs', authentication: 'key' });

    const [subscriptionPick, resourcePick, authenticationPick] = api.prompts.records;
    assert.deepEqual(subscriptionPick.choices, ['Dev', 'Prod'], 'the only directory is taken without asking');
    assert.deepEqual(resourcePick.choices, ['contoso-acs']);
    assert.match(resourcePick.text, /Choose a Communication Services resource/);
    assert.deepEqual(authenticationPick.choices, ['Access key', 'Microsoft Entra ID (keyless)']);
    assert.deepEqual(api.messages.map(({ severity, text }) => ({ severity, text })), [{ severity: 'info', text: `Added "contoso-acs" (${host}) from Azure, with its access key.` }]);

    assert.equal(await api.readSecret(`acsIdentity.connectionString/${result.resourceId}`), emulator.connectionString);
    const row = await resourceRow(api, 'contoso-acs');
    assert.equal(row.description, `${host} · access key`);
    assert.equal(row.contextValue, 'acsResource;fromAzure');
    assert.match(row.tooltip, /Authenticates with its access key/);
    assert.match(row.tooltip, /In Azure: contoso-acs, resource group contoso-rg, subscription ac5e0000-0000-4000-8000-0000000000d1/);

    const tenantToken = cloud.requestsFor('https://management').find((request) => request.scopes.some((scope) => scope.startsWith('VSCODE_TENANT:')));
    assert.deepEqual(tenantToken?.scopes, [MANAGEMENT_SCOPE, `VSCODE_TENANT:${emulator.tenantId}`], 'subscriptions are listed with a token of their directory');
    assert.deepEqual(microsoft.requestsFor('https://', microsoftRequests), [], 'no token asked of the public cloud’s provider');
    const created = await run<{ userId: string } | undefined>('acsIdentity.createUserAndToken', { resource: result.resourceId });
    assert.ok(created?.userId.includes(emulator.resourceId), 'the stored key works');
    await assertNoTokenKept(api, cloud);
  });

  test('only the subscriptions chosen in azureResourceGroups.selectedSubscriptions are offered; one is taken without asking', async () => {
    await selectSubscriptions([`${emulator.tenantId}/${PROD}`]);
    try {
      const shown = await messagesDuring(api, () => addFromAzure());
      assert.deepEqual(shown, [{ severity: 'info', text: 'The subscription Prod has no Communication Services resource.', actions: [] }]);
      await selectSubscriptions([`${emulator.tenantId}/${DEV}`, 'elsewhere/subscription']);
      assert.ok(await addFromAzure('contoso-acs', 'key'));
      assert.deepEqual(api.prompts.records.map((prompt) => prompt.kind), ['quickPick', 'quickPick'], 'resource and authentication only');
    } finally {
      await selectSubscriptions(undefined);
    }
  });

  test('keyless: recorded as using Microsoft Entra ID, no key stored; identity calls carry the session’s token for the communication audience in the resource’s directory', async () => {
    const result = await addFromAzure('Dev', 'contoso-acs', 'entraId');
    assert.ok(result);
    assert.equal(result.authentication, 'entraId');
    assert.deepEqual(api.messages.map((message) => message.text), [`Added "contoso-acs" (${host}) from Azure: it uses Microsoft Entra ID, with your Azure sign-in (dev@contoso.example).`]);
    assert.deepEqual(await api.secretKeys(), []);
    assert.equal(await api.readSecret(`acsIdentity.connectionString/${result.resourceId}`), undefined);
    const row = await resourceRow(api, 'contoso-acs');
    assert.equal(row.description, `${host} · Microsoft Entra ID`);
    assert.equal(row.contextValue, 'acsResource;entraId;fromAzure');
    assert.match(row.tooltip, /Authenticates with Microsoft Entra ID: your Azure sign-in in VS Code; no key is stored/);
    const icon = api.tree.getTreeItem(row.node).iconPath;
    assert.ok(icon instanceof vscode.ThemeIcon && icon.id === 'azure', 'the Azure icon');

    const from = cloud.requests.length;
    const created = await run<{ userId: string; token: string } | undefined>('acsIdentity.createUserAndToken', { resource: result.resourceId, scopes: ['chat'] });
    assert.ok(created, api.messages.map((message) => message.text).join('\n'));
    assert.ok(created.userId.includes(emulator.resourceId));
    assert.deepEqual(cloud.requestsFor('https://communication', from).map((request) => request.scopes), [[COMMUNICATION_SCOPE, `VSCODE_TENANT:${emulator.tenantId}`]]);
    await run('acsIdentity.revokeTokens', { resource: result.resourceId, userId: created.userId });
    await assertNoTokenKept(api, cloud);
  });

  test('a person whose role may not read keys is told so in plain words and offered Microsoft Entra ID only', async () => {
    // As for a Reader: Resource Manager refuses this person listKeys.
    emulator.denyListKeys([TEST_ACCOUNT.objectId]);
    const result = await addFromAzure('Dev', 'contoso-acs', 'key', 'Use Microsoft Entra ID').finally(() => emulator.denyListKeys([]));
    const offer = api.prompts.records[3];
    assert.equal(offer.kind, 'modal');
    assert.equal(
      offer.text,
      'You may not read the access keys of "contoso-acs": your Azure account lacks the permission Microsoft.Communication/communicationServices/listKeys/action, which Contributor, Owner or Communication and Email Service Owner have. You can still use it with Microsoft Entra ID: every call then uses your Azure sign-in, and no key is stored.',
    );
    assert.deepEqual(offer.choices, ['Use Microsoft Entra ID']);
    assert.equal(result?.authentication, 'entraId');
    assert.ok(!api.messages.some((message) => /does not have authorization|AuthorizationFailed/.test(message.text)), 'Resource Manager’s own words stay in the log');
    assert.deepEqual(api.messages.map((message) => message.text), [`Added "contoso-acs" (${host}) from Azure: it uses Microsoft Entra ID, with your Azure sign-in (dev@contoso.example).`]);
  });

  test('a token VS Code hands out expired is asked for again: the person sees only the result; one it cannot renew is "sign in again"', async () => {
    cloud.staleTokens = 1;
    const shown = await messagesDuring(api, () => addFromAzure('Dev', 'contoso-acs', 'entraId'));
    assert.deepEqual(shown.map((message) => message.severity), ['info'], shown.map((message) => message.text).join('\n'));

    cloud.staleTokens = 10;
    const failed = await messagesDuring(api, () => run('acsIdentity.createUser', { resource: 'contoso-acs' }));
    assert.deepEqual(failed, [
      { severity: 'error', text: 'Could not create a user in "contoso-acs". Your Azure sign-in has expired and VS Code could not renew it: sign in again.', actions: ['Sign In to Azure'] },
    ]);

    // Renewed again: the identity SDK asks for a token each time the last one expires.
    cloud.staleTokens = 0;
    cloud.tokenLifetimeSeconds = 2;
    const from = cloud.requests.length;
    assert.ok(await run('acsIdentity.createUser', { resource: 'contoso-acs' }), api.messages.map((message) => message.text).join('\n'));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.ok(await run('acsIdentity.createUser', { resource: 'contoso-acs' }), api.messages.map((message) => message.text).join('\n'));
    assert.equal(cloud.requestsFor('https://communication', from).length, 2, 'a fresh token for the second call');
  });

  test('a sign-out in VS Code: the extension forgets what it listed and says a sign-in is needed, for the resources that use Entra ID too', async () => {
    assert.ok(await addFromAzure('Dev', 'contoso-acs', 'entraId'));
    const tenantsListed = (): number => emulatorLog.filter((line) => line.startsWith('GET /tenants ')).length;
    const before = tenantsListed();
    api.clearMessages();

    await cloud.removeSession();
    await waitFor(() => api.messages.length > 0, 'the sign-out to be told');
    assert.deepEqual(api.messages.map(({ severity, text, actions }) => ({ severity, text, actions })), [
      {
        severity: 'warning',
        text: 'You signed out of Azure (dev@contoso.example) in VS Code: sign in again to use "contoso-acs", which use Microsoft Entra ID, and to add resources from Azure.',
        actions: ['Sign In to Azure'],
      },
    ]);
    const refused = await messagesDuring(api, () => run('acsIdentity.createUser', { resource: 'contoso-acs' }));
    assert.deepEqual(refused, [
      { severity: 'error', text: 'Could not create a user in "contoso-acs". You are not signed in to Azure: sign in, then try again.', actions: ['Sign In to Azure'] },
    ]);

    await signInFromAccountsMenu(cloud);
    await api.messages.at(-1)?.press('Sign In to Azure');
    await waitFor(() => api.messages.at(-1)?.text === 'Signed in to Azure as dev@contoso.example.', 'the sign-in to be told');
    assert.ok(await run('acsIdentity.createUser', { resource: 'contoso-acs' }));
    assert.ok(await addFromAzure('Dev', 'contoso-acs', 'entraId'));
    assert.equal(tenantsListed(), before + 1, 'directories listed again: the list was forgotten');
  });

  test('a resource added from Azure whose key is refused (401) offers to fetch its current key, which then works', async () => {
    const result = await addFromAzure('Dev', 'contoso-acs', 'key');
    assert.ok(result);
    emulator.failNext(1, 401);
    const failed = await messagesDuring(api, () => run('acsIdentity.createUser', { resource: result.resourceId }));
    assert.deepEqual(failed, [
      {
        severity: 'error',
        text: 'Could not create a user in "contoso-acs". The access key of "contoso-acs" was rejected (401): it may have been regenerated in Azure (or the clock of this computer is off by more than 15 minutes). Fetch its current key from Azure?',
        actions: ['Fetch Access Key from Azure', 'Show Log'],
      },
    ]);
    const fetched = await messagesDuring(api, () => api.messages.at(-1)!.press('Fetch Access Key from Azure'));
    assert.deepEqual(fetched.map((message) => message.text), ['Fetched the current access key of "contoso-acs" from Azure.']);
    assert.ok(await run('acsIdentity.createUser', { resource: result.resourceId }));
  });

  test('from code: the resource named by its Resource Manager id is added without a question, with the session VS Code already has', async () => {
    const azureResourceId = `/subscriptions/${DEV}/resourceGroups/contoso-rg/providers/Microsoft.Communication/communicationServices/contoso-acs`;
    const result = await run<AddResult | undefined>('acsIdentity.addResourceFromAzure', { azureResourceId, authentication: 'entraId', name: 'from code' });
    assert.deepEqual(result && { name: result.name, authentication: result.authentication }, { name: 'from code', authentication: 'entraId' });
    assert.equal(api.prompts.records.length, 0);
    const shown = await messagesDuring(api, () => run('acsIdentity.addResourceFromAzure', { azureResourceId: '/subscriptions/x' }));
    assert.match(shown[0].text, /"azureResourceId" is not the id of a Communication Services resource/);
  });
});
