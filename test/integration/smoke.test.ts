// Smoke test of the integration test host itself: the extension loads and activates, the
// clipboard works, and environment variables set by the runner reach the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'acs-tools.acs-identity';

suite('Smoke', () => {
  test('the extension is present and activates', async () => {
    const extension = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    console.log(`[smoke] ${EXTENSION_ID} ${(extension.packageJSON as { version: string }).version} active in VS Code ${vscode.version}`);
  });

  test('the clipboard round-trips a string', async () => {
    const text = `acs-smoke ${Date.now()} ✓`;
    await vscode.env.clipboard.writeText(text);
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  test('environment variables from the runner reach the extension host', () => {
    // Set by .vscode-test.mjs in the environment of the extension host.
    assert.equal(process.env.ACS_TEST_ENV_PROBE, 'reached-extension-host');
    assert.ok(process.env.ACS_TEST_RESULTS_FILE, 'ACS_TEST_RESULTS_FILE is not set');
  });
});
