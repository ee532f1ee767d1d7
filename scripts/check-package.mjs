#!/usr/bin/env node
// Packaging check: packages the extension as a .vsix (as `npm run package` does), checks its
// file list against the .vscodeignore allowlist, installs it into the headless code-server
// host and asserts that `--list-extensions` shows it. scripts/test.mjs counts it as one test.
//
// Usage: node scripts/check-package.mjs [--keep]   (--keep leaves the temp folder for inspection)
// Exit code 0 when every check passes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot, ensureTestHost } from './setup-test-host.mjs';
import { runCodeServerCli } from '../test/host/codeServer.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${pkg.publisher}.${pkg.name}`.toLowerCase();
const vsceBin = require.resolve('@vscode/vsce/vsce');

/** Files the .vsix may contain (paths as `vsce ls` prints them). */
const ALLOWED = [/^dist\/(extension|emulator|identitySdk|csv|azureSignIn)\.js(\.map)?$/, /^package(\.nls(\.[\w-]+)?)?\.json$/, /^l10n\//, /^media\//, /^(README|CHANGELOG)\.md$/, /^LICENSE$/];
const REQUIRED = ['package.json', pkg.main.replace(/^\.\//, ''), `${pkg.main.replace(/^\.\//, '')}.map`, 'README.md', 'LICENSE'];

/**
 * The vsce invocation `npm run package` uses, so that this check covers it. Without a repository
 * URL vsce refuses the README's relative picture links (media/…) unless it leaves them as they
 * are; VS Code shows them from the installed extension.
 */
export function vsceArgs(command, extra = []) {
  return [vsceBin, command, '--no-dependencies', ...(command === 'package' ? ['--allow-missing-repository', '--no-rewrite-relative-links'] : []), ...extra];
}

function vsce(command, extra) {
  const r = spawnSync(process.execPath, vsceArgs(command, extra), { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`vsce ${command} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Packages a test-only extension (a fixture folder with its package.json and code) into `outFile`. */
export function packageExtensionFolder(dir, outFile) {
  const r = spawnSync(process.execPath, [vsceBin, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', outFile], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce could not package ${dir} (${r.status}):\n${r.stdout}${r.stderr}`);
  return outFile;
}

/** Packages the extension into `outFile` (runs vscode:prepublish: a production build of dist/). */
export function packageVsix(outFile) {
  vsce('package', ['--out', outFile]);
  if (!existsSync(outFile)) throw new Error(`vsce package did not write ${outFile}`);
  return outFile;
}

export async function checkPackage({ keep = false } = {}) {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'acs-pkg-'));
  try {
    const host = await ensureTestHost({ quiet: true, needChromium: false });
    const vsix = packageVsix(join(work, `${pkg.name}-${pkg.version}.vsix`));

    const files = vsce('ls').split('\n').map((l) => l.trim()).filter(Boolean);
    const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    const missing = REQUIRED.filter((f) => !files.includes(f));
    if (unexpected.length > 0) throw new Error(`the package contains files outside the allowlist: ${unexpected.join(', ')}`);
    if (missing.length > 0) throw new Error(`the package lacks: ${missing.join(', ')}`);
    checkBundleSplit();

    const dirs = ['--extensions-dir', join(work, 'extensions'), '--user-data-dir', join(work, 'user-data')];
    await runCodeServerCli(host, ['--install-extension', vsix, '--force', ...dirs], { stateDir: work });
    const listed = await runCodeServerCli(host, ['--list-extensions', '--show-versions', ...dirs], { stateDir: work });
    const line = listed.split('\n').find((l) => l.trim().toLowerCase().startsWith(`${extensionId}@`));
    if (!line) throw new Error(`${extensionId} is not in --list-extensions after installing ${vsix}:\n${listed}`);
    const installedMain = join(work, 'extensions', `${extensionId}-${pkg.version}`, pkg.main);
    if (!existsSync(installedMain)) throw new Error(`the installed extension has no ${pkg.main} (${installedMain})`);
    console.log(`[check-package] OK: ${files.length} files (${files.join(', ')}); installed as ${line.trim()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (keep) console.log(`[check-package] kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** The main bundle within its budget, without the sign-in to Azure, which is a bundle of its own loaded when used. */
function checkBundleSplit() {
  const main = readFileSync(join(repoRoot, 'dist', 'extension.js'), 'utf8');
  const signIn = readFileSync(join(repoRoot, 'dist', 'azureSignIn.js'), 'utf8');
  const budget = 300 * 1024;
  if (Buffer.byteLength(main) > budget) throw new Error(`dist/extension.js is ${Buffer.byteLength(main)} bytes, over its budget of ${budget}`);
  // What only the sign-in does: call Resource Manager's listKeys.
  const marker = '/listKeys?api-version=';
  if (main.includes(marker) || !signIn.includes(marker)) throw new Error('the Resource Manager client is not (only) in dist/azureSignIn.js');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
  checkPackage({ keep: values.keep }).catch((err) => {
    console.error(`[check-package] FAILED: ${err.message}`);
    process.exit(1);
  });
}
