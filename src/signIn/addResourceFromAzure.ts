import * as vscode from 'vscode';
import type { AzureAccount, AzureSubscription, AzureTenant, CommunicationServiceResource, Interaction } from '../azure';
import type { CommandOptions, Invocation } from '../commands/flows/options';
import type { Services } from '../commands/services';
import type { AzureCoordinates, ResourceAuthentication } from '../core/records';
import type { PickItem } from '../ui/prompts';
import { fetchAccessKey, offerEntraIdInstead } from './azureKeys';

export interface AddResourceFromAzureResult {
  readonly resourceId: string;
  readonly name: string;
  readonly authentication: ResourceAuthentication;
}

interface ChosenResource {
  readonly resource: CommunicationServiceResource;
  readonly tenantId: string;
}

/**
 * Adds a Communication Services resource the person's Azure account can see: signs in through
 * VS Code when needed, asks for the directory and the subscription (skipped when there is one,
 * and only those chosen in Azure's own view), then the resource and how to authenticate. With
 * its access key, the connection string is fetched (listKeys) and stored as a pasted one is; with
 * Microsoft Entra ID nothing is stored, and every call uses the person's sign-in. When the
 * person's role may not read the keys, Entra ID is offered instead.
 */
export async function addResourceFromAzure(services: Services, invocation: Invocation, account: AzureAccount): Promise<AddResourceFromAzureResult | undefined> {
  const title = vscode.l10n.t('Add Resource from Azure');
  if (invocation.from === 'code') {
    const authentication = invocation.options.authentication ?? 'key';
    if (authentication !== 'key' && authentication !== 'entraId') {
      services.messages.error(vscode.l10n.t('Add Resource from Azure: the "authentication" option is "key" or "entraId".'));
      return undefined;
    }
    const chosen = await resourceOfOptions(services, account, invocation.options);
    return chosen && addChosen(services, account, invocation, chosen, authentication, invocation.options.name);
  }
  const chosen = await chooseResource(services, account, title);
  if (!chosen) {
    return undefined;
  }
  const authentication = await services.prompter.pickOne(authenticationItems(), {
    title,
    placeHolder: vscode.l10n.t('How should VS Code authenticate to "{0}"?', chosen.resource.name),
  });
  return authentication && addChosen(services, account, invocation, chosen, authentication);
}

async function chooseResource(services: Services, account: AzureAccount, title: string): Promise<ChosenResource | undefined> {
  const failed = vscode.l10n.t('Could not list your Azure resources.');
  const tenants = await listing(services, vscode.l10n.t('Listing your Azure directories…'), failed, (signal) => account.tenants('interactive', signal));
  if (!tenants) {
    return undefined;
  }
  const signedInAs = account.account?.label ?? '';
  if (tenants.tenants.length === 0) {
    services.messages.warn(
      tenants.filtered
        ? vscode.l10n.t('None of the subscriptions chosen in the setting "azureResourceGroups.selectedSubscriptions" is in a directory of your Azure account {0}.', signedInAs)
        : vscode.l10n.t('Your Azure account {0} is in no directory.', signedInAs),
    );
    return undefined;
  }
  const tenant = await onlyOrPicked(services, tenants.tenants.map(tenantItem), { title, placeHolder: vscode.l10n.t('Choose a directory (tenant)') });
  if (!tenant) {
    return undefined;
  }
  const tenantName = tenant.displayName ?? tenant.tenantId;
  const subscriptions = await listing(services, vscode.l10n.t('Listing the subscriptions of {0}…', tenantName), failed, (signal) =>
    account.subscriptions(tenant.tenantId, 'interactive', signal),
  );
  if (!subscriptions) {
    return undefined;
  }
  if (subscriptions.subscriptions.length === 0) {
    services.messages.warn(
      subscriptions.filtered
        ? vscode.l10n.t('None of the subscriptions chosen in the setting "azureResourceGroups.selectedSubscriptions" is in the directory {0}.', tenantName)
        : vscode.l10n.t('Your Azure account {0} sees no subscription in the directory {1}.', signedInAs, tenantName),
    );
    return undefined;
  }
  const subscription = await onlyOrPicked(services, subscriptions.subscriptions.map(subscriptionItem), {
    title,
    placeHolder: subscriptions.filtered ? vscode.l10n.t('Choose a subscription (those chosen in the Azure view)') : vscode.l10n.t('Choose a subscription'),
  });
  if (!subscription) {
    return undefined;
  }
  const resources = await listing(services, vscode.l10n.t('Listing the Communication Services resources of {0}…', subscription.displayName), failed, (signal) =>
    account.communicationServices(subscription, 'interactive', signal),
  );
  if (!resources) {
    return undefined;
  }
  if (resources.length === 0) {
    services.messages.info(vscode.l10n.t('The subscription {0} has no Communication Services resource.', subscription.displayName));
    return undefined;
  }
  // Asked even when there is one: the person sees what is added.
  const resource = await services.prompter.pickOne(resources.map(resourceItem), { title, placeHolder: vscode.l10n.t('Choose a Communication Services resource') });
  return resource && { resource, tenantId: tenant.tenantId };
}

/** From code: the resource `azureResourceId` names, with the session VS Code already has (never its sign-in). */
async function resourceOfOptions(services: Services, account: AzureAccount, options: CommandOptions): Promise<ChosenResource | undefined> {
  if (options.azureResourceId === undefined) {
    services.messages.error(vscode.l10n.t('Add Resource from Azure: the "azureResourceId" option is required (the Resource Manager id of the resource).'));
    return undefined;
  }
  const azureResourceId = options.azureResourceId;
  const found = await listing(services, vscode.l10n.t('Looking for the resource in Azure…'), vscode.l10n.t('Could not add the resource from Azure.'), (signal) =>
    account.communicationService(azureResourceId, options.tenantId, 'silent', signal),
  );
  if (found === 'invalidId') {
    services.messages.error(
      vscode.l10n.t('Add Resource from Azure: "azureResourceId" is not the id of a Communication Services resource (/subscriptions/…/resourceGroups/…/providers/Microsoft.Communication/communicationServices/…).'),
    );
    return undefined;
  }
  if (found === 'notFound') {
    services.messages.error(vscode.l10n.t('Your Azure account sees no Communication Services resource {0}.', azureResourceId));
    return undefined;
  }
  return found;
}

async function addChosen(
  services: Services,
  account: AzureAccount,
  invocation: Invocation,
  { resource, tenantId }: ChosenResource,
  authentication: ResourceAuthentication,
  name = resource.name,
): Promise<AddResourceFromAzureResult | undefined> {
  const azure: AzureCoordinates = { tenantId, subscriptionId: resource.subscriptionId, resourceGroup: resource.resourceGroup, name: resource.name };
  const interaction: Interaction = invocation.from === 'code' ? 'silent' : 'interactive';
  const failed = vscode.l10n.t('Could not add "{0}" from Azure.', resource.name);
  if (authentication === 'key') {
    const key = await fetchAccessKey(services, account, { name: resource.name, endpoint: resource.endpoint, azure }, interaction, failed);
    if (key.kind === 'failed' || (key.kind === 'refused' && !(await offerEntraIdInstead(services, invocation, resource.name, key.action)))) {
      return undefined;
    }
    if (key.kind === 'fetched') {
      const existing = await services.registry.findResourceByEndpoint(key.connection.endpoint);
      const added = existing
        ? await services.registry.updateResourceConnection(existing.id, key.connection, { azure })
        : await services.registry.addResource(name, key.connection, { azure });
      services.messages.info(
        existing
          ? vscode.l10n.t('"{0}" ({1}) was already in the list: it now uses its access key from Azure.', added.name, added.host)
          : vscode.l10n.t('Added "{0}" ({1}) from Azure, with its access key.', added.name, added.host),
      );
      return { resourceId: added.id, name: added.name, authentication: 'key' };
    }
  }
  const existing = await services.registry.findResourceByEndpoint(resource.endpoint);
  const added = await services.registry.addKeylessResource(name, resource, azure);
  const signedInAs = account.account?.label ?? '';
  services.messages.info(
    existing
      ? vscode.l10n.t('"{0}" ({1}) was already in the list: it now uses Microsoft Entra ID, with your Azure sign-in ({2}).', added.name, added.host, signedInAs)
      : vscode.l10n.t('Added "{0}" ({1}) from Azure: it uses Microsoft Entra ID, with your Azure sign-in ({2}).', added.name, added.host, signedInAs),
  );
  return { resourceId: added.id, name: added.name, authentication: 'entraId' };
}

/** A call to Azure under a cancellable progress notification; a failure is shown and gives undefined. */
async function listing<T>(services: Services, progress: string, failed: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  try {
    return await services.progress.run(progress, work);
  } catch (error) {
    services.errors.present(error, { failed });
    return undefined;
  }
}

/** The only item without asking, else the person's pick. */
async function onlyOrPicked<T>(services: Services, items: readonly PickItem<T>[], options: { title: string; placeHolder: string }): Promise<T | undefined> {
  return items.length === 1 ? items[0].value : services.prompter.pickOne(items, options);
}

function tenantItem(tenant: AzureTenant): PickItem<AzureTenant> {
  return { label: tenant.displayName ?? tenant.tenantId, description: tenant.defaultDomain, detail: tenant.tenantId, value: tenant, answerId: tenant.tenantId };
}

function subscriptionItem(subscription: AzureSubscription): PickItem<AzureSubscription> {
  return {
    label: subscription.displayName,
    description: subscription.subscriptionId,
    detail: subscription.state && subscription.state !== 'Enabled' ? vscode.l10n.t('State: {0}', subscription.state) : undefined,
    value: subscription,
    answerId: subscription.subscriptionId,
  };
}

function resourceItem(resource: CommunicationServiceResource): PickItem<CommunicationServiceResource> {
  return {
    label: resource.name,
    description: vscode.l10n.t('resource group {0} · {1}', resource.resourceGroup, resource.location),
    detail: resource.dataLocation ? vscode.l10n.t('Data location: {0} · {1}', resource.dataLocation, resource.host) : resource.host,
    value: resource,
    answerId: resource.name,
  };
}

function authenticationItems(): PickItem<ResourceAuthentication>[] {
  return [
    {
      label: vscode.l10n.t('Access key'),
      description: vscode.l10n.t("its connection string, kept in VS Code's secret storage"),
      detail: vscode.l10n.t('Your role must allow reading the keys (listKeys), as Contributor does.'),
      value: 'key',
      answerId: 'key',
    },
    {
      label: vscode.l10n.t('Microsoft Entra ID (keyless)'),
      description: vscode.l10n.t('your Azure sign-in for every call; no key is stored'),
      detail: vscode.l10n.t('Your role must allow identity operations on the resource, as Contributor does.'),
      value: 'entraId',
      answerId: 'entraId',
    },
  ];
}
