// Mocha reporter for both test runs: mocha's own CLI (unit tests, see .mocharc.cjs) and
// @vscode/test-cli inside the extension host (integration tests, see .vscode-test.mjs).
// It prints what the `spec` reporter prints and, when the reporter option `output` names a
// file, writes the counts there at the end of the run:
//   { "passed": N, "failed": N, "pending": N, "failures": [{ "title": "...", "message": "..." }] }
// scripts/test.mjs reads that file instead of parsing the console output (which, in the
// extension host, travels through the workbench and the launcher).
//
//   mocha --reporter-option output=results.json
//   mocha: { reporter: <this file>, reporterOptions: { output: 'results.json' } }
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const Mocha = require('mocha');

const { Spec, Base } = Mocha.reporters;
const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    // The remote extension host forwards console calls with their arguments joined by spaces,
    // without printf-style substitution: `spec`'s console.log('%s%s', indent, title) would
    // arrive as "%s%s  title". Formatting first gives the same text in plain Node.
    Base.consoleLog = (...args) => console.log(util.format(...args));
    super(runner, options);
    const output = (options?.reporterOption ?? options?.reporterOptions)?.output;
    const results = { passed: 0, failed: 0, pending: 0, failures: [] };
    runner.on(EVENT_TEST_PASS, () => results.passed++);
    runner.on(EVENT_TEST_PENDING, () => results.pending++);
    // Also raised for failing hooks (then titled `"before each" hook for …`).
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), message: err instanceof Error ? err.message || String(err) : String(err) });
    });
    runner.once(EVENT_RUN_END, () => {
      if (!output) return;
      fs.mkdirSync(path.dirname(output), { recursive: true });
      fs.writeFileSync(output, JSON.stringify(results, null, 2) + '\n');
    });
  }
}

module.exports = SummaryReporter;
