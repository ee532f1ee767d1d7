import * as vscode from 'vscode';
import type { AzureAccount } from '../azure';
import type { Invocation } from '../commands/flows/options';
import { targetResource } from '../commands/flows/targets';
import type { Services } from '../commands/services';
import type { ResourceRecord } from '../core/records';
import { fetchAccessKey, offerEntraIdInstead } from './azureKeys';

/**
 * Fetches the current access key of a resource added from Azure (listKeys) and stores it in place
 * of the one it had: what a rotated key needs, and the way back from Microsoft Entra ID to the
 * key. When the person's role may not read the keys, Entra ID is offered instead.
 */
export async function fetchKey(services: Services, invocation: Invocation, account: AzureAccount): Promise<{ resourceId: string } | undefined> {
  const title = vscode.l10n.t('Fetch Access Key from Azure');
  const resource = invocation.from === 'palette' ? await pickResourceFromAzure(services, title) : await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  const azure = resource.azure;
  if (!azure) {
    services.messages.error(
      vscode.l10n.t(
        '"{0}" was not added from Azure: add it with "Add Resource from Azure…", or paste its current connection string with "Add Resource with Connection String…".',
        resource.name,
      ),
    );
    return undefined;
  }
  const failed = vscode.l10n.t('Could not fetch the access key of "{0}".', resource.name);
  const key = await fetchAccessKey(services, account, { name: resource.name, endpoint: resource.endpoint, azure }, invocation.from === 'code' ? 'silent' : 'interactive', failed);
  if (key.kind === 'failed') {
    return undefined;
  }
  if (key.kind === 'refused') {
    if (!(await offerEntraIdInstead(services, invocation, resource.name, key.action))) {
      return undefined;
    }
    await services.registry.addKeylessResource(resource.name, resource, azure);
    services.messages.info(vscode.l10n.t('"{0}" now uses Microsoft Entra ID, with your Azure sign-in ({1}).', resource.name, account.account?.label ?? ''));
    return { resourceId: resource.id };
  }
  await services.registry.updateResourceConnection(resource.id, key.connection);
  services.messages.info(vscode.l10n.t('Fetched the current access key of "{0}" from Azure.', resource.name));
  return { resourceId: resource.id };
}

async function pickResourceFromAzure(services: Services, title: string): Promise<ResourceRecord | undefined> {
  const fromAzure = (await services.registry.listResources()).filter((resource) => resource.azure !== undefined);
  if (fromAzure.length === 0) {
    services.messages.info(vscode.l10n.t('No resource in the list was added from Azure: use "Add Resource from Azure…" first.'));
    return undefined;
  }
  return services.pickers.resourceAmong(fromAzure, title);
}
