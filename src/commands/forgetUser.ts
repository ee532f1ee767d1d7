import * as vscode from 'vscode';
import { formatNumber } from '../platform/wording';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { selectedUsers, usersByResource } from './flows/selectedUsers';
import { confirmedUserTarget } from './flows/userOperation';

/** Removes a user from the list only (its stored tokens too); it still exists in ACS. */
export async function forgetUser(services: Services, invocation: Invocation): Promise<{ userId: string } | { userIds: string[] } | undefined> {
  const selected = selectedUsers(invocation);
  if (selected.length > 0) {
    const count = formatNumber(selected.length);
    const confirmed = await services.prompter.confirm(
      vscode.l10n.t('Remove {0} users from the list?', count),
      vscode.l10n.t('The users and their tokens are removed from VS Code only: they still exist in Azure Communication Services.'),
      vscode.l10n.t('Remove {0} Users from List', count),
    );
    if (!confirmed) {
      return undefined;
    }
    const groups = usersByResource(selected);
    for (const { resource, userIds } of groups) {
      await services.registry.forgetUsers(resource.id, userIds);
    }
    services.messages.status(vscode.l10n.t('Removed {0} users from the list', count));
    return { userIds: groups.flatMap((group) => group.userIds) };
  }
  const target = await confirmedUserTarget(services, invocation, vscode.l10n.t('Remove User from List'), ({ name, resource, user }) => ({
    message: vscode.l10n.t('Remove {0} from the list of "{1}"?', name, resource.name),
    detail: vscode.l10n.t('User ID: {0}\nThe user and its tokens are removed from VS Code only: the user still exists in Azure Communication Services.', user.userId),
    button: vscode.l10n.t('Remove from List'),
  }));
  if (!target) {
    return undefined;
  }
  await services.registry.forgetUser(target.resource.id, target.user.userId);
  services.messages.status(vscode.l10n.t('Removed {0} from the list', target.name));
  return { userId: target.user.userId };
}
