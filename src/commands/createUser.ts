import * as vscode from 'vscode';
import { shortenUserId } from '../core/identifiers';
import { withServiceProgress } from '../ui/progress';
import { CommandId } from './commandIds';
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
    const { userId } = await withServiceProgress(vscode.l10n.t('Creating a user in "{0}"…', resource.name), (signal) =>
      services.workflows.createUser(resource.id, { label, signal }),
    );
    const name = label ?? shortenUserId(userId);
    services.messages.info(vscode.l10n.t('Created user {0} in "{1}".', name, resource.name), {
      title: vscode.l10n.t('Issue Token'),
      run: () => vscode.commands.executeCommand(CommandId.issueToken, { resource: resource.id, userId }),
    });
    return { userId };
  } catch (error) {
    services.errors.present(error, { failed: vscode.l10n.t('Could not create a user in "{0}".', resource.name), resource });
    return undefined;
  }
}
