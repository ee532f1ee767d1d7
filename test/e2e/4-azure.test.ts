import * as assert from 'node:assert/strict';
import { EmulatorApi } from './support/emulatorApi';
import { suiteContext } from './support/suiteContext';
import { waitUntil } from './support/waits';

// Continues from 3-walkthrough. The runner started a second emulator over https as the Azure cloud
// (the user settings point VS Code's custom cloud at it) and installed a test-only extension that
// answers VS Code's Microsoft sign-in for that cloud (test/e2e/fixtures/fake-microsoft-auth).

suite('Add Resource from Azure', () => {
  test('signs in through VS Code’s consent dialog, lists the cloud’s resource, adds it with Microsoft Entra ID, and a user created on it gets a token the cloud accepts', async () => {
    const { workbench: wb, config } = suiteContext();
    const cloud = new EmulatorApi(config.cloud.endpoint, config.cloud.accessKey, config.cloud.ca);
    const host = new URL(config.cloud.endpoint).host;
    // The walkthrough left open would take the focus when its steps complete (Add Resource from
    // Azure completes one): its tab is closed with the mouse.
    const walkthroughTab = wb.page.getByRole('tab', { name: /^Walkthrough: / });
    if ((await walkthroughTab.count()) > 0) {
      await walkthroughTab.hover();
      await walkthroughTab.locator('.tab-actions .action-label').click();
      await walkthroughTab.waitFor({ state: 'detached' });
    }
    await wb.openIdentitiesView();
    await wb.clearNotifications();

    await wb.viewTitleAction('Add Resource from Azure…').click();
    await wb.dialog.waitFor();
    assert.match(await wb.dialog.innerText(), /The extension 'ACS Identities' wants to sign in using Emulated cloud \(test\)\./);
    await wb.pressDialogButton('Allow');

    // One directory and one subscription: taken without asking.
    await wb.waitForPrompt('Choose a Communication Services resource');
    const resource = wb.quickPickRow('contoso-acs');
    assert.match(await resource.innerText(), /resource group acs-emulator-rg · global/);
    assert.match(await resource.innerText(), new RegExp(`Data location: Europe · ${host.replace(/\./g, '\\.')}`));
    await resource.click();
    await wb.waitForPrompt('How should VS Code authenticate to "contoso-acs"?');
    await wb.quickPickRow('Microsoft Entra ID (keyless)').click();
    await wb.waitForQuickInputClosed();

    await wb.waitForMessage(`Added "contoso-acs" (${host}) from Azure: it uses Microsoft Entra ID, with your Azure sign-in (dev@contoso.example).`);
    const row = wb.rowByLabel('contoso-acs', 1);
    await row.waitFor();
    assert.deepEqual(await wb.rowText(row), { label: 'contoso-acs', description: `${host} · Microsoft Entra ID` });
    await wb.clearNotifications();

    await wb.clickInlineAction(row, 'Create User and Issue Token…');
    for (const prompt of ['A label to recognize the user in the list', 'Scopes of the token', 'Token lifetime in minutes']) {
      await wb.waitForPrompt(prompt);
      await wb.refocusQuickInput();
      await wb.page.keyboard.press('Enter');
    }
    await wb.waitForQuickInputClosed();
    const [created] = await waitUntil('the user in the cloud', () => cloud.identities(), (identities) => identities.length === 1);
    const user = wb.rowByAriaLabel(`User ID: ${created.id}`);
    await waitUntil('the new user row with its token', () => wb.rowText(user), (text) => text.description === '1 valid token');
    const token = await wb.copied(() => wb.clickInlineAction(user, 'Copy Token'));
    const check = await cloud.validateToken(token);
    assert.ok(check.valid, `the cloud accepts the token (${check.valid ? '' : check.reason})`);
    await wb.clearNotifications();
  });
});
