import * as vscode from 'vscode';
import type { UserWithToken } from '../../acs/identityWorkflows';
import type { ResourceRecord, UserRecord } from '../../core/records';
import { userDisplayName } from '../../core/userSummary';
import type { Services } from '../services';
import { formatDate } from '../../platform/wording';
import { copyIssuedTokenAction } from './clipboard';
import type { Invocation } from './options';
import { tokenParameters } from './tokenParameters';
import { removeFromListAction } from './userOperation';

/** What the token commands return to code callers. */
export interface IssuedTokenResult {
  readonly userId: string;
  readonly token: string;
  /** ISO 8601 */
  readonly expiresOn: string;
}

/** A token the service issued, as the token commands return it to code callers. */
export function issuedTokenResult(issued: UserWithToken): IssuedTokenResult {
  return { userId: issued.userId, token: issued.token, expiresOn: issued.expiresOn.toISOString() };
}

/** Asks the token's scopes and lifetime (from code: takes them from the options), issues it and records it. */
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
    services.resourceInUse.note(resource.id);
    if (!options.quiet) {
      services.messages.info(
        vscode.l10n.t('Issued a token ({0}) for {1}, valid until {2}.', parameters.scopes.join(', '), name, formatDate(issued.expiresOn)),
        copyIssuedTokenAction(services, name, issued.token),
      );
    }
    return issuedTokenResult(issued);
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
