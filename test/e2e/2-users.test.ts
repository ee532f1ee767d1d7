import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { TokenCheck } from './support/emulatorApi';
import { suiteContext } from './support/suiteContext';
import { VIEWPORT } from './support/session';
import { waitUntil } from './support/waits';

// Continues from 1-resources: one resource, the emulator started by the runner, listed under its host.

const WHOLE_WINDOW = { x: 0, y: 0, ...VIEWPORT };

/** What the tree shows for a user without a label: the end of its ID. */
function shortName(userId: string): string {
  return `…${userId.slice(-12)}`;
}

function assertValidFor(check: TokenCheck, userId: string, scopes: string): void {
  assert.ok(check.valid, `the emulator accepts the token (${check.valid ? '' : check.reason})`);
  assert.equal(check.claims.skypeid, userId.replace(/^8:/, ''), 'the token is for that user');
  assert.equal(check.claims.acsScope, scopes);
}

function assertRejected(check: TokenCheck, reason: string): void {
  assert.deepEqual(check.valid ? { valid: true } : { valid: false, reason: check.reason }, { valid: false, reason });
}

suite('Users and tokens', () => {
  let host: string;
  let userId: string;
  let firstToken: string;
  let chatToken: string;
  let keyboardUserId: string;

  /** The row of the user created first (labelled "alice" once renamed). */
  const userRow = (): Locator => suiteContext().workbench.rowByAriaLabel(`User ID: ${userId}`);

  suiteSetup(() => {
    host = new URL(suiteContext().config.emulator.endpoint).host;
  });

  test('create a user and a token pressing Enter through every prompt, expand the user, copy the token with its inline button: the emulator accepts it for that user', async () => {
    const { workbench: wb, emulator, pictures } = suiteContext();
    const known = new Set((await emulator.identities()).map((identity) => identity.id));
    const resourceRow = wb.rowByLabel(host, 1);

    await wb.hoverRow(resourceRow);
    await pictures.frame(WHOLE_WINDOW);
    await wb.clickInlineAction(resourceRow, 'Create User and Issue Token…');
    await wb.waitForPrompt('A label to recognize the user in the list');
    await pictures.frame(WHOLE_WINDOW);
    await wb.page.keyboard.press('Enter');
    await wb.waitForPrompt('Scopes of the token');
    assert.equal(await wb.quickPickRow('chat').getAttribute('aria-checked'), 'true');
    assert.equal(await wb.quickPickRow('voip').getAttribute('aria-checked'), 'true');
    await pictures.frame(WHOLE_WINDOW);
    await wb.page.keyboard.press('Enter');
    await wb.waitForPrompt('Token lifetime in minutes');
    await pictures.frame(WHOLE_WINDOW);
    await wb.page.keyboard.press('Enter');
    await wb.waitForQuickInputClosed();

    const created = await waitUntil('one new identity in the emulator', () => emulator.identities(), (list) => list.filter((identity) => !known.has(identity.id)).length === 1);
    userId = created.filter((identity) => !known.has(identity.id))[0].id;
    await wb.notification(new RegExp(`^Created user ${shortName(userId)} in "${host}" with a token \\(chat, voip\\) valid until `)).waitFor();
    const user = userRow();
    // The user is recorded a moment before its token: the row may be drawn once with "no valid token".
    await waitUntil('the new user row with its token', () => wb.rowText(user), (text) => text.description === '1 valid token');
    assert.equal((await wb.rowText(user)).label, shortName(userId));
    await pictures.frame(WHOLE_WINDOW);

    await wb.expand(user);
    const tokens = await Promise.all((await wb.childRows(user)).map((row) => wb.rowText(row)));
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0].label, 'chat, voip');
    assert.match(tokens[0].description, /^expires in 23 h 5\d min$/);

    await wb.clearNotifications();
    await wb.hoverRow(user);
    await pictures.frame(WHOLE_WINDOW);
    firstToken = await wb.copied(() => wb.clickInlineAction(user, 'Copy Token'));
    await wb.statusBarItem(`Copied a token of ${shortName(userId)} to the clipboard`).waitFor();
    await pictures.frame(WHOLE_WINDOW, 2500);
    pictures.saveGif('create-user-copy-token.gif');

    assertValidFor(await emulator.validateToken(firstToken), userId, 'chat,voip');
  });

  test('copy the user ID from the context menu, then rename the user from the context menu', async () => {
    const { workbench: wb } = suiteContext();
    const copiedId = await wb.copied(() => wb.clickContextMenuItem(userRow(), 'Copy User ID'));
    assert.equal(copiedId, userId);
    await wb.statusBarItem(`Copied the ID of ${shortName(userId)} to the clipboard`).waitFor();

    await wb.clickContextMenuItem(userRow(), 'Rename User…');
    await wb.waitForPrompt('A label to recognize the user in the list');
    await wb.page.keyboard.type('alice');
    await wb.page.keyboard.press('Enter');
    await wb.waitForQuickInputClosed();
    await waitUntil('the user row to say alice', () => wb.rowText(userRow()), (text) => text.label === 'alice');
    assert.deepEqual(await wb.rowText(userRow()), { label: 'alice', description: '1 valid token' });
  });

  test('issue a second token with only chat by unticking voip in the scope picker; copy it from its row: the emulator accepts it with scope chat', async () => {
    const { workbench: wb, emulator, pictures } = suiteContext();
    await wb.clickInlineAction(userRow(), 'Issue Token…');
    await wb.waitForPrompt('Scopes of the token');
    await wb.toggleQuickPickItem('voip');
    assert.equal(await wb.quickPickRow('voip').getAttribute('aria-checked'), 'false');
    assert.equal(await wb.quickPickRow('chat').getAttribute('aria-checked'), 'true');
    await pictures.save('scope-picker.png', wb.quickInput);
    await wb.page.keyboard.press('Enter');
    await wb.waitForPrompt('Token lifetime in minutes');
    await wb.page.keyboard.press('Enter');
    await wb.waitForQuickInputClosed();

    await wb.notification(/^Issued a token \(chat\) for alice, valid until /).waitFor();
    await waitUntil('alice to have two valid tokens', () => wb.rowText(userRow()), (text) => text.description === '2 valid tokens');
    await wb.expand(userRow());
    const tokenRows = await wb.childRows(userRow());
    assert.deepEqual(
      (await Promise.all(tokenRows.map((row) => wb.rowText(row)))).map((text) => text.label),
      ['chat', 'chat, voip'],
      'newest first',
    );
    chatToken = await wb.copied(() => wb.clickInlineAction(tokenRows[0], 'Copy Token'));
    assertValidFor(await emulator.validateToken(chatToken), userId, 'chat');
    assert.notEqual(chatToken, firstToken);
    await wb.clearNotifications();
  });

  test("show a token's claims from its context menu: a JSON document with the token's claims opens", async () => {
    const { workbench: wb, pictures } = suiteContext();
    const [chatRow] = await wb.childRows(userRow());
    await wb.clickContextMenuItem(chatRow, 'Show Token Claims');
    await waitUntil('the claims document to be the active editor', () => wb.activeEditorTitle(), (title) => title.includes('alice token claims.json'));
    const text = await waitUntil('the claims to be shown', () => wb.activeEditorText(), (shown) => shown.includes('"claims"') && shown.trimEnd().endsWith('}'));
    const shown = JSON.parse(text) as { header: Record<string, unknown>; claims: Record<string, unknown> };
    assert.equal(shown.header.alg, 'HS256');
    assert.equal(shown.claims.skypeid, userId.replace(/^8:/, ''));
    assert.equal(shown.claims.acsScope, 'chat');
    assert.match(String(shown.claims.exp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(\d+\)$/, 'exp is spelled out as a date');
    assert.ok(!text.includes(chatToken), 'the token itself is not shown');
    const group = await wb.page.locator('.editor-group-container.active').boundingBox();
    const closingBrace = await wb.page.locator('.editor-group-container.active .view-line', { hasText: /^\}$/ }).last().boundingBox();
    if (group && closingBrace) {
      await pictures.save('claims.png', { x: group.x, y: group.y, width: group.width, height: Math.ceil(closingBrace.y + closingBrace.height + 12 - group.y) });
    }
  });

  test('keyboard only: focus the view from the palette, create a user with the context-menu key and Enter through the prompts, copy its token with the context-menu key', async () => {
    const { workbench: wb, emulator, config } = suiteContext();
    const keys = wb.page.keyboard;
    const known = new Set((await emulator.identities()).map((identity) => identity.id));

    await wb.runFromPalette('Azure Communication Services: Focus on Identities View');
    await waitUntil('the Identities tree to have the keyboard focus', () => wb.treeHasFocus(), (focused) => focused);
    await keys.press('Home');
    const resourceRow = await wb.moveFocusToRow(host);
    assert.ok((await resourceRow.getAttribute('aria-label'))?.includes(config.emulator.endpoint), 'the resource row reads its endpoint');

    await keys.press('Shift+F10');
    await wb.chooseMenuItemWithKeyboard('Create User and Issue Token…');
    await wb.waitForPrompt('A label to recognize the user in the list');
    await keys.type('keyboard user');
    await keys.press('Enter');
    await wb.waitForPrompt('Scopes of the token');
    await keys.press('Enter');
    await wb.waitForPrompt('Token lifetime in minutes');
    await keys.press('Enter');
    await wb.waitForQuickInputClosed();
    await wb.notification(/^Created user keyboard user in /).waitFor();
    const created = await waitUntil('one new identity in the emulator', () => emulator.identities(), (list) => list.filter((identity) => !known.has(identity.id)).length === 1);
    keyboardUserId = created.filter((identity) => !known.has(identity.id))[0].id;

    await waitUntil('the keyboard focus to come back to the tree', () => wb.treeHasFocus(), (focused) => focused);
    // As above: the row may be drawn once before its token is recorded.
    await waitUntil('the new user row with its token', () => wb.rowText(wb.rowByLabel('keyboard user', 2)), (text) => text.description === '1 valid token');
    const userRow = await wb.moveFocusToRow('keyboard user');
    const announced = (await userRow.getAttribute('aria-label')) ?? '';
    assert.ok(announced.startsWith('keyboard user\n'), `the row reads its label first: ${announced}`);
    assert.ok(announced.includes(`User ID: ${keyboardUserId}`), `the row reads the user ID: ${announced}`);
    assert.ok(announced.includes('Latest token: chat, voip, expires in'), `the row reads the latest token: ${announced}`);

    const token = await wb.copied(async () => {
      await keys.press('Shift+F10');
      await wb.chooseMenuItemWithKeyboard('Copy Token');
    });
    assertValidFor(await emulator.validateToken(token), keyboardUserId, 'chat,voip');
    await wb.clearNotifications();
  });

  test('after Developer: Reload Window the resource, both users and their tokens are still there, and a token still copies', async () => {
    const { workbench: wb, emulator, pictures } = suiteContext();
    const reloaded = wb.page.waitForEvent('domcontentloaded', { timeout: 120_000 });
    await wb.runFromPalette('Developer: Reload Window');
    await reloaded;
    await wb.ready();
    await wb.openIdentitiesView();

    await wb.rowByLabel(host, 1).waitFor();
    const alice = userRow();
    await alice.waitFor();
    assert.deepEqual(await wb.rowText(alice), { label: 'alice', description: '2 valid tokens' });
    const bob = wb.rowByAriaLabel(`User ID: ${keyboardUserId}`);
    assert.deepEqual(await wb.rowText(bob), { label: 'keyboard user', description: '1 valid token' });
    await wb.expand(alice);
    await wb.expand(bob);
    const aliceTokens = await Promise.all((await wb.childRows(alice)).map((row) => wb.rowText(row)));
    assert.deepEqual(aliceTokens.map((text) => text.label), ['chat', 'chat, voip']);

    const token = await wb.copied(() => wb.clickInlineAction(bob, 'Copy Token'));
    assertValidFor(await emulator.validateToken(token), keyboardUserId, 'chat,voip');

    const rows = await wb.rows.all();
    const lastRow = await rows[rows.length - 1].boundingBox();
    const sidebar = await wb.page.locator('.sidebar').boundingBox();
    if (lastRow && sidebar) {
      await wb.hoverRow(alice);
      await pictures.save('tree.png', { x: 0, y: sidebar.y, width: Math.ceil(sidebar.x + sidebar.width), height: Math.ceil(lastRow.y + lastRow.height + 12 - sidebar.y) });
    }
  });

  test('revoke the tokens from the context menu and confirm: the tokens are marked revoked and the emulator rejects them', async () => {
    const { workbench: wb, emulator } = suiteContext();
    await wb.clickContextMenuItem(userRow(), 'Revoke Tokens…');
    await wb.dialog.waitFor();
    assert.ok((await wb.dialog.innerText()).includes(`Revoke all tokens of alice in "${host}"?`));
    await wb.pressDialogButton('Revoke Tokens');
    await wb.notification('Revoked the tokens of alice.').waitFor();

    await waitUntil('alice to have no valid token', () => wb.rowText(userRow()), (text) => text.description === 'no valid token');
    const tokens = await Promise.all((await wb.childRows(userRow())).map((row) => wb.rowText(row)));
    assert.deepEqual(tokens, [
      { label: 'chat', description: 'revoked' },
      { label: 'chat, voip', description: 'revoked' },
    ]);
    assertRejected(await emulator.validateToken(firstToken), 'revoked');
    assertRejected(await emulator.validateToken(chatToken), 'revoked');
    await wb.clearNotifications();
  });

  test('delete the user from the context menu and confirm: it is gone from the tree and from the emulator', async () => {
    const { workbench: wb, emulator } = suiteContext();
    await wb.clickContextMenuItem(userRow(), 'Delete User…');
    await wb.dialog.waitFor();
    assert.ok((await wb.dialog.innerText()).includes(`Delete user alice from "${host}"?`));
    await wb.pressDialogButton('Delete');
    await wb.notification(`Deleted user alice from "${host}".`).waitFor();

    await waitUntil('alice to leave the tree', () => userRow().count(), (count) => count === 0);
    const ids = (await emulator.identities()).map((identity) => identity.id);
    assert.ok(!ids.includes(userId), 'the emulator no longer has the user');
    assert.ok(ids.includes(keyboardUserId), 'the other user is untouched');
    assert.equal((await wb.rowText(wb.rowByAriaLabel(`User ID: ${keyboardUserId}`))).label, 'keyboard user');
    assertRejected(await emulator.validateToken(chatToken), 'identityDeleted');
    await wb.clearNotifications();
  });
});
