import * as vscode from 'vscode';
import { userDisplayName } from '../core/userSummary';
import type { Invocation } from './flows/options';
import type { Services } from './services';
import { targetUser } from './flows/targets';

export async function copyUserId(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const target = await targetUser(services, invocation, vscode.l10n.t('Copy User ID'));
  if (!target) {
    return undefined;
  }
  await vscode.env.clipboard.writeText(target.user.userId);
  services.messages.status(vscode.l10n.t('Copied the ID of {0} to the clipboard', userDisplayName(target.user)));
  return { userId: target.user.userId };
}
