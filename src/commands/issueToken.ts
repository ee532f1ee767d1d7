import * as vscode from 'vscode';
import { issueTokenFor, type IssuedTokenResult } from './flows/issueToken';
import type { Invocation } from './flows/options';
import { targetUser } from './flows/targets';
import type { Services } from './services';

/** Issues a token for a user (from code, also for a user not in the list yet: it joins the list). */
export async function issueToken(services: Services, invocation: Invocation): Promise<IssuedTokenResult | undefined> {
  const title = vscode.l10n.t('Issue Token');
  const target = await targetUser(services, invocation, title, { allowUnrecorded: true, communicationUsersOnly: true });
  if (!target) {
    return undefined;
  }
  return issueTokenFor(services, invocation, target.resource, target.user, title);
}
