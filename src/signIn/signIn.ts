import * as vscode from 'vscode';
import type { AzureAccount } from '../azure';
import type { Services } from '../commands/services';

/**
 * Signs in to Azure with VS Code's Microsoft authentication (its dialog and browser sign-in when
 * needed; for another cloud, the one the `microsoft-sovereign-cloud.*` settings name). After a
 * Sign Out here, VS Code lets the person choose the account again.
 */
export async function signIn(services: Services, azure: AzureAccount): Promise<{ account: string } | undefined> {
  try {
    const account = await azure.signIn();
    services.messages.info(vscode.l10n.t('Signed in to Azure as {0}.', account.label));
    return { account: account.label };
  } catch (error) {
    services.errors.present(error, { failed: vscode.l10n.t('Could not sign in to Azure.') });
    return undefined;
  }
}
