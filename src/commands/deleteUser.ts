import * as vscode from 'vscode';
import type { Invocation } from './options';
import type { Services } from './services';
import { confirmedUserTarget, runUserOperation } from './userOperation';

/** Deletes a user in ACS and from the list, after a modal confirmation naming it. */
export async function deleteUser(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await confirmedUserTarget(services, invocation, vscode.l10n.t('Delete User'), ({ name, resource, user }) => ({
    message: vscode.l10n.t('Delete user {0} from "{1}"?', name, resource.name),
    detail: vscode.l10n.t('User ID: {0}\nThe user is deleted in Azure Communication Services and all its tokens stop working. This cannot be undone.', user.userId),
    button: vscode.l10n.t('Delete'),
  }));
  if (!target) {
    return undefined;
  }
  return runUserOperation(
    services,
    target,
    {
      progress: vscode.l10n.t('Deleting user {0}…', target.name),
      done: vscode.l10n.t('Deleted user {0} from "{1}".', target.name, target.resource.name),
      failed: vscode.l10n.t('Could not delete user {0}.', target.name),
    },
    (signal) => services.workflows.deleteUser(target.resource.id, target.user.userId, signal),
  );
}
