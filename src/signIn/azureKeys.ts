import * as vscode from 'vscode';
import type { AzureAccount, Interaction } from '../azure';
import { isAzureFailure, refusedAction } from '../azure/azureFailure';
import type { Invocation } from '../commands/flows/options';
import type { Services } from '../commands/services';
import { parseConnectionString, type AcsConnectionString } from '../core/connectionString';
import type { AzureCoordinates } from '../core/records';
import { keysRefusedText } from './azureMessages';

export type KeyFetch =
  | { readonly kind: 'fetched'; readonly connection: AcsConnectionString }
  /** The person's role may not read the keys (403): Microsoft Entra ID is the way that remains. */
  | { readonly kind: 'refused'; readonly action?: string }
  /** Shown already. */
  | { readonly kind: 'failed' };

/**
 * The resource's current connection string (primary key), read through Resource Manager's
 * listKeys under a cancellable progress notification, validated as a pasted one would be. A
 * refusal is returned rather than shown: the caller offers Entra ID instead.
 */
export async function fetchAccessKey(
  services: Services,
  account: AzureAccount,
  resource: { readonly name: string; readonly endpoint: string; readonly azure: AzureCoordinates },
  interaction: Interaction,
  failed: string,
): Promise<KeyFetch> {
  let text: string;
  try {
    text = await services.progress.run(vscode.l10n.t('Fetching the access key of "{0}" from Azure…', resource.name), (signal) =>
      account.connectionString(resource.azure, resource.endpoint, interaction, signal),
    );
  } catch (error) {
    if (isAzureFailure(error) && error.kind === 'resourceManager' && error.status === 403) {
      services.logger.info(`Resource Manager refused listKeys of ${resource.azure.name}: ${error.message}`);
      return { kind: 'refused', action: refusedAction(error) };
    }
    services.errors.present(error, { failed });
    return { kind: 'failed' };
  }
  const parsed = parseConnectionString(text);
  if (!parsed.ok) {
    // The problem code only: the text holds the key.
    services.logger.error(`listKeys of ${resource.azure.name} gave a connection string that does not parse (${parsed.problem})`);
    services.messages.error(vscode.l10n.t('{0} Azure gave a connection string that is not valid: see the "ACS Identities" output for details.', failed));
    return { kind: 'failed' };
  }
  return { kind: 'fetched', connection: parsed.value };
}

/**
 * Says why the keys may not be read, and offers Microsoft Entra ID instead (a modal question);
 * true when the person takes it. Code is told (an error message) and never asked.
 */
export async function offerEntraIdInstead(services: Services, invocation: Invocation, resourceName: string, action: string | undefined): Promise<boolean> {
  const reason = keysRefusedText(resourceName, action);
  if (invocation.from === 'code') {
    services.messages.error(reason);
    return false;
  }
  const useEntraId = vscode.l10n.t('Use Microsoft Entra ID');
  return (await services.prompter.modal(reason, { buttons: [useEntraId] })) === useEntraId;
}
