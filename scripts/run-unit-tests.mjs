#!/usr/bin/env node
// Runs the unit tests (out/test/unit/**/*.test.js, compiled by `tsc -p .`) with mocha's TDD UI,
// in plain Node, no VS Code. Used by scripts/test.mjs, which runs it as a child process so
// that a test leaving a server or timer open cannot hang the whole run.
//
// Usage: node scripts/run-unit-tests.mjs [--results <file.json>]
// Writes { passed, failed, pending, failures: [{ title, message }] } to --results.
// Environment: ACS_TEST_GREP=<regexp> runs only the matching tests.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Mocha = require('mocha');
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const unitDir = join(repoRoot, 'out', 'test', 'unit');
const resultsArg = process.argv.indexOf('--results');
const resultsFile = resultsArg > 0 ? process.argv[resultsArg + 1] : undefined;

function findTestFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? findTestFiles(join(dir, e.name)) : e.name.endsWith('.test.js') ? [join(dir, e.name)] : []))
    .sort();
}

const results = { passed: 0, failed: 0, pending: 0, failures: [] };
const done = (code) => {
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  // Like `mocha --exit`: do not wait for handles a test forgot to close.
  process.exit(code);
};

const files = findTestFiles(unitDir);
if (files.length === 0) {
  console.log(`No unit tests found under ${unitDir}`);
  done(0);
}
const mocha = new Mocha({ ui: 'tdd', timeout: 10_000, grep: process.env.ACS_TEST_GREP || undefined });
for (const file of files) mocha.addFile(file);
try {
  await mocha.loadFilesAsync();
  const runner = mocha.run(() => done(results.failed > 0 ? 1 : 0));
  runner.on('pass', () => results.passed++);
  runner.on('pending', () => results.pending++);
  runner.on('fail', (test, err) => {
    results.failed++;
    results.failures.push({ title: test.fullTitle(), message: err?.message ?? String(err) });
  });
} catch (err) {
  console.error(`Could not load the unit tests: ${err?.stack ?? err}`);
  results.failed++;
  results.failures.push({ title: 'loading the unit tests', message: err?.message ?? String(err) });
  done(1);
}
