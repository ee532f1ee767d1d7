import * as vscode from 'vscode';
import type { ResourceRecord, UserRecord } from '../core/records';
import { userDisplayName } from '../tree/treeModel';
import { copyIssuedTokenAction } from './copyTokenValue';
import type { IssuedTokenResult } from './createUserAndToken';
import type { Invocation } from './options';
import type { Services } from './services';
import { targetUser } from './targets';
import { tokenParameters } from './tokenParameters';
import { removeFromListAction } from './userOperation';

/** Issues a token for a user (from code, also for a user not in the list yet: it joins the list). */
export async function issueToken(services: Services, invocation: Invocation): Promise<IssuedTokenResult | undefined> {
  const title = vscode.l10n.t('Issue Token');
  const target = await targetUser(services, invocation, title, { allowUnrecorded: true });
  if (!target) {
    return undefined;
  }
  return issueTokenFor(services, invocation, target.resource, target.user, title);
}

export async function issueTokenFor(
  services: Services,
  invocation: Invocation,
  resource: ResourceRecord,
  user: UserRecord,
  title: string,
  options: { quiet?: boolean } = {},
): Promise<IssuedTokenResult | undefined> {
  const parameters = await tokenParameters(services, invocation, title);
  if (!parameters) {
    return undefined;
  }
  const name = userDisplayName(user);
  try {
    const issued = await services.progress.run(vscode.l10n.t('Issuing a token for {0}…', name), (signal) =>
      services.workflows.issueToken(resource.id, user.userId, { ...parameters, signal }),
    );
    if (!options.quiet) {
      services.messages.info(
        vscode.l10n.t('Issued a token ({0}) for {1}, valid until {2}.', parameters.scopes.join(', '), name, issued.expiresOn.toLocaleString()),
        copyIssuedTokenAction(services, name, issued.token),
      );
    }
    return { userId: issued.userId, token: issued.token, expiresOn: issued.expiresOn.toISOString() };
  } catch (error) {
    services.errors.present(error, {
      failed: vscode.l10n.t('Could not issue a token for {0}.', name),
      resource,
      userName: name,
      removeFromList: removeFromListAction(services, resource, user),
    });
    return undefined;
  }
}
