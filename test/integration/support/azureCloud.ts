// Signing in to Azure in the test host, with no internet: fake Microsoft sign-in providers
// registered from the test code, the emulator as the cloud (Resource Manager and the identity
// API, over https), and VS Code's own settings pointing Resource Manager at it.
import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';
import { TEST_ACCOUNT, type TestAccount } from '../../support/entraTokens';
import { FakeMicrosoftAuthentication } from '../../support/fakeMicrosoftAuthentication';
import type { SelfSignedCertificate } from '../../support/tlsCertificate';
import { EXTENSION_ID, waitFor } from './index';

export const PUBLIC_PROVIDER = 'microsoft';
export const SOVEREIGN_PROVIDER = 'microsoft-sovereign-cloud';
export const MANAGEMENT_SCOPE = 'https://management.core.windows.net/.default';

let certificate: SelfSignedCertificate | undefined;
const fakes = new Map<string, FakeMicrosoftAuthentication>();

// Root hooks: for the whole run, before its first test. The runner (.vscode-test.mjs) made the
// certificate and had the extension host trust it through NODE_EXTRA_CA_CERTS, so that no product
// code trusts anything. VS Code's network patch would replace Node's CA list with the system's:
// `http.systemCertificates` false keeps it, set before any https request.
suiteSetup(async () => {
  const certFile = process.env.ACS_TEST_TLS_CERT_FILE;
  const keyFile = process.env.ACS_TEST_TLS_KEY_FILE;
  assert.ok(certFile && keyFile, 'the runner names the certificate the extension host trusts');
  certificate = { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  await vscode.workspace.getConfiguration('http').update('systemCertificates', false, vscode.ConfigurationTarget.Global);
});

suiteTeardown(() => {
  fakes.forEach((fake) => fake.dispose());
  fakes.clear();
});

/**
 * The fake sign-in under `providerId`, registered the first time it is asked for: it must be
 * there before the extension asks for that id, or VS Code would start its built-in provider.
 */
export function fakeSignIn(providerId: string): FakeMicrosoftAuthentication {
  let fake = fakes.get(providerId);
  if (!fake) {
    fake = new FakeMicrosoftAuthentication(providerId, providerId === PUBLIC_PROVIDER ? 'Microsoft (test)' : 'Emulated cloud (test)', TEST_ACCOUNT);
    fakes.set(providerId, fake);
  }
  return fake;
}

/**
 * What a person does in the Accounts menu: "Sign in with … to use ACS Identities (1)". VS Code's
 * consent dialog is refused in extension tests, so the sign-in is granted the way that shows none:
 * a request without options made by the test code (which runs as the extension under test) puts
 * that entry in the Accounts menu, and its command makes VS Code sign in and let the extension use
 * the account.
 */
export async function signInFromAccountsMenu(fake: FakeMicrosoftAuthentication, person: TestAccount = fake.person): Promise<void> {
  if (fake.account && fake.account.objectId !== person.objectId) {
    await fake.removeSession();
  }
  fake.person = person;
  const session = await vscode.authentication.getSession(fake.providerId, [MANAGEMENT_SCOPE]);
  if (session) {
    return;
  }
  const prefix = `${fake.providerId}:${EXTENSION_ID}:signIn`;
  const requests = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith(prefix));
  assert.ok(requests.length > 0, 'VS Code put no sign-in request in the Accounts menu');
  await vscode.commands.executeCommand(requests[requests.length - 1]);
  assert.equal(fake.account?.objectId, person.objectId, 'the Accounts menu signed the person in');
}

/** The emulator as a cloud: https with the test certificate, the given subscriptions and resource. */
export async function startEmulatedCloud(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  assert.ok(certificate, 'the root hook made the certificate');
  return startEmulator({ port: 0, tls: certificate, throttle: false, ...options });
}

/**
 * VS Code's custom cloud (`microsoft-sovereign-cloud.environment` = custom) whose Resource
 * Manager is the emulator: the extension signs in with `microsoft-sovereign-cloud` then.
 */
export async function useEmulatorAsCloud(emulator: RunningEmulator): Promise<void> {
  await setCloud('custom', {
    name: 'EmulatedCloud',
    portalUrl: 'https://portal.invalid',
    managementEndpointUrl: 'https://management.core.windows.net/',
    resourceManagerEndpointUrl: emulator.endpoint,
    activeDirectoryEndpointUrl: 'https://login.invalid/',
    activeDirectoryResourceId: 'https://management.core.windows.net/',
  });
}

/** The settings unset: the public Azure cloud, signed in with `microsoft`. */
export function usePublicCloud(): Promise<void> {
  return setCloud(undefined, undefined);
}

async function setCloud(environment: string | undefined, customEnvironment: object | undefined): Promise<void> {
  const settings = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  await settings.update('customEnvironment', customEnvironment, vscode.ConfigurationTarget.Global);
  await settings.update('environment', environment, vscode.ConfigurationTarget.Global);
  await waitFor(() => vscode.workspace.getConfiguration('microsoft-sovereign-cloud').inspect('environment')?.globalValue === environment, 'the cloud setting to apply');
}

/**
 * Sets (or, with undefined, clears) `azureResourceGroups.selectedSubscriptions` in the workspace's
 * .vscode/settings.json, as a person would edit it: VS Code's API refuses to write a setting that
 * no installed extension declares (Azure's own is not installed here), but reads it all the same.
 */
export async function selectSubscriptions(entries: readonly string[] | undefined): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host opens a folder');
  const file = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
  const settings = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  settings['azureResourceGroups.selectedSubscriptions'] = entries;
  if (Object.values(settings).every((value) => value === undefined)) {
    await rm(file, { force: true });
  } else {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
  }
  await waitFor(
    () => JSON.stringify(vscode.workspace.getConfiguration('azureResourceGroups').get('selectedSubscriptions')) === JSON.stringify(entries),
    'the subscription choice to apply',
  );
}
