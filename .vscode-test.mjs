// Integration tests: @vscode/test-cli (`npx vscode-test`) runs out/test/integration/**/*.test.js
// (compile first: `node esbuild.mjs && tsc -p .`) with mocha's TDD UI inside a real VS Code
// extension host, once per test host of test/host/versions.mjs (`--label integration@<version>`
// picks one; install it first with `node scripts/setup-test-host.mjs --version=<version>`).
//
// VS Code desktop cannot be downloaded on our machines, so the "installation" is
// test/host/code: a `code`-compatible launcher that serves the workbench with code-server
// (the release named by ACS_TEST_HOST_VERSION) and opens it in headless Chromium.
//
// Environment (all optional):
//   ACS_TEST_GREP           only run tests whose full title matches this regexp
//   ACS_TEST_RESULTS_DIR    where each run writes <label>.json with its counts
//                           (default .vscode-test/results; see scripts/mocha-summary-reporter.cjs)
//   ACS_TEST_MOCHA_TIMEOUT_MS  per-test timeout (default 60 s)
//   and those of test/host/launcher.mjs (ACS_TEST_VERBOSE, ACS_TEST_TIMEOUT_MS, …).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';
import { makeCertificate, trustEnv } from './test/host/testCertificate.mjs';
import { DEFAULT_HOST_VERSION, HOST_VERSIONS } from './test/host/versions.mjs';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = process.env.ACS_TEST_RESULTS_DIR || join(repoRoot, '.vscode-test', 'results');
// The folder the workbench opens: empty (the tests write settings to the user profile only).
const workspace = join(repoRoot, '.vscode-test', 'workspace');
// The certificate the emulator serves when it plays the Azure cloud, trusted by the extension host
// (test/integration/support/azureCloud.ts reads it from ACS_TEST_TLS_CERT_FILE and _KEY_FILE).
const tlsDir = join(repoRoot, '.vscode-test', 'tls');
const certificate = makeCertificate(tlsDir);

/**
 * One configuration per host, each with its own results file; `french` runs the French suite
 * (test/integration-fr) with VS Code's display language set to French.
 */
function integrationTests(host, { french = false } = {}) {
  const label = `${french ? 'integration-fr' : 'integration'}@${host.codeServer}`;
  const resultsFile = join(resultsDir, `${label}.json`);
  return {
    label,
    files: french ? 'out/test/integration-fr/**/*.test.js' : 'out/test/integration/**/*.test.js',
    useInstallation: { fromPath: join(repoRoot, 'test', 'host', 'code') },
    workspaceFolder: workspace,
    launchArgs: french ? ['--locale', 'fr'] : [],
    env: {
      ACS_TEST_HOST_VERSION: host.codeServer,
      ACS_TEST_RESULTS_FILE: resultsFile,
      ACS_TEST_TLS_CERT_FILE: certificate.certFile,
      ACS_TEST_TLS_KEY_FILE: certificate.keyFile,
      ...trustEnv(certificate.certFile, tlsDir),
      // Proves to the smoke test that variables set here reach the extension host.
      ACS_TEST_ENV_PROBE: 'reached-extension-host',
    },
    mocha: {
      ui: 'tdd',
      color: false,
      timeout: Number(process.env.ACS_TEST_MOCHA_TIMEOUT_MS) || 60_000,
      reporter: join(repoRoot, 'scripts', 'mocha-summary-reporter.cjs'),
      reporterOptions: { output: resultsFile },
      ...(process.env.ACS_TEST_GREP ? { grep: process.env.ACS_TEST_GREP } : {}),
    },
  };
}

mkdirSync(resultsDir, { recursive: true });
mkdirSync(workspace, { recursive: true });
export default defineConfig([
  ...HOST_VERSIONS.map((host) => integrationTests(host)),
  ...HOST_VERSIONS.filter((host) => host.codeServer === DEFAULT_HOST_VERSION).map((host) => integrationTests(host, { french: true })),
]);
