import { userDisplayName } from '../tree/treeModel';
import { withServiceProgress } from '../ui/progress';
import { removeFromListIfRecorded } from './issueToken';
import type { Invocation } from './options';
import type { Services } from './services';
import { targetUser, type UserTarget } from './targets';

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
 * The user an irreversible command acts on. From the tree or the palette, a modal confirmation
 * naming the user comes first; a caller passing options from code has decided already.
 */
export async function confirmedUserTarget(
  services: Services,
  invocation: Invocation,
  title: string,
  confirmation: (target: NamedUserTarget) => Confirmation,
  options: { allowUnrecorded?: boolean } = {},
): Promise<NamedUserTarget | undefined> {
  const target = await targetUser(services, invocation, title, options);
  if (!target) {
    return undefined;
  }
  const named = { ...target, name: userDisplayName(target.user) };
  if (invocation.from !== 'code') {
    const { message, detail, button } = confirmation(named);
    if (!(await services.prompter.confirm(message, detail, button))) {
      return undefined;
    }
  }
  return named;
}

/**
 * Runs a service call on a user under a cancellable progress notification, then says it is done,
 * or presents the failure (offering to remove a user the service no longer has from the list).
 */
export async function runUserOperation(
  services: Services,
  target: NamedUserTarget,
  texts: { readonly progress: string; readonly done: string; readonly failed: string },
  operation: (signal: AbortSignal) => Promise<void>,
): Promise<{ userId: string } | undefined> {
  try {
    await withServiceProgress(texts.progress, operation);
    services.messages.info(texts.done);
    return { userId: target.user.userId };
  } catch (error) {
    services.errors.present(error, {
      failed: texts.failed,
      resource: target.resource,
      userName: target.name,
      removeFromList: removeFromListIfRecorded(services, target.resource, target.user),
    });
    return undefined;
  }
}
