// The Azure cloud of an end-to-end run, without the internet: a second emulator over https (the
// SDKs send Entra ID tokens over https only) that VS Code's custom-cloud settings point Resource
// Manager at, and a test-only extension (test/e2e/fixtures/fake-microsoft-auth) that answers VS
// Code's Microsoft sign-in for that cloud. Nothing here is part of the product's .vsix.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A throw-away certificate for 127.0.0.1, valid a day. */
export function makeCertificate(dir) {
  mkdirSync(dir, { recursive: true });
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile,
  ], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl could not make the emulator's certificate: ${r.stderr}`);
  return { certFile, keyFile };
}

/**
 * The environment variable that makes the extension host trust the certificate: Node's extra CA
 * certificates, those the caller already had first. (VS Code's network patch replaces Node's CA
 * list with the system's when it adds system certificates: the settings below turn that off.)
 */
export function trustEnv(certFile, dir) {
  const bundle = join(dir, 'trusted.pem');
  const inherited = process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS) ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
  writeFileSync(bundle, `${inherited.trimEnd()}\n${readFileSync(certFile, 'utf8')}`);
  return { NODE_EXTRA_CA_CERTS: bundle };
}

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
  const vsix = join(dir, 'fake-microsoft-auth.vsix');
  const r = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vsce could not package the fake sign-in extension (${r.status}):\n${r.stdout}${r.stderr}`);
  return vsix;
}
