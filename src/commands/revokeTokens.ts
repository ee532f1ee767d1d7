import * as vscode from 'vscode';
import { userDisplayName } from '../tree/treeModel';
import { withServiceProgress } from '../ui/progress';
import { removeFromListIfRecorded } from './issueToken';
import type { Invocation } from './options';
import type { Services } from './services';
import { targetUser } from './targets';

/** Revokes every token of a user, after a modal confirmation naming it. */
export async function revokeTokens(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await targetUser(services, invocation, vscode.l10n.t('Revoke Tokens'), { allowUnrecorded: true });
  if (!target) {
    return undefined;
  }
  const { resource, user } = target;
  const name = userDisplayName(user);
  if (invocation.from !== 'code') {
    const confirmed = await services.prompter.confirm(
      vscode.l10n.t('Revoke all tokens of {0} in "{1}"?', name, resource.name),
      vscode.l10n.t('User ID: {0}\nEvery token issued to this user stops working (this can take up to 15 minutes). The user itself is kept.', user.userId),
      vscode.l10n.t('Revoke Tokens'),
    );
    if (!confirmed) {
      return undefined;
    }
  }
  try {
    await withServiceProgress(vscode.l10n.t('Revoking the tokens of {0}…', name), (signal) =>
      services.workflows.revokeTokens(resource.id, user.userId, signal),
    );
    services.messages.info(vscode.l10n.t('Revoked the tokens of {0}. It can take up to 15 minutes before every service refuses them.', name));
    return { userId: user.userId };
  } catch (error) {
    services.errors.present(error, {
      failed: vscode.l10n.t('Could not revoke the tokens of {0}.', name),
      resource,
      userName: name,
      removeFromList: removeFromListIfRecorded(services, resource, user),
    });
    return undefined;
  }
}
