import * as vscode from 'vscode';
import type { ResourceRecord, UserRecord } from '../../core/records';
import { userDisplayName } from '../../core/userSummary';
import { namedByCaller, type Invocation } from './options';
import type { Services } from '../services';
import { targetUser, type TargetUserOptions, type UserTarget } from './targets';

export interface NamedUserTarget extends UserTarget {
  /** The user as the tree shows it: its label, or the end of its id. */
  readonly name: string;
}

interface Confirmation {
  readonly message: string;
  readonly detail: string;
  readonly button: string;
}

/**
 * The user an irreversible command acts on. A modal confirmation naming the user comes first,
 * unless code named the user itself (`userId`): that caller has decided already.
 */
export async function confirmedUserTarget(
  services: Services,
  invocation: Invocation,
  title: string,
  confirmation: (target: NamedUserTarget) => Confirmation,
  options: TargetUserOptions = {},
): Promise<NamedUserTarget | undefined> {
  const target = await targetUser(services, invocation, title, options);
  if (!target) {
    return undefined;
  }
  const named = { ...target, name: userDisplayName(target.user) };
  if (!namedByCaller(invocation, 'userId')) {
    const { message, detail, button } = confirmation(named);
    if (!(await services.prompter.confirm(message, detail, button))) {
      return undefined;
    }
  }
  return named;
}

/**
 * Runs a service call on a user under a cancellable progress notification, then shows the message
 * the call returns, or presents the failure (offering to remove a user the service no longer has
 * from the list).
 */
export async function runUserOperation(
  services: Services,
  target: NamedUserTarget,
  texts: { readonly progress: string; readonly failed: string },
  operation: (signal: AbortSignal) => Promise<string>,
): Promise<{ userId: string } | undefined> {
  try {
    services.messages.info(await services.progress.run(texts.progress, operation));
    return { userId: target.user.userId };
  } catch (error) {
    services.errors.present(error, {
      failed: texts.failed,
      resource: target.resource,
      userName: target.name,
      removeFromList: removeFromListAction(services, target.resource, target.user),
    });
    return undefined;
  }
}

/** Removes a user from the list if it is still there (another window may have removed it); true if it was. */
export async function forgetIfListed(services: Services, resource: ResourceRecord, user: UserRecord): Promise<boolean> {
  if (!(await services.registry.getUser(resource.id, user.userId))) {
    return false;
  }
  await services.registry.forgetUser(resource.id, user.userId);
  return true;
}

/** The "Remove from List" action offered when the service says a user does not exist. */
export function removeFromListAction(services: Services, resource: ResourceRecord, user: UserRecord): () => Promise<void> {
  return async () => {
    if (await forgetIfListed(services, resource, user)) {
      services.messages.status(vscode.l10n.t('Removed {0} from the list', userDisplayName(user)));
    }
  };
}
