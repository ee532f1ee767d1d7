import * as vscode from 'vscode';
import { userDisplayName } from '../core/userSummary';
import { issueTokenFor } from './flows/issueToken';
import { newUserFailure } from './flows/newUserFailure';
import type { Invocation } from './flows/options';
import { newUserTarget } from './flows/targets';
import type { Services } from './services';

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
