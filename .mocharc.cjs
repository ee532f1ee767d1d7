// Unit tests: mocha's own CLI (`npx mocha`, `npm run test:unit`) runs the compiled tests in plain
// Node, no VS Code. Compile first with `tsc -p .`. ACS_TEST_GREP=<regexp> runs only the
// matching tests; scripts/test.mjs adds `--reporter-option output=<file>` to get the counts.
const path = require('node:path');

module.exports = {
  ui: 'tdd',
  spec: ['out/test/unit/**/*.test.js'],
  timeout: 10_000,
  reporter: path.join(__dirname, 'scripts', 'mocha-summary-reporter.cjs'),
  // A test that leaves a server or timer open must not hang the run.
  exit: true,
  ...(process.env.ACS_TEST_GREP ? { grep: process.env.ACS_TEST_GREP } : {}),
};
