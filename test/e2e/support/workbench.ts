import type { Locator, Page } from 'playwright-core';
import { UI_TIMEOUT_MS, waitUntil } from './waits';

/**
 * The parts of the VS Code workbench the suite looks at and acts on, found by the roles and labels
 * the workbench gives them (what a screen reader reads), driven by mouse and keyboard only.
 */
export class Workbench {
  constructor(readonly page: Page) {}

  // ---- workbench ---------------------------------------------------------------------------

  /** Resolves once the workbench has drawn its activity bar (after a load or a reload). */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 120_000 });
  }

  /** Runs a command as a person does: F1, its title, Enter. */
  async runFromPalette(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput.locator('.quick-input-box input');
    await input.waitFor();
    await this.page.keyboard.insertText(title);
    const pick = this.quickInput.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(title) }) });
    await waitUntil(`"${title}" to be the first command in the palette`, () => this.quickInput.locator('.quick-input-list .monaco-list-row.focused .label-name').first().innerText(), (text) => text === title);
    await pick.first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  // ---- activity bar and the Identities view -------------------------------------------------

  get activityBarItem(): Locator {
    return this.page.locator('.activitybar a.action-label[aria-label^="Azure Communication Services"]');
  }

  /** The view container of the extension: welcome content or the tree. */
  get view(): Locator {
    return this.page.locator('[id="workbench.view.extension.acs"]');
  }

  /** Drags the edge between the side bar and the editor until the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const sidebar = await this.page.locator('.sidebar').boundingBox();
    if (!sidebar) {
      throw new Error('The side bar is not shown');
    }
    const edge = sidebar.x + sidebar.width;
    const middle = sidebar.y + sidebar.height / 2;
    await this.page.mouse.move(edge, middle);
    await this.page.mouse.down();
    await this.page.mouse.move(sidebar.x + width, middle, { steps: 5 });
    await this.page.mouse.up();
    await waitUntil(`the side bar to be ${width} px wide`, async () => (await this.page.locator('.sidebar').boundingBox())?.width, (now) => now !== undefined && Math.abs(now - width) <= 2);
  }

  /**
   * Shows the view from the activity bar. After a reload the workbench shows the side bar empty
   * (no title) until the extension has registered the view container it restores: a click in
   * that moment can land just as it is restored, on the active item, which hides the side bar. So
   * the side bar is first awaited to be restored or hidden, and the item is clicked only when it is
   * not the active one already.
   */
  async openIdentitiesView(): Promise<void> {
    const item = this.activityBarItem.locator('xpath=..');
    await item.waitFor();
    const sidebar = this.page.locator('.sidebar');
    await waitUntil(
      'the side bar to show a view container or none',
      async () => (await sidebar.isVisible() ? await sidebar.locator('.composite.title h2').innerText() : '(hidden)'),
      (title) => title.trim() !== '',
    );
    if (!(await this.view.isVisible()) && !((await item.getAttribute('class')) ?? '').split(' ').includes('checked')) {
      await this.activityBarItem.click();
    }
    await this.view.locator('.pane-body').first().waitFor();
  }

  get welcome(): Locator {
    return this.view.locator('.welcome-view-content');
  }

  welcomeButton(name: string): Locator {
    return this.welcome.getByRole('button', { name, exact: true });
  }

  /** A button of the view's title bar (e.g. "Add Resource with Connection String…"). */
  viewTitleAction(name: string): Locator {
    return this.page.locator(`.sidebar .title-actions a.action-label[aria-label="${name}"]`);
  }

  get rows(): Locator {
    return this.view.locator('.monaco-list-row[role="treeitem"]');
  }

  /** Tree rows whose accessible label (the item's tooltip) contains `text`. */
  rowByAriaLabel(text: string): Locator {
    return this.view.locator(`.monaco-list-row[role="treeitem"][aria-label*=${JSON.stringify(text)}]`);
  }

  /** Tree rows whose visible label is exactly `label`, at a depth (1 resource, 2 user, 3 token). */
  rowByLabel(label: string, level?: 1 | 2 | 3): Locator {
    const rows = level === undefined ? this.rows : this.view.locator(`.monaco-list-row[role="treeitem"][aria-level="${level}"]`);
    return rows.filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /** The rows just below `parent` in the tree, up to the next row at its depth or above. */
  async childRows(parent: Locator): Promise<Locator[]> {
    const level = Number(await parent.getAttribute('aria-level'));
    const start = Number(await parent.getAttribute('data-index'));
    const children: Locator[] = [];
    for (let index = start + 1; ; index++) {
      const row = this.view.locator(`.monaco-list-row[role="treeitem"][data-index="${index}"]`);
      if ((await row.count()) === 0 || Number(await row.getAttribute('aria-level')) <= level) {
        return children;
      }
      children.push(row);
    }
  }

  /** The visible label and description of a row, e.g. { label: 'alice', description: '2 valid tokens' }. */
  async rowText(row: Locator): Promise<{ label: string; description: string }> {
    const label = await row.locator('.label-name').innerText();
    const description = (await row.locator('.label-description').count()) > 0 ? await row.locator('.label-description').innerText() : '';
    return { label: label.trim(), description: description.trim() };
  }

  /** Expands a collapsible row and waits for its children to be drawn (they are fetched from the extension). */
  async expand(row: Locator): Promise<void> {
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.locator('.monaco-tl-twistie').click();
    }
    await waitUntil('the row to show its children', async () => (await this.childRows(row)).length, (count) => count > 0);
  }

  /**
   * Moves the pointer onto a tree row, which shows its inline buttons. Where the pointer rested
   * last (e.g. on a button of the view's title bar) the workbench may show a tooltip over the row,
   * which would take the pointer's events: the pointer first comes to the row's left end, away from
   * the buttons whose tooltips open below them, and the tooltip closes as the pointer leaves.
   */
  async hoverRow(row: Locator): Promise<void> {
    const box = await row.boundingBox();
    if (box) {
      await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
    }
    await row.hover();
  }

  /** Hovers a row and clicks one of its inline buttons. */
  async clickInlineAction(row: Locator, name: string): Promise<void> {
    await this.hoverRow(row);
    const button = row.locator(`.actions a.action-label[aria-label="${name}"]`);
    try {
      await button.waitFor({ timeout: UI_TIMEOUT_MS });
    } catch {
      const shown = await Promise.all((await row.locator('.actions a.action-label').all()).map((action) => action.getAttribute('aria-label')));
      throw new Error(`The row "${(await this.rowText(row)).label}" shows no inline button "${name}" when hovered; it shows: ${shown.join(', ') || 'none'}`);
    }
    await button.click();
  }

  /** Right-clicks a row and picks an entry of its context menu. */
  async clickContextMenuItem(row: Locator, name: string): Promise<void> {
    await this.hoverRow(row);
    await row.click({ button: 'right' });
    await this.page.locator('.context-view .monaco-menu').waitFor();
    const item = this.menuItem(name);
    if ((await item.count()) === 0) {
      const entries = await this.page.locator('.context-view .monaco-menu').getByRole('menuitem').allInnerTexts();
      throw new Error(`The context menu of "${(await this.rowText(row)).label}" has no "${name}"; it has: ${entries.map((entry) => entry.trim()).join(', ')}`);
    }
    // The menu ignores a click that was not preceded by the pointer moving over the item.
    await item.hover();
    await this.page.locator('.context-view .monaco-menu .action-item.focused').getByRole('menuitem', { name, exact: true }).waitFor();
    await item.click();
    const menu = this.page.locator('.context-view .monaco-menu');
    // VS Code 1.90 now and then drops a click on a menu item it has just highlighted (seen once in
    // many runs); the item keeps the highlight, and Enter chooses it, as a person would press it.
    if (!(await menu.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false))) {
      await this.page.locator('.context-view .monaco-menu .action-item.focused').getByRole('menuitem', { name, exact: true }).waitFor();
      await this.page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
    }
  }

  menuItem(name: string): Locator {
    return this.page.locator('.context-view .monaco-menu').getByRole('menuitem', { name, exact: true });
  }

  // ---- keyboard ------------------------------------------------------------------------------

  /** The tree row that has the keyboard focus (what a screen reader announces). */
  get focusedRow(): Locator {
    return this.view.locator('.monaco-list-row.focused[role="treeitem"]');
  }

  /** True while the keyboard focus is in the Identities tree. */
  async treeHasFocus(): Promise<boolean> {
    return (await this.view.locator('.monaco-list[role="tree"]:focus').count()) > 0;
  }

  /** Presses `key` until the focused tree row has this visible label (at most `maxPresses` times). */
  async moveFocusToRow(label: string, key = 'ArrowDown', maxPresses = 20): Promise<Locator> {
    for (let presses = 0; ; presses++) {
      const row = this.focusedRow;
      if ((await row.count()) === 1 && (await this.rowText(row)).label === label) {
        return row;
      }
      if (presses === maxPresses) {
        throw new Error(`No tree row "${label}" was reached with ${maxPresses} presses of ${key}`);
      }
      await this.page.keyboard.press(key);
    }
  }

  /** In an open context menu, moves down to `name` with the arrow keys and presses Enter. */
  async chooseMenuItemWithKeyboard(name: string, maxPresses = 20): Promise<void> {
    await this.page.locator('.context-view .monaco-menu').waitFor();
    const focused = this.page.locator('.context-view .monaco-menu .action-item.focused .action-label');
    // Opened from the keyboard, the menu has the focus but no item highlighted yet.
    if ((await focused.count()) === 0) {
      await this.page.keyboard.press('ArrowDown');
    }
    await focused.waitFor();
    for (let presses = 0; (await focused.innerText()).trim() !== name; presses++) {
      if (presses === maxPresses) {
        throw new Error(`The context menu has no "${name}" within ${maxPresses} presses of ArrowDown`);
      }
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden' });
  }

  // ---- quick input (palette, quick picks, input boxes) --------------------------------------

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Waits until the quick input asks the question whose prompt (the message under the box) or
   * placeholder contains `text`: in a flow of several prompts, Enter must not go to the previous one.
   */
  async waitForPrompt(text: string): Promise<void> {
    await waitUntil(
      `a prompt saying "${text}"`,
      async () => {
        if (!(await this.quickInput.isVisible())) {
          return '(no prompt)';
        }
        const message = await this.quickInput.locator('.quick-input-message').innerText();
        const placeholder = (await this.quickInput.locator('.quick-input-box input').getAttribute('placeholder')) ?? '';
        return `${message} | ${placeholder}`;
      },
      (seen) => seen.includes(text),
    );
  }

  /**
   * Gives the quick input's box the keyboard focus again if something else took it (a walkthrough
   * focuses its selected step a moment after selecting it), by clicking into it as a person would.
   */
  async refocusQuickInput(): Promise<void> {
    if ((await this.quickInput.locator('.quick-input-box input:focus').count()) === 0) {
      await this.quickInput.locator('.quick-input-box input').click();
    }
  }

  /**
   * Presses Enter in the quick input's box, and lets the key go once the quick input has moved on:
   * the question saying `next` is asked with the keyboard focus in its box, or, without `next`, the
   * quick input is closed. Opened from a walkthrough, the quick input gives the focus back to the
   * walkthrough between two questions, and a key let go there selects the walkthrough's step again
   * (it acts on keyup, in every version), which takes the focus 250 ms later, from the next
   * question's box. A person's key comes up on either side of that moment; this one, in the box.
   */
  async pressEnterInQuickInput(next?: string): Promise<void> {
    await this.refocusQuickInput();
    await this.page.keyboard.down('Enter');
    try {
      if (next === undefined) {
        await this.waitForQuickInputClosed();
      } else {
        await this.waitForPrompt(next);
        await this.quickInput.locator('.quick-input-box input:focus').waitFor();
      }
    } finally {
      await this.page.keyboard.up('Enter');
    }
  }

  /** The message under the input box: the prompt, or the validation message. */
  quickInputMessage(): Promise<string> {
    return this.quickInput.locator('.quick-input-message').innerText();
  }

  /** The rows of a quick pick; in a multi-select they are checkboxes. */
  quickPickRow(label: string): Locator {
    return this.quickInput.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /** The row of the quick pick that has the keyboard focus (highlighted). */
  get focusedQuickPickRow(): Locator {
    return this.quickInput.locator('.quick-input-list .monaco-list-row.focused');
  }

  /**
   * Ticks or unticks an item of a multi-select quick pick from the keyboard: ArrowDown (which moves
   * the focus from the box into the list) until the item is highlighted in the focused list, then
   * Space. The keyboard path is the same on every VS Code version, unlike the checkbox's markup (a
   * native input in 1.90, a custom toggle later) and the mouse's side effect (from 1.139 a click
   * leaves the focus on the checkbox, where Enter ticks it again instead of accepting the pick).
   * Enter accepts the pick afterwards.
   */
  async toggleQuickPickItem(label: string): Promise<void> {
    const row = this.quickPickRow(label);
    const before = await row.getAttribute('aria-checked');
    const reached = async (): Promise<boolean> =>
      (await this.quickInput.locator('.quick-input-list .monaco-list:focus').count()) === 1 && (await this.focusedQuickPickRow.locator('.label-name').allInnerTexts()).join() === label;
    // One more than the items: the first press may only move the focus into the list, past the item.
    const maxPresses = Number(await this.quickInput.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-setsize')) + 1;
    for (let presses = 0; !(await reached()); presses++) {
      if (presses === maxPresses) {
        throw new Error(`The quick pick has no item "${label}" within ${maxPresses} presses of ArrowDown`);
      }
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Space');
    await waitUntil(`"${label}" to be ${before === 'true' ? 'unticked' : 'ticked'}`, () => row.getAttribute('aria-checked'), (checked) => checked !== before);
  }

  async waitForQuickInputClosed(): Promise<void> {
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  // ---- notifications, dialogs, status bar, editor -------------------------------------------

  /** A notification toast whose message contains `text`. */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast').filter({ has: this.page.locator('.notification-list-item-message', { hasText: text }) });
  }

  /**
   * Waits for a message containing `text`: as a toast, or, when VS Code files it straight into the
   * notification center (seen on 1.90 and 1.100 for a message shown as a quick pick closes),
   * there, behind the status bar's bell; the center is closed again.
   */
  async waitForMessage(text: string, toastMs = 10_000): Promise<void> {
    const toast = this.notification(text);
    if (await toast.waitFor({ timeout: toastMs }).then(() => true, () => false)) {
      return;
    }
    await this.page.locator('[id="workbench.parts.statusbar"] .statusbar-item').filter({ has: this.page.locator('.codicon-bell, .codicon-bell-dot') }).first().click();
    const center = this.page.locator('.notifications-center');
    await center.locator('.notification-list-item-message', { hasText: text }).waitFor();
    await this.page.keyboard.press('Escape');
    await center.waitFor({ state: 'hidden' });
  }

  /** Closes the notification toasts still shown (they hide the bottom of the window in pictures). */
  async clearNotifications(): Promise<void> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    await waitUntil(
      'the notifications to be closed',
      async () => {
        const count = await toasts.count();
        if (count > 0) {
          // A toast may also hide by itself meanwhile: then the click finds nothing, and that is fine.
          const toast = toasts.first();
          await toast.hover({ timeout: 2_000 });
          await toast.locator('a.action-label[aria-label^="Clear Notification"]').click({ timeout: 2_000 });
        }
        return toasts.count();
      },
      (count) => count === 0,
    );
  }

  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async pressDialogButton(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name, exact: true }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  statusBarItem(text: string | RegExp): Locator {
    return this.page.locator('[id="workbench.parts.statusbar"] .statusbar-item', { hasText: text });
  }

  /** The text of the active editor as it is drawn (only the lines on screen), top to bottom. */
  async activeEditorText(): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
    await lines.first().waitFor();
    // The editor reuses line elements: their order in the page is not always the order on screen.
    const drawn = await Promise.all(
      (await lines.all()).map(async (line) => ({
        top: Number(/top:\s*(-?[\d.]+)px/.exec((await line.getAttribute('style')) ?? '')?.[1] ?? 0),
        text: await line.innerText(),
      })),
    );
    return drawn
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join('\n')
      .replace(/\u00a0/g, ' ');
  }

  /**
   * The title of the active editor's tab as a screen reader reads it, e.g. "alice token claims.json,
   * preview". Its drawn text is no good: from 1.139 the tab draws the file's extension apart.
   */
  async activeEditorTitle(): Promise<string> {
    return (await this.page.locator('.editor-group-container.active .tab.active[role="tab"]').getAttribute('aria-label')) ?? '';
  }

  // ---- walkthroughs (Welcome: Open Walkthrough…) ----------------------------------------------

  /** A step of the open walkthrough, by the ID the workbench gives it: "<extension ID>#<walkthrough>#<step>". */
  walkthroughStep(id: string): Locator {
    return this.page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id="${id}"]`);
  }

  /**
   * Whether a walkthrough step shows as completed, by its "done" checkbox as a screen reader reads
   * it: checked, and where the checkbox has a label (1.100 and later; 1.90 gives it none) a label
   * ending in ": Completed" as well.
   */
  async isWalkthroughStepCompleted(id: string): Promise<boolean> {
    const checkbox = this.walkthroughStep(id).locator('[role="checkbox"]');
    const checked = (await checkbox.getAttribute('aria-checked')) === 'true';
    const label = await checkbox.getAttribute('aria-label');
    if (label !== null && label.endsWith(': Completed') !== checked) {
      throw new Error(`The checkbox of step ${id} reads "${label}" but is ${checked ? '' : 'not '}checked`);
    }
    return checked;
  }

  // ---- clipboard ----------------------------------------------------------------------------

  readClipboard(): Promise<string> {
    return this.page.evaluate<string>('navigator.clipboard.readText()');
  }

  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  }

  /**
   * Runs `copy` and returns what it put on the clipboard: a marker is written first, so the wait
   * ends when the clipboard changed, not when an earlier copy happens to be there.
   */
  async copied(copy: () => Promise<void>): Promise<string> {
    const marker = `e2e-clipboard-marker-${Date.now()}`;
    await this.writeClipboard(marker);
    await copy();
    return waitUntil('the clipboard to change', () => this.readClipboard(), (text) => text !== marker && text !== '');
  }
}

/** A regexp matching exactly this text (for Playwright's `hasText`, which otherwise matches substrings). */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
