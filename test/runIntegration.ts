// Runs the integration tests (out/test/integration) in a real VS Code workbench.
// By default the host is test/host/code: code-server + headless Chromium, because VS Code
// desktop cannot be downloaded on our machines. Set ACS_TEST_VSCODE_EXECUTABLE to a desktop
// `code` binary to use that instead: the same runTests call serves both.
//
//   node out/test/runIntegration.js        (after `node esbuild.mjs && tsc -p .`)
//
// Environment (all optional):
//   ACS_TEST_RESULTS_FILE   where the in-host runner writes its JSON summary (default: a temp file)
//   ACS_TEST_WORKSPACE      folder to open (default: an empty temp folder)
//   ACS_TEST_GREP           only run tests whose full title matches this regexp
//   ACS_TEST_TIMEOUT_MS     overall limit of the launcher (default 15 min)
//   ACS_TEST_VERBOSE=1      print code-server's log and the browser console too
// Every variable of this process reaches the extension host, as do those in extensionTestsEnv.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..');

export async function runIntegration(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-it-'));
  const resultsFile = process.env.ACS_TEST_RESULTS_FILE || path.join(scratch, 'results.json');
  const workspace = process.env.ACS_TEST_WORKSPACE || path.join(scratch, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  try {
    return await runTests({
      vscodeExecutablePath: process.env.ACS_TEST_VSCODE_EXECUTABLE || path.join(repoRoot, 'test', 'host', 'code'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'integration', 'index.js'),
      launchArgs: [
        workspace,
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
        // Only the extension under development: nothing `npm start` installed.
        `--extensions-dir=${path.join(scratch, 'extensions')}`,
      ],
      extensionTestsEnv: {
        ACS_TEST_RESULTS_FILE: resultsFile,
        ACS_TEST_ENV_PROBE: 'reached-extension-host',
      },
    });
  } finally {
    // The results file only matters when the caller named it (then it lives elsewhere).
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runIntegration().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
