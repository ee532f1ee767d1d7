// The VS Code versions the integration tests run on: the one list that `npm test`,
// .vscode-test.mjs, scripts/setup-test-host.mjs and .ci/run use.
//
// Each host is a code-server release from npm (it bundles the VS Code of the same minor
// version) and is installed into .vscode-test/code-server-<version>/ by setup-test-host.
//   codeServer  the npm version of code-server
//   node        the Node major version it requires (its package.json `engines`); when the
//               machine's Node is another one, the Node binary of NODE_BINARIES is installed
//               next to it and runs code-server and its extension host
//   ripgrep     VS Code's @vscode/ripgrep (package version, and the asset its postinstall
//               would download from GitHub; setup-test-host makes it from Debian's rg).
//               Releases that use @vscode/ripgrep-universal (binaries inside) have none.
//   serverArgs  extra arguments of code-server for running extension tests, if any

/** @typedef {{ codeServer: string, vscode: string, node: number, ripgrep?: { version: string, asset: string }, serverArgs?: string[] }} HostVersion */

/** @type {readonly HostVersion[]} */
export const HOST_VERSIONS = [
  // The minimum that package.json's engines.vscode (^1.90.0) claims.
  { codeServer: '4.90.3', vscode: '1.90.2', node: 20, ripgrep: { version: '1.15.9', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' } },
  // The last release that runs on Node 20, the machine's own Node: npm start and the package check use it.
  { codeServer: '4.100.3', vscode: '1.100.3', node: 20, ripgrep: { version: '1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' } },
  // The newest release. Its built web workbench honours the extensionDevelopmentPath and
  // extensionTestsPath of the URL's payload only with VS Code's smoke-test driver enabled.
  { codeServer: '4.139.1', vscode: '1.139.1', node: 24, serverArgs: ['--vscode-option', 'enable-smoke-test-driver'] },
];

/** The host of `npm start` and of the package check. */
export const DEFAULT_HOST_VERSION = '4.100.3';

/**
 * Node releases taken from npm's node-<platform>-<arch> packages, which carry the binary and
 * its headers in the tarball (nothing is downloaded at install time), by major version.
 */
export const NODE_BINARIES = { 24: '24.22.3' };

/** @returns {HostVersion} */
export function hostVersion(codeServer = DEFAULT_HOST_VERSION) {
  const found = HOST_VERSIONS.find((h) => h.codeServer === codeServer);
  if (!found) throw new Error(`unknown test host code-server ${codeServer}; known: ${HOST_VERSIONS.map((h) => h.codeServer).join(', ')}`);
  return found;
}
