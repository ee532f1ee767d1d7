import * as vscode from 'vscode';
import { shortenUserId } from '../shared/identifiers';
import { userDisplayName } from '../core/userSummary';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { acceptedLabel, targetUser } from './flows/targets';

/** Sets or clears a user's label (local only). An empty label (`''` from code) shows the shortened ID again. */
export async function renameUser(services: Services, invocation: Invocation): Promise<{ userId: string; label?: string } | undefined> {
  const title = vscode.l10n.t('Rename User');
  const target = await targetUser(services, invocation, title);
  if (!target) {
    return undefined;
  }
  const { resource, user } = target;
  const label = invocation.from === 'code' ? invocation.options.label : await services.pickers.label(title, user.label);
  if (label === undefined) {
    if (invocation.from === 'code') {
      services.messages.error(vscode.l10n.t('Rename User: the "label" option is required; pass \'\' to clear the label.'));
    }
    return undefined;
  }
  const accepted = acceptedLabel(services, title, label);
  if (!accepted) {
    return undefined;
  }
  const renamed = await services.registry.renameUser(resource.id, user.userId, accepted.label);
  services.messages.status(
    renamed.label
      ? vscode.l10n.t('Renamed {0} to {1}', userDisplayName(user), renamed.label)
      : vscode.l10n.t('{0} has no label any more', shortenUserId(user.userId)),
  );
  return { userId: renamed.userId, label: renamed.label };
}
