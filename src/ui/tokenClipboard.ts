import * as vscode from 'vscode';
import type { Config } from '../platform/config';
import type { Messages } from './messages';

/**
 * Puts tokens on the clipboard and, when `acsIdentity.clearClipboardAfterSeconds` is set, takes
 * them off again that many seconds later, if the clipboard still holds that token: something the
 * person copied since is left alone. The token is compared in memory, held only until then, and
 * never logged.
 */
export class TokenClipboard implements vscode.Disposable {
  private pendingClear: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: Config,
    private readonly messages: Messages,
  ) {}

  /** Copies the token; returns in how many seconds it will be cleared (0: it stays). */
  async copy(token: string): Promise<number> {
    await vscode.env.clipboard.writeText(token);
    // The newest copy decides: an earlier token is no longer on the clipboard anyway.
    clearTimeout(this.pendingClear);
    this.pendingClear = undefined;
    const seconds = this.config.clearClipboardAfterSeconds;
    if (seconds > 0) {
      this.pendingClear = setTimeout(() => void this.clearIfStill(token), seconds * 1000);
    }
    return seconds;
  }

  dispose(): void {
    clearTimeout(this.pendingClear);
  }

  private async clearIfStill(token: string): Promise<void> {
    this.pendingClear = undefined;
    if ((await vscode.env.clipboard.readText()) === token) {
      await vscode.env.clipboard.writeText('');
      this.messages.status(vscode.l10n.t('Cleared the copied token from the clipboard'));
    }
  }
}
