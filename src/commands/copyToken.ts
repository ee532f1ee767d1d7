import * as vscode from 'vscode';
import { userDisplayName } from '../core/userSummary';
import { copiedTokenOf, putTokenOnClipboard } from './flows/clipboard';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { targetUser } from './flows/targets';
import { usableToken } from './flows/usableToken';

/**
 * Copies a token: the clicked one, or the user's newest valid one. A user without a valid token
 * is offered a new one (issued, then copied); from code, that is an error (code is never prompted).
 * The status bar says it was copied; the value is never shown.
 */
export async function copyToken(services: Services, invocation: Invocation): Promise<{ userId: string; expiresOn: string } | undefined> {
  const target = await targetUser(services, invocation, vscode.l10n.t('Copy Token'));
  const token = target && (await usableToken(services, invocation, target, 'copy'));
  if (!target || !token) {
    return undefined;
  }
  const name = userDisplayName(target.user);
  await putTokenOnClipboard(services, token.value, (clearedIn) =>
    token.issued
      ? clearedIn > 0
        ? vscode.l10n.t('Issued a token for {0} and copied it to the clipboard (cleared in {1} s)', name, clearedIn)
        : vscode.l10n.t('Issued a token for {0} and copied it to the clipboard', name)
      : copiedTokenOf(name)(clearedIn),
  );
  return { userId: target.user.userId, expiresOn: token.expiresOn };
}
