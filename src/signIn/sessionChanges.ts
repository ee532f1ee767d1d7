import * as vscode from 'vscode';
import type { SessionAccount, SessionChange } from '../azure';
import type { Services } from '../commands/services';
import { authenticationOf } from '../core/records';
import { signInAction } from './azureMessages';

/**
 * Tells the person what a change of their Azure sign-in in VS Code (the Accounts menu) means here:
 * the extension has forgotten what it listed, and resources that use Microsoft Entra ID need a
 * sign-in again.
 */
export async function announceSessionChange(services: Services, change: SessionChange, current: SessionAccount | undefined): Promise<void> {
  if (change.kind === 'switched') {
    services.messages.info(vscode.l10n.t('Azure: VS Code now signs you in as {0} instead of {1}.', current?.label ?? '', change.previous.label));
    return;
  }
  const keyless = (await services.registry.listResources()).filter((resource) => authenticationOf(resource) === 'entraId').map((resource) => `"${resource.name}"`);
  if (keyless.length > 0) {
    services.messages.warn(
      vscode.l10n.t('You signed out of Azure ({0}) in VS Code: sign in again to use {1}, which use Microsoft Entra ID, and to add resources from Azure.', change.previous.label, keyless.join(', ')),
      signInAction(),
    );
  } else {
    services.messages.info(vscode.l10n.t('You signed out of Azure ({0}) in VS Code: sign in again to add resources from Azure.', change.previous.label), signInAction());
  }
}
