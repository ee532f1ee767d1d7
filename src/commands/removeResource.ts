import * as vscode from 'vscode';
import { namedByCaller, type Invocation } from './flows/options';
import type { Services } from './services';
import { targetResource } from './flows/targets';

/**
 * Deletes a resource's connection string and everything recorded for it, after a modal confirmation
 * (skipped only when code named the resource; code must name it: it is never guessed).
 */
export async function removeResource(services: Services, invocation: Invocation): Promise<{ resourceId: string } | undefined> {
  if (invocation.from === 'code' && !namedByCaller(invocation, 'resource')) {
    services.messages.error(vscode.l10n.t('Remove Resource: the "resource" option is required (its id, name or endpoint host).'));
    return undefined;
  }
  const resource = await targetResource(services, invocation, vscode.l10n.t('Remove Resource'));
  if (!resource) {
    return undefined;
  }
  if (!namedByCaller(invocation, 'resource')) {
    const users = await services.registry.listUsers(resource.id);
    const confirmed = await services.prompter.confirm(
      vscode.l10n.t('Remove "{0}" ({1}) from VS Code?', resource.name, resource.host),
      users.length === 1
        ? vscode.l10n.t('Its connection string and the user recorded for it, with its tokens, are deleted from VS Code. Nothing is deleted in Azure.')
        : vscode.l10n.t('Its connection string and the {0} users recorded for it, with their tokens, are deleted from VS Code. Nothing is deleted in Azure.', users.length),
      vscode.l10n.t('Remove'),
    );
    if (!confirmed) {
      return undefined;
    }
  }
  await services.registry.removeResource(resource.id);
  services.messages.info(vscode.l10n.t('Removed "{0}".', resource.name));
  return { resourceId: resource.id };
}
