import * as vscode from 'vscode';
import { userDisplayName } from '../tree/treeModel';
import type { Invocation } from './options';
import type { Services } from './services';
import { targetUser } from './targets';

/** Removes a user from the list only (its stored tokens too); it still exists in ACS. */
export async function forgetUser(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await targetUser(services, invocation, vscode.l10n.t('Remove User from List'));
  if (!target) {
    return undefined;
  }
  const { resource, user } = target;
  const name = userDisplayName(user);
  if (invocation.from !== 'code') {
    const confirmed = await services.prompter.confirm(
      vscode.l10n.t('Remove {0} from the list of "{1}"?', name, resource.name),
      vscode.l10n.t('User ID: {0}\nThe user and its tokens are removed from VS Code only: the user still exists in Azure Communication Services.', user.userId),
      vscode.l10n.t('Remove from List'),
    );
    if (!confirmed) {
      return undefined;
    }
  }
  await services.registry.forgetUser(resource.id, user.userId);
  services.messages.status(vscode.l10n.t('Removed {0} from the list', name));
  return { userId: user.userId };
}
