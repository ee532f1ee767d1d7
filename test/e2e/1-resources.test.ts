import * as assert from 'node:assert/strict';
import { suiteContext } from './support/suiteContext';
import { waitUntil } from './support/waits';

// The tests of a run share one workbench and run in file and declaration order: each starts from
// what the one before it left (see scripts/run-e2e.mjs).

suite('Resources', () => {
  test('the view opens from the activity bar with its welcome; Start Local Emulator lists the local emulator, and removing it brings the welcome back', async () => {
    const { workbench: wb, pictures } = suiteContext();
    await wb.openIdentitiesView();
    await wb.welcome.waitFor();
    // Wide enough for a user's label and token count side by side (and for the pictures).
    await wb.resizeSideBar(360);
    assert.match(await wb.welcome.innerText(), /Add a resource with its connection string/);
    const lastParagraph = await wb.welcome.locator('p').last().boundingBox();
    const sidebar = await wb.page.locator('.sidebar').boundingBox();
    if (lastParagraph && sidebar) {
      await pictures.save('welcome.png', { x: 0, y: sidebar.y, width: Math.ceil(sidebar.x + sidebar.width), height: Math.ceil(lastParagraph.y + lastParagraph.height + 16 - sidebar.y) });
    }

    await wb.welcomeButton('Start Local Emulator').click();
    const emulatorRow = wb.rowByLabel('Local emulator', 1);
    await emulatorRow.waitFor();
    await wb.notification(/^The local emulator is running at http:\/\/127\.0\.0\.1:\d+\/ and is listed as "Local emulator"\.$/).waitFor();
    assert.match((await wb.rowText(emulatorRow)).description, /^127\.0\.0\.1:\d+$/);

    await wb.clickContextMenuItem(emulatorRow, 'Remove Resource…');
    await wb.dialog.waitFor();
    assert.match(await wb.dialog.innerText(), /Remove "Local emulator" \(127\.0\.0\.1:\d+\) from VS Code\?/);
    await wb.pressDialogButton('Remove');
    await wb.welcome.waitFor();
    assert.equal(await wb.rows.count(), 0);
    await wb.clearNotifications();
  });

  test('the welcome button Add Resource with Connection String… takes a pasted connection string: the resource is listed, its host said once', async () => {
    const { workbench: wb, config } = suiteContext();
    const host = new URL(config.emulator.endpoint).host;
    await wb.welcomeButton('Add Resource with Connection String…').click();
    await wb.waitForPrompt('The connection string from the Keys page');
    await wb.writeClipboard(config.emulator.connectionString);
    await wb.page.keyboard.press('Control+V');
    await wb.page.keyboard.press('Enter');
    await wb.waitForPrompt('A name for this resource in the list');
    assert.equal(await wb.quickInput.locator('.quick-input-box input').inputValue(), host, 'the proposed name is the host');
    await wb.page.keyboard.press('Enter');
    await wb.waitForQuickInputClosed();

    const row = wb.rowByLabel(host, 1);
    await row.waitFor();
    await wb.notification(`Added "${host}" (${host}).`).waitFor();
    assert.deepEqual(await wb.rowText(row), { label: host, description: '' });
    assert.equal(await wb.welcome.isVisible(), false, 'the welcome is gone');
    await wb.clearNotifications();
  });

  test('a malformed connection string pasted into the prompt shows what is wrong in the input box, and nothing is stored', async () => {
    const { workbench: wb, config, pictures } = suiteContext();
    const host = new URL(config.emulator.endpoint).host;
    await wb.viewTitleAction('Add Resource with Connection String…').click();
    await wb.waitForPrompt('The connection string from the Keys page');
    await wb.writeClipboard('endpoint=https://contoso.communication.azure.com/;accesskey=this is not base64');
    await wb.page.keyboard.press('Control+V');
    const problem = 'The access key is not valid base64 (copy it again from the Azure portal).';
    await waitUntil('the validation message', () => wb.quickInputMessage(), (message) => message.includes(problem));

    // Enter does not accept it: the box stays, with the message.
    await wb.page.keyboard.press('Enter');
    assert.ok(await wb.quickInput.isVisible(), 'the input box is still open');
    assert.ok((await wb.quickInputMessage()).includes(problem));
    assert.ok(!(await wb.quickInputMessage()).includes('this is not base64'), 'the rejected string is not echoed');
    await pictures.save('connection-string-error.png', wb.quickInput);

    await wb.page.keyboard.press('Escape');
    await wb.waitForQuickInputClosed();
    const resources = await Promise.all((await wb.view.locator('.monaco-list-row[aria-level="1"]').all()).map((row) => wb.rowText(row)));
    assert.deepEqual(resources, [{ label: host, description: '' }], 'the tree lists the same single resource');
    assert.equal(await wb.notification(/^Added /).count(), 0);
  });
});
