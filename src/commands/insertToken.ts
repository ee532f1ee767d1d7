import * as path from 'node:path';
import * as vscode from 'vscode';
import { userDisplayName } from '../core/userSummary';
import type { Invocation } from './flows/options';
import { targetUser } from './flows/targets';
import { usableToken } from './flows/usableToken';
import type { Services } from './services';

/**
 * Inserts a token (the clicked one, or the user's newest valid one) into the active editor, at each
 * cursor or in place of each selection. From code: `{ userId, tokenId? }`. The value is never shown.
 */
export async function insertToken(services: Services, invocation: Invocation): Promise<{ userId: string; expiresOn: string } | undefined> {
  const title = vscode.l10n.t('Insert Token');
  // Asked first: nothing is chosen or issued for an editor that is not there.
  if (!vscode.window.activeTextEditor) {
    services.messages.error(vscode.l10n.t('Insert Token: no editor is open. Open the file the token goes into, put the cursor where it goes, and try again.'));
    return undefined;
  }
  const target = await targetUser(services, invocation, title);
  const token = target && (await usableToken(services, invocation, target, 'insert'));
  if (!target || !token) {
    return undefined;
  }
  // The editor active now: a prompt or a modal may have come and gone in between.
  const editor = vscode.window.activeTextEditor;
  const fileName = editor ? path.basename(editor.document.uri.path) : '';
  const inserted = editor ? await editor.edit((edit) => editor.selections.forEach((selection) => edit.replace(selection, token.value))) : false;
  if (!inserted) {
    services.messages.error(vscode.l10n.t('Insert Token: the token could not be inserted in {0} (is it read-only?).', fileName || vscode.l10n.t('the editor')));
    return undefined;
  }
  services.messages.status(vscode.l10n.t('Inserted a token of {0} in {1}', userDisplayName(target.user), fileName));
  return { userId: target.user.userId, expiresOn: token.expiresOn };
}
