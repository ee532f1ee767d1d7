import * as vscode from 'vscode';
import type { SessionAccount } from '../azure';
import type { Services } from '../commands/services';

/**
 * Signs out of Azure in this extension: it forgets the account and what it listed, and asks VS
 * Code for no session until the next Sign In (resources that use Microsoft Entra ID wait for it).
 * VS Code has no API to remove its own session, which other extensions may use: the message says
 * where the person removes it (the Accounts menu).
 */
export async function signOut(services: Services, signIn: { signOut(): Promise<SessionAccount | undefined> }): Promise<{ account?: string }> {
  const previous = await signIn.signOut();
  services.messages.info(
    previous
      ? vscode.l10n.t(
          'Signed out of Azure in ACS Identities: it forgot your account and what it listed. VS Code itself keeps {0} signed in for other extensions: to remove it, use the Accounts menu › {0} › Sign Out.',
          previous.label,
        )
      : vscode.l10n.t('Signed out of Azure in ACS Identities. To remove an account from VS Code itself, use the Accounts menu › the account › Sign Out.'),
  );
  return previous ? { account: previous.label } : {};
}
