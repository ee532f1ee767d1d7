// The Azure cloud of an end-to-end run, without the internet: a second emulator over https (the
// SDKs send Entra ID tokens over https only) that VS Code's custom-cloud settings point Resource
// Manager at, and a test-only extension (test/e2e/fixtures/fake-microsoft-auth) that answers VS
// Code's Microsoft sign-in for that cloud. Nothing here is part of the product's .vsix.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageExtensionFolder } from '../../../scripts/check-package.mjs';

/** User settings: VS Code's custom cloud, whose Resource Manager is the emulator; Node's CA list left as NODE_EXTRA_CA_CERTS made it. */
export function cloudSettings(endpoint) {
  return {
    'http.systemCertificates': false,
    'microsoft-sovereign-cloud.environment': 'custom',
    'microsoft-sovereign-cloud.customEnvironment': {
      name: 'EmulatedCloud',
      portalUrl: 'https://portal.invalid',
      managementEndpointUrl: 'https://management.core.windows.net/',
      resourceManagerEndpointUrl: endpoint,
      activeDirectoryEndpointUrl: 'https://login.invalid/',
      activeDirectoryResourceId: 'https://management.core.windows.net/',
    },
  };
}

/** Bundles the fake sign-in extension (esbuild) and packages it (vsce) into `dir`; returns its .vsix. */
export async function packageFakeSignIn(repoRoot, dir) {
  const source = join(repoRoot, 'test', 'e2e', 'fixtures', 'fake-microsoft-auth');
  mkdirSync(dir, { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(source, 'extension.ts')],
    outfile: join(dir, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  });
  copyFileSync(join(source, 'package.json'), join(dir, 'package.json'));
  return packageExtensionFolder(dir, join(dir, 'fake-microsoft-auth.vsix'));
}
