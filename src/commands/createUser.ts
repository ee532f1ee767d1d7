import * as vscode from 'vscode';
import type { ResourceRecord } from '../core/records';
import { userDisplayName } from '../tree/treeModel';
import type { FailureContext } from '../ui/errorPresenter';
import { issueTokenFor } from './issueToken';
import type { Invocation } from './options';
import type { Services } from './services';
import { newUserTarget } from './targets';

/** Creates a user in the resource and records it, with an optional label. */
export async function createUser(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const title = vscode.l10n.t('Create User');
  const target = await newUserTarget(services, invocation, title);
  if (!target) {
    return undefined;
  }
  const { resource, label } = target;
  try {
    const { userId } = await services.progress.run(vscode.l10n.t('Creating a user in "{0}"…', resource.name), (signal) =>
      services.workflows.createUser(resource.id, { label, signal }),
    );
    const name = userDisplayName({ userId, label });
    const issueTitle = vscode.l10n.t('Issue Token');
    services.messages.info(vscode.l10n.t('Created user {0} in "{1}".', name, resource.name), {
      title: issueTitle,
      // A person pressed the button: scopes and lifetime are asked, as from the palette.
      run: async () => {
        const user = await services.registry.getUser(resource.id, userId);
        return user && issueTokenFor(services, { from: 'palette' }, resource, user, issueTitle);
      },
    });
    return { userId };
  } catch (error) {
    services.errors.present(error, newUserFailure(resource));
    return undefined;
  }
}

/**
 * How a failed creation is told. A cancelled one may still have created the user in ACS, and the
 * service cannot list users: the person is warned rather than left to believe nothing happened.
 */
export function newUserFailure(resource: ResourceRecord): FailureContext {
  return {
    failed: vscode.l10n.t('Could not create a user in "{0}".', resource.name),
    resource,
    cancelledWarning: vscode.l10n.t(
      'Creating a user in "{0}" was cancelled, but the request had been sent: the user may have been created in Azure Communication Services all the same. The service cannot list users, so it is not in the list.',
      resource.name,
    ),
  };
}
