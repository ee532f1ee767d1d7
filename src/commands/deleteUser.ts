import * as vscode from 'vscode';
import { userDisplayName } from '../tree/treeModel';
import { withServiceProgress } from '../ui/progress';
import { removeFromListIfRecorded } from './issueToken';
import type { Invocation } from './options';
import type { Services } from './services';
import { targetUser } from './targets';

/** Deletes a user in ACS and from the list, after a modal confirmation naming it. */
export async function deleteUser(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await targetUser(services, invocation, vscode.l10n.t('Delete User'));
  if (!target) {
    return undefined;
  }
  const { resource, user } = target;
  const name = userDisplayName(user);
  if (invocation.from !== 'code') {
    const confirmed = await services.prompter.confirm(
      vscode.l10n.t('Delete user {0} from "{1}"?', name, resource.name),
      vscode.l10n.t('User ID: {0}\nThe user is deleted in Azure Communication Services and all its tokens stop working. This cannot be undone.', user.userId),
      vscode.l10n.t('Delete'),
    );
    if (!confirmed) {
      return undefined;
    }
  }
  try {
    await withServiceProgress(vscode.l10n.t('Deleting user {0}…', name), (signal) => services.workflows.deleteUser(resource.id, user.userId, signal));
    services.messages.info(vscode.l10n.t('Deleted user {0} from "{1}".', name, resource.name));
    return { userId: user.userId };
  } catch (error) {
    services.errors.present(error, {
      failed: vscode.l10n.t('Could not delete user {0}.', name),
      resource,
      userName: name,
      removeFromList: removeFromListIfRecorded(services, resource, user),
    });
    return undefined;
  }
}
