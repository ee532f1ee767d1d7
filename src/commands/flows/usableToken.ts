import * as vscode from 'vscode';
import { newestValidToken, tokenStatus } from '../../core/tokenStatus';
import type { TokenRecord } from '../../core/records';
import { userDisplayName } from '../../core/userSummary';
import { CommandId } from '../commandIds';
import type { Services } from '../services';
import { issueTokenFor } from './issueToken';
import { tokenIdOf, type Invocation } from './options';
import type { UserTarget } from './targets';

/** A token's value, ready to be copied or inserted (it is never shown). */
export interface UsableToken {
  readonly value: string;
  /** ISO 8601 */
  readonly expiresOn: string;
  /** True when it was issued just now because the user had none. */
  readonly issued: boolean;
}

/**
 * The token a token command hands out: the clicked token row or the `tokenId` option (it must still
 * work), else the user's newest valid token. A user without one is offered a new one from the
 * palette and the tree (a Teams user is pointed to the exchange); from code that is an error.
 * `undefined`: there is nothing to hand out, and the reason has been shown.
 */
export async function usableToken(services: Services, invocation: Invocation, target: UserTarget, purpose: 'copy' | 'insert'): Promise<UsableToken | undefined> {
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
      const copy = purpose === 'copy';
      services.messages.warn(
        status === 'revoked'
          ? copy
            ? vscode.l10n.t('This token of {0} was revoked: it was not copied.', name)
            : vscode.l10n.t('This token of {0} was revoked: it was not inserted.', name)
          : status === 'expired'
            ? copy
              ? vscode.l10n.t('This token of {0} has expired: it was not copied.', name)
              : vscode.l10n.t('This token of {0} has expired: it was not inserted.', name)
            : vscode.l10n.t('This token of {0} is no longer in the list.', name),
      );
      return undefined;
    }
  } else {
    token = newestValidToken(tokens, user, now);
  }
  if (token) {
    const value = await services.registry.getTokenValue(token);
    if (!value) {
      services.messages.error(vscode.l10n.t('The value of this token of {0} is no longer stored in VS Code: issue a new token.', name));
      return undefined;
    }
    services.resourceInUse.note(resource.id);
    return { value, expiresOn: token.expiresOn, issued: false };
  }

  if (user.kind === 'teamsUser') {
    services.messages.error(
      vscode.l10n.t('Teams user {0} has no valid token: exchange a new Entra ID token for one.', name),
      { title: vscode.l10n.t('Exchange Teams User Token'), run: () => vscode.commands.executeCommand(CommandId.exchangeTeamsUserToken) },
    );
    return undefined;
  }
  if (invocation.from === 'code') {
    services.messages.error(vscode.l10n.t('{0} has no valid token; issue one with {1}.', name, CommandId.issueToken));
    return undefined;
  }
  const issue = vscode.l10n.t('Issue Token');
  const question = purpose === 'copy' ? vscode.l10n.t('{0} has no valid token. Issue one and copy it?', name) : vscode.l10n.t('{0} has no valid token. Issue one and insert it?', name);
  const answer = await services.prompter.modal(question, {
    detail: vscode.l10n.t('User ID: {0}', user.userId),
    buttons: [issue],
    severity: 'info',
  });
  if (answer !== issue) {
    return undefined;
  }
  const issued = await issueTokenFor(services, invocation, resource, user, vscode.l10n.t('Issue Token'), { quiet: true });
  return issued && { value: issued.token, expiresOn: issued.expiresOn, issued: true };
}
