import * as vscode from 'vscode';
import type { Services } from '../services';

/**
 * Puts a token (or text holding one) on the clipboard, to be cleared after the configured delay,
 * and says so in the status bar with `said`, given that delay in seconds (0: it stays); what is
 * said never holds the value.
 */
export async function putTokenOnClipboard(services: Services, text: string, said: (clearedInSeconds: number) => string): Promise<void> {
  const clearedIn = await services.tokenClipboard.copy(text);
  services.messages.status(said(clearedIn));
}

/** "Copied a token of alice to the clipboard", with when it will be cleared if it will. */
export function copiedTokenOf(userName: string): (clearedInSeconds: number) => string {
  return (clearedIn) =>
    clearedIn > 0
      ? vscode.l10n.t('Copied a token of {0} to the clipboard (cleared in {1} s)', userName, clearedIn)
      : vscode.l10n.t('Copied a token of {0} to the clipboard', userName);
}

/** A "Copy Token" button for a token just issued (the value is in memory; it is never displayed). */
export function copyIssuedTokenAction(services: Services, userName: string, token: string): { title: string; run(): Promise<void> } {
  return {
    title: vscode.l10n.t('Copy Token'),
    run: () => putTokenOnClipboard(services, token, copiedTokenOf(userName)),
  };
}
