import * as vscode from 'vscode';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { confirmedUserTarget, runUserOperation } from './flows/userOperation';

/**
 * Revokes every token of a user, after a modal confirmation naming it. Azure can take up to 15
 * minutes to refuse them everywhere; the local emulator refuses them at once.
 */
export async function revokeTokens(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await confirmedUserTarget(
    services,
    invocation,
    vscode.l10n.t('Revoke Tokens'),
    ({ name, resource, user }) => ({
      message: vscode.l10n.t('Revoke all tokens of {0} in "{1}"?', name, resource.name),
      detail: resource.isLocalEmulator
        ? vscode.l10n.t('User ID: {0}\nEvery token issued to this user stops working at once. The user itself is kept.', user.userId)
        : vscode.l10n.t('User ID: {0}\nEvery token issued to this user stops working (this can take up to 15 minutes). The user itself is kept.', user.userId),
      button: vscode.l10n.t('Revoke Tokens'),
    }),
    { allowUnrecorded: true, communicationUsersOnly: true },
  );
  if (!target) {
    return undefined;
  }
  const { resource, user, name } = target;
  return runUserOperation(
    services,
    target,
    {
      progress: vscode.l10n.t('Revoking the tokens of {0}…', name),
      failed: vscode.l10n.t('Could not revoke the tokens of {0}.', name),
    },
    async (signal) => {
      await services.workflows.revokeTokens(resource.id, user.userId, signal);
      return resource.isLocalEmulator
        ? vscode.l10n.t('Revoked the tokens of {0}.', name)
        : vscode.l10n.t('Revoked the tokens of {0}. It can take up to 15 minutes before every service refuses them.', name);
    },
  );
}
