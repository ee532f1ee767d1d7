import * as vscode from 'vscode';
import type { Services } from '../services';

/**
 * Puts a token (or text holding one) on the clipboard and says so in the status bar with `said`,
 * which never holds the value.
 */
export async function putTokenOnClipboard(services: Services, text: string, said: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  services.messages.status(said);
}

/** A "Copy Token" button for a token just issued (the value is in memory; it is never displayed). */
export function copyIssuedTokenAction(services: Services, userName: string, token: string): { title: string; run(): Promise<void> } {
  return {
    title: vscode.l10n.t('Copy Token'),
    run: async () => {
      await vscode.env.clipboard.writeText(token);
      services.messages.status(vscode.l10n.t('Copied a token of {0} to the clipboard', userName));
    },
  };
}
