import * as vscode from 'vscode';
import { newestValidToken, tokenStatus } from '../core/tokenStatus';
import type { TokenRecord } from '../core/records';
import { userDisplayName } from '../core/userSummary';
import { CommandId } from './commandIds';
import { copyTokenValue } from './flows/clipboard';
import { issueTokenFor } from './flows/issueToken';
import { tokenIdOf, type Invocation } from './flows/options';
import type { Services } from './services';
import { targetUser } from './flows/targets';

/**
 * Copies a token: the clicked one, or the user's newest valid one. A user without a valid token
 * is offered a new one (issued, then copied); from code, that is an error (code is never prompted).
 * The status bar says it was copied; the value is never shown.
 */
export async function copyToken(services: Services, invocation: Invocation): Promise<{ userId: string; expiresOn: string } | undefined> {
  const title = vscode.l10n.t('Copy Token');
  const target = await targetUser(services, invocation, title);
  if (!target) {
    return undefined;
  }
  const { resource, user } = target;
  const name = userDisplayName(user);
  const now = new Date();
  const tokens = await services.registry.listTokens(resource.id, user.userId);

  let token: TokenRecord | undefined;
  const wantedTokenId = tokenIdOf(invocation);
  if (wantedTokenId !== undefined) {
    token = tokens.find((candidate) => candidate.tokenId === wantedTokenId);
    const status = token && tokenStatus(token, user, now);
    if (!token || status !== 'valid') {
      services.messages.warn(
        status === 'revoked'
          ? vscode.l10n.t('This token of {0} was revoked: it was not copied.', name)
          : status === 'expired'
            ? vscode.l10n.t('This token of {0} has expired: it was not copied.', name)
            : vscode.l10n.t('This token of {0} is no longer in the list.', name),
      );
      return undefined;
    }
  } else {
    token = newestValidToken(tokens, user, now);
  }

  if (!token && invocation.from === 'code') {
    services.messages.error(vscode.l10n.t('{0} has no valid token; issue one with {1}.', name, CommandId.issueToken));
    return undefined;
  }
  if (!token) {
    const issue = vscode.l10n.t('Issue Token');
    const answer = await services.prompter.modal(vscode.l10n.t('{0} has no valid token. Issue one and copy it?', name), {
      detail: vscode.l10n.t('User ID: {0}', user.userId),
      buttons: [issue],
      severity: 'info',
    });
    if (answer !== issue) {
      return undefined;
    }
    const issued = await issueTokenFor(services, invocation, resource, user, vscode.l10n.t('Issue Token'), { quiet: true });
    if (!issued) {
      return undefined;
    }
    const clearedIn = await services.tokenClipboard.copy(issued.token);
    services.messages.status(
      clearedIn > 0
        ? vscode.l10n.t('Issued a token for {0} and copied it to the clipboard (cleared in {1} s)', name, clearedIn)
        : vscode.l10n.t('Issued a token for {0} and copied it to the clipboard', name),
    );
    return { userId: user.userId, expiresOn: issued.expiresOn };
  }

  return (await copyTokenValue(services, user, token)) ? { userId: user.userId, expiresOn: token.expiresOn } : undefined;
}
