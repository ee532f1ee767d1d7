import * as vscode from 'vscode';
import { classifyServiceError } from '../core/serviceErrors';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { confirmedUserTarget, forgetIfListed, runUserOperation } from './flows/userOperation';

/**
 * Deletes a user in ACS and from the list, after a modal confirmation naming it. A user the service
 * no longer has is what the person wanted: it just leaves the list.
 */
export async function deleteUser(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await confirmedUserTarget(services, invocation, vscode.l10n.t('Delete User'), ({ name, resource, user }) => ({
    message: vscode.l10n.t('Delete user {0} from "{1}"?', name, resource.name),
    detail: vscode.l10n.t('User ID: {0}\nThe user is deleted in Azure Communication Services and all its tokens stop working. This cannot be undone.', user.userId),
    button: vscode.l10n.t('Delete'),
  }));
  if (!target) {
    return undefined;
  }
  const { resource, user, name } = target;
  return runUserOperation(
    services,
    target,
    {
      progress: vscode.l10n.t('Deleting user {0}…', name),
      failed: vscode.l10n.t('Could not delete user {0}.', name),
    },
    async (signal) => {
      try {
        await services.workflows.deleteUser(resource.id, user.userId, signal);
        return vscode.l10n.t('Deleted user {0} from "{1}".', name, resource.name);
      } catch (error) {
        if (classifyServiceError(error).kind !== 'userNotFound') {
          throw error;
        }
        services.logger.info(`${user.userId} was already deleted in ${resource.host}; removing it from the list`);
        await forgetIfListed(services, resource, user);
        return vscode.l10n.t('User {0} was already deleted in Azure Communication Services; removed it from the list of "{1}".', name, resource.name);
      }
    },
  );
}
