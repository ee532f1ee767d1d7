import * as vscode from 'vscode';
import { userDisplayName } from '../tree/treeModel';
import { copyIssuedTokenAction } from './copyTokenValue';
import { newUserFailure } from './createUser';
import type { Invocation } from './options';
import type { Services } from './services';
import { newUserTarget } from './targets';
import { tokenParameters } from './tokenParameters';

export interface IssuedTokenResult {
  readonly userId: string;
  readonly token: string;
  /** ISO 8601 */
  readonly expiresOn: string;
}

/** Creates a user and issues its first token in one call. */
export async function createUserAndToken(services: Services, invocation: Invocation): Promise<IssuedTokenResult | undefined> {
  const title = vscode.l10n.t('Create User and Issue Token');
  const target = await newUserTarget(services, invocation, title);
  if (!target) {
    return undefined;
  }
  const { resource, label } = target;
  const parameters = await tokenParameters(services, invocation, title);
  if (!parameters) {
    return undefined;
  }
  try {
    const issued = await services.progress.run(vscode.l10n.t('Creating a user with a token in "{0}"…', resource.name), (signal) =>
      services.workflows.createUserAndToken(resource.id, { label, ...parameters, signal }),
    );
    const name = userDisplayName({ userId: issued.userId, label });
    services.messages.info(
      vscode.l10n.t('Created user {0} in "{1}" with a token ({2}) valid until {3}.', name, resource.name, parameters.scopes.join(', '), issued.expiresOn.toLocaleString()),
      copyIssuedTokenAction(services, name, issued.token),
    );
    return { userId: issued.userId, token: issued.token, expiresOn: issued.expiresOn.toISOString() };
  } catch (error) {
    services.errors.present(error, newUserFailure(resource));
    return undefined;
  }
}
