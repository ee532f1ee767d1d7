import * as vscode from 'vscode';
import { userDisplayName } from '../core/userSummary';
import { formatDate } from '../platform/wording';
import { copyIssuedTokenAction } from './flows/clipboard';
import { issuedTokenResult, type IssuedTokenResult } from './flows/issueToken';
import { newUserFailure } from './flows/newUserFailure';
import type { Invocation } from './flows/options';
import { newUserTarget } from './flows/targets';
import { tokenParameters } from './flows/tokenParameters';
import type { Services } from './services';

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
    services.resourceInUse.note(resource.id);
    const name = userDisplayName({ userId: issued.userId, label });
    services.messages.info(
      vscode.l10n.t('Created user {0} in "{1}" with a token ({2}) valid until {3}.', name, resource.name, parameters.scopes.join(', '), formatDate(issued.expiresOn)),
      copyIssuedTokenAction(services, name, issued.token),
    );
    return issuedTokenResult(issued);
  } catch (error) {
    services.errors.present(error, newUserFailure(resource));
    return undefined;
  }
}
