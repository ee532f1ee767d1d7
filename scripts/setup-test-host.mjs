#!/usr/bin/env node
// Installs the headless VS Code test hosts (code-server releases, listed in
// test/host/versions.mjs) on demand into .vscode-test/code-server-<version>/, next to the
// cache folder that @vscode/test-electron uses. They are not devDependencies so that
// `npm ci` stays fast. A release that needs another Node than the machine's gets the Node
// binary of npm's node-<platform>-<arch> package, installed into .vscode-test/node-<version>/.
// See /work/shared/docs/headless-vscode.md for why each quirk below is needed.
//
// Usage: node scripts/setup-test-host.mjs [--version=<code-server version>] [--all] [--force] [--quiet]
//   (default: the DEFAULT_HOST_VERSION of test/host/versions.mjs)
// Idempotent: a marker file per folder makes a second run return in milliseconds.
// As a module: `import { ensureTestHost, testHost } from './setup-test-host.mjs'`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST_VERSION, HOST_VERSIONS, NODE_BINARIES, hostVersion } from '../test/host/versions.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(repoRoot, '.vscode-test');

/** Path of the Chromium used by the test launcher (overridable for other distributions). */
export const chromiumPath = process.env.ACS_TEST_CHROMIUM || '/usr/bin/chromium';

const systemNodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * Where a Node binary from npm lives once installed.
 * @param {string} version  e.g. '24.22.3'
 */
function npmNode(version) {
  const dir = join(cacheDir, `node-${version}`);
  const pkgDir = join(dir, 'node_modules', `node-${process.platform}-${process.arch}`);
  return { version, dir, pkgDir, bin: join(pkgDir, 'bin', 'node'), marker: join(dir, '.installed') };
}

/**
 * Everything about one test host: its folder, code-server's entry script and the Node that runs it.
 * @param {string} [version]  a code-server version listed in test/host/versions.mjs
 */
export function testHost(version = DEFAULT_HOST_VERSION) {
  const spec = hostVersion(version);
  const dir = join(cacheDir, `code-server-${spec.codeServer}`);
  // The machine's Node when it is the major version this release requires.
  const node = spec.node === systemNodeMajor ? undefined : npmNode(requiredNodeBinary(spec.node));
  return {
    ...spec,
    dir,
    marker: join(dir, '.installed'),
    /** code-server's entry script: run it with `nodeBin`. */
    entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    /** The Node binary that runs code-server and its extension host. */
    nodeBin: node ? node.bin : process.execPath,
    npmNode: node,
  };
}

function requiredNodeBinary(major) {
  const version = NODE_BINARIES[major];
  if (!version) throw new Error(`no Node ${major} binary is listed in NODE_BINARIES (test/host/versions.mjs)`);
  return version;
}

function readMarker(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function isTestHostInstalled(version = DEFAULT_HOST_VERSION) {
  const host = testHost(version);
  if (!existsSync(host.entry) || !existsSync(host.nodeBin)) return false;
  const marker = readMarker(host.marker);
  // Native modules are built for one Node ABI: a host built with another Node must be rebuilt.
  // (Markers without nodeMajor predate hosts on other Nodes: they were built with the machine's.)
  return marker?.version === host.codeServer && (marker.nodeMajor ?? systemNodeMajor) === host.node;
}

/** System packages the hosts need, with the file that proves each is installed. */
function missingSystemPackages({ needChromium }) {
  const checks = [
    ['libkrb5-dev', ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h']],
    ['ripgrep', ['/usr/bin/rg']],
  ];
  if (needChromium) checks.push(['chromium', [chromiumPath]]);
  return checks.filter(([, files]) => !files.some((f) => existsSync(f))).map(([name]) => name);
}

/** Ensures apt packages are present; throws with an actionable message otherwise. */
export function checkSystemPackages({ needChromium = true } = {}) {
  const missing = missingSystemPackages({ needChromium });
  if (missing.length > 0) {
    throw new Error(
      `The headless VS Code test host needs these Debian packages: ${missing.join(' ')}\n` +
        `Install them with:  apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
}

/** Makes the tarball @vscode/ripgrep's postinstall looks for in its cache, from Debian's rg. */
function prepareRipgrepCache(tmp, { version, asset }) {
  const dir = join(tmp, `vscode-ripgrep-cache-${version}`);
  const tarball = join(dir, asset);
  if (existsSync(tarball)) return;
  mkdirSync(dir, { recursive: true });
  // `rg` must sit at the root of the archive.
  const r = spawnSync('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`could not create ${tarball}`);
}

function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

/** A folder of its own npm project, so that an install never touches the repository's files. */
function makeScratchProject(dir, description) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'acs-identity-test-host', private: true, description }, null, 2) + '\n');
}

const quietNpm = { npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Installs a Node binary from npm (binary and headers are inside the package tarball). */
async function ensureNpmNode(node, { quiet }) {
  if (readMarker(node.marker)?.version === node.version && existsSync(node.bin)) {
    if (!quiet) console.log(`[setup-test-host] Node ${node.version} already installed in ${node.dir}`);
    return;
  }
  console.log(`[setup-test-host] installing Node ${node.version} (npm package node-${process.platform}-${process.arch}) into ${node.dir}`);
  makeScratchProject(node.dir, 'generated by scripts/setup-test-host.mjs');
  await run(npmCommand, ['install', '--no-save', '--no-package-lock', `node-${process.platform}-${process.arch}@${node.version}`], {
    cwd: node.dir,
    env: { ...process.env, ...quietNpm },
  });
  const v = spawnSync(node.bin, ['--version'], { encoding: 'utf8' });
  if (v.stdout.trim() !== `v${node.version}`) throw new Error(`${node.bin} --version printed ${v.stdout}${v.stderr}`);
  writeFileSync(node.marker, JSON.stringify({ version: node.version, installedAt: new Date().toISOString() }) + '\n');
}

/**
 * Installs one code-server release into the cache folder unless its marker says it is there.
 * @param {{ version?: string, force?: boolean, quiet?: boolean, needChromium?: boolean }} [options]
 * @returns {Promise<ReturnType<typeof testHost>>}
 */
export async function ensureTestHost({ version = DEFAULT_HOST_VERSION, force = false, quiet = false, needChromium = true } = {}) {
  checkSystemPackages({ needChromium });
  const host = testHost(version);
  if (host.npmNode) await ensureNpmNode(host.npmNode, { quiet });
  if (!force && isTestHostInstalled(version)) {
    if (!quiet) console.log(`[setup-test-host] code-server ${host.codeServer} already installed in ${host.dir}`);
    return host;
  }
  const started = Date.now();
  console.log(`[setup-test-host] installing code-server@${host.codeServer} (VS Code ${host.vscode}, Node ${host.node}) into ${host.dir} (a few minutes, ~300-600 MB)`);
  makeScratchProject(host.dir, 'generated by scripts/setup-test-host.mjs');
  const tmp = process.env.TMPDIR || tmpdir();
  if (host.ripgrep) prepareRipgrepCache(tmp, host.ripgrep);

  const env = {
    ...process.env,
    ...quietNpm,
    TMPDIR: tmp,
    // node-pty's postinstall runs `npx node-gyp`; npx cancels without this when there is no TTY.
    npm_config_yes: 'true',
    // As root, code-server's postinstall refuses to run unless it sees unsafe-perm. npm 11 no
    // longer knows the option (it warns about `--unsafe-perm`), so it goes through the
    // environment, which the postinstall script inherits either way.
    npm_config_unsafe_perm: 'true',
    // npm 11's install-script policy: code-server's postinstall runs nested `npm install`s
    // (lib/vscode, its built-in extensions) whose native modules must build. Unreviewed
    // scripts run by default (with a warning); make sure a stricter user config cannot
    // turn that into a failure for this isolated, pinned tool install.
    npm_config_strict_allow_scripts: 'false',
    npm_config_ignore_scripts: 'false',
    // Older releases (code-server 4.90: kerberos 2.0.1) build native addons with
    // NAPI_EXPERIMENTAL and an old node-addon-api, which recent Node 20+ headers reject
    // (finalizers now get a const `node_api_basic_env`). Node's headers offer this opt-out
    // back to the previous types; it changes nothing for addons that do not opt in.
    CXXFLAGS: [process.env.CXXFLAGS, '-DNODE_API_EXPERIMENTAL_BASIC_ENV_OPT_OUT'].filter(Boolean).join(' '),
  };
  if (host.npmNode) {
    // npm, code-server's postinstall (which checks the Node version npm runs on) and node-gyp
    // all run on the required Node, and native modules are built against its headers.
    env.PATH = `${dirname(host.npmNode.bin)}${delimiter}${env.PATH}`;
    env.npm_config_nodedir = host.npmNode.pkgDir;
  } else if (!env.npm_config_nodedir && existsSync('/usr/include/node/node_version.h')) {
    // Offline node-gyp: build against the installed Node headers instead of downloading them.
    env.npm_config_nodedir = '/usr';
  }

  await run(npmCommand, ['install', '--no-save', '--no-package-lock', `code-server@${host.codeServer}`], { cwd: host.dir, env });
  if (!existsSync(host.entry)) throw new Error(`code-server installed but ${host.entry} is missing`);
  // Smoke check: the server starts far enough to print its version.
  const v = spawnSync(host.nodeBin, [host.entry, '--version'], { encoding: 'utf8', env });
  if (v.status !== 0 || !v.stdout.includes(host.codeServer)) {
    throw new Error(`code-server --version failed: ${v.stdout}${v.stderr}`);
  }
  writeFileSync(host.marker, JSON.stringify({ version: host.codeServer, nodeMajor: host.node, installedAt: new Date().toISOString() }) + '\n');
  console.log(`[setup-test-host] installed in ${Math.round((Date.now() - started) / 1000)} s: ${v.stdout.trim().split('\n')[0]}`);
  return host;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      version: { type: 'string', default: DEFAULT_HOST_VERSION },
      all: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const versions = values.all ? HOST_VERSIONS.map((h) => h.codeServer) : [values.version];
  try {
    for (const version of versions) await ensureTestHost({ version, force: values.force, quiet: values.quiet });
  } catch (err) {
    console.error(`[setup-test-host] ${err.message}`);
    process.exit(1);
  }
}
