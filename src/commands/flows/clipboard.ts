import * as vscode from 'vscode';
import type { TokenRecord, UserRecord } from '../../core/records';
import { userDisplayName } from '../../core/userSummary';
import type { Services } from '../services';

/** Puts a token on the clipboard and says so in the status bar, never showing the value. */
export async function copyTokenValue(services: Services, user: UserRecord, token: TokenRecord): Promise<boolean> {
  const value = await services.registry.getTokenValue(token);
  if (!value) {
    services.messages.error(
      vscode.l10n.t('The value of this token of {0} is no longer stored in VS Code: issue a new token.', userDisplayName(user)),
    );
    return false;
  }
  await putOnClipboard(services, userDisplayName(user), value);
  return true;
}

/** A "Copy Token" button for a token just issued (the value is in memory; it is never displayed). */
export function copyIssuedTokenAction(services: Services, userName: string, token: string): { title: string; run(): Promise<void> } {
  return {
    title: vscode.l10n.t('Copy Token'),
    run: () => putOnClipboard(services, userName, token),
  };
}

async function putOnClipboard(services: Services, userName: string, token: string): Promise<void> {
  const clearedIn = await services.tokenClipboard.copy(token);
  services.messages.status(
    clearedIn > 0
      ? vscode.l10n.t('Copied a token of {0} to the clipboard (cleared in {1} s)', userName, clearedIn)
      : vscode.l10n.t('Copied a token of {0} to the clipboard', userName),
  );
}
