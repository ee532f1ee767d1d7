import * as vscode from 'vscode';
import { classifyServiceError } from '../core/serviceErrors';
import { formatNumber } from '../platform/wording';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { addOutcomes, failureReasons, selectedUsers, usersByResource } from './flows/selectedUsers';
import { confirmedUserTarget, forgetIfListed, runUserOperation } from './flows/userOperation';
import type { UserNode } from '../tree/nodes';

/**
 * Deletes a user in ACS and from the list, after a modal confirmation naming it. A user the service
 * no longer has is what the person wanted: it just leaves the list.
 */
export async function deleteUser(services: Services, invocation: Invocation): Promise<{ userId: string } | { userIds: string[] } | undefined> {
  // A Teams user selected with them is not one of the service's users: it is left as it is.
  const selected = selectedUsers(invocation).filter((node) => node.user.kind !== 'teamsUser');
  if (selected.length > 1) {
    return deleteSelectedUsers(services, selected);
  }
  const target = await confirmedUserTarget(services, invocation, vscode.l10n.t('Delete User'), ({ name, resource, user }) => ({
    message: vscode.l10n.t('Delete user {0} from "{1}"?', name, resource.name),
    detail: vscode.l10n.t('User ID: {0}\nThe user is deleted in Azure Communication Services and all its tokens stop working. This cannot be undone.', user.userId),
    button: vscode.l10n.t('Delete'),
  }), { communicationUsersOnly: true });
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

/** Several users selected in the tree: one confirmation with their count, then all deleted at the pace the service allows. */
async function deleteSelectedUsers(services: Services, selected: readonly UserNode[]): Promise<{ userIds: string[] } | undefined> {
  const count = formatNumber(selected.length);
  const confirmed = await services.prompter.confirm(
    vscode.l10n.t('Delete {0} users?', count),
    vscode.l10n.t('They are deleted in Azure Communication Services and all their tokens stop working. This cannot be undone.'),
    vscode.l10n.t('Delete {0} Users', count),
  );
  if (!confirmed) {
    return undefined;
  }
  try {
    const groups = usersByResource(selected);
    const deleted: string[] = [];
    const outcome = addOutcomes(
      await services.progress.run(vscode.l10n.t('Deleting {0} users…', count), async (signal, report) => {
        const outcomes = [];
        // Users of the resources already done, whether they were deleted or failed.
        let settled = 0;
        for (const { resource, userIds } of groups) {
          const done = settled;
          const result = await services.bulk.deleteUsers(resource.id, userIds, {
            signal,
            onProgress: (succeeded, failed) => report(vscode.l10n.t('{0} of {1}', formatNumber(done + succeeded + failed), count), (done + succeeded + failed) / selected.length),
          });
          settled += userIds.length;
          deleted.push(...result.userIds);
          outcomes.push(result);
        }
        return outcomes;
      }),
    );
    const { failed, reasons } = failureReasons(outcome);
    const deletedCount = formatNumber(deleted.length);
    if (outcome.cancelled) {
      services.messages.warn(vscode.l10n.t('Cancelled: {0} of {1} users were deleted.', deletedCount, count));
    } else if (failed > 0) {
      services.messages.warn(vscode.l10n.t('Deleted {0} of {1} users; {2} failed ({3}).', deletedCount, count, formatNumber(failed), reasons));
    } else {
      services.messages.info(vscode.l10n.t('Deleted {0} users.', deletedCount));
    }
    return { userIds: deleted };
  } catch (error) {
    services.errors.present(error, { failed: vscode.l10n.t('Could not delete the users.') });
    return undefined;
  }
}
