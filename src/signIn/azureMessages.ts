// What a person reads when signing in to Azure or Resource Manager fails, and when a resource that
// uses Microsoft Entra ID refuses the person's token: each message names the cause and what to do
// (sign in again, or which role is missing), never a token.
import * as vscode from 'vscode';
import { isAzureFailure, refusedAction, type AzureFailure } from '../azure/azureFailure';
import type { CloudProblem } from '../azure/cloud';
import { CommandId } from '../commands/commandIds';
import type { FailureContext } from '../commands/flows/errorPresenter';
import type { Services } from '../commands/services';
import { authenticationOf } from '../core/records';
import { classifyServiceError } from '../core/serviceErrors';
import { showLogAction, type MessageAction } from '../ui/messages';

export interface AzureMessage {
  readonly text: string;
  readonly actions: readonly MessageAction[];
}

/** The roles that may read a resource's keys, which are also those the ACS docs name for keyless access (Entra ID). */
const KEY_ROLES_HINT = (): string => vscode.l10n.t('Contributor, Owner or Communication and Email Service Owner');

export function signInAction(): MessageAction {
  return { title: vscode.l10n.t('Sign In to Azure'), run: () => vscode.commands.executeCommand(CommandId.signIn) };
}

/**
 * Presents the failures the sign-in explains: its own and Resource Manager's, and the refusals of
 * a resource added from Azure: one that uses Entra ID refused the person's token (their sign-in or
 * role), or one that uses its key refused the key (regenerated in Azure: its current key is one
 * click away). False for any other failure.
 */
export function presentSignInFailure(services: Services, error: unknown, context: FailureContext): boolean {
  const showLog = showLogAction(services.logger);
  const { failed, resource } = context;
  if (isAzureFailure(error)) {
    const message = azureFailureMessage(error, failed, showLog);
    if (message) {
      services.messages.error(message.text, ...message.actions);
    } else {
      services.logger.info(`Cancelled: ${failed}`);
    }
    return true;
  }
  const info = classifyServiceError(error);
  if (info.kind !== 'keyRejected' || !resource?.azure) {
    return false;
  }
  if (authenticationOf(resource) === 'entraId') {
    const message = entraIdRefusalMessage(info.statusCode, failed, resource.name);
    services.messages.error(message.text, ...message.actions);
    return true;
  }
  services.messages.error(
    vscode.l10n.t(
      '{0} The access key of "{1}" was rejected ({2}): it may have been regenerated in Azure (or the clock of this computer is off by more than 15 minutes). Fetch its current key from Azure?',
      failed,
      resource.name,
      info.statusCode ?? '',
    ),
    { title: vscode.l10n.t('Fetch Access Key from Azure'), run: () => vscode.commands.executeCommand(CommandId.fetchKey, { resource: resource.id }) },
    showLog,
  );
  return true;
}

/** The message for a failure of sign-in or of Resource Manager, after the `failed` sentence; undefined: nothing to say (the person cancelled). */
function azureFailureMessage(failure: AzureFailure, failed: string, showLog: MessageAction): AzureMessage | undefined {
  switch (failure.kind) {
    case 'signInCancelled':
      return undefined;
    case 'signInRequired':
      return { text: vscode.l10n.t('{0} You are not signed in to Azure: sign in, then try again.', failed), actions: [signInAction()] };
    case 'sessionExpired':
      return { text: vscode.l10n.t('{0} Your Azure sign-in has expired and VS Code could not renew it: sign in again.', failed), actions: [signInAction()] };
    case 'signInFailed':
      return { text: vscode.l10n.t('{0} VS Code could not sign you in to Azure: see the "ACS Identities" output for details.', failed), actions: [showLog] };
    case 'cloudSettings':
      return { text: cloudProblemText(failure.cloudProblem, failed), actions: [openCloudSettingsAction()] };
    case 'unreachable':
      return { text: vscode.l10n.t('{0} Cannot reach Azure Resource Manager: check the network connection.', failed), actions: [showLog] };
    case 'unexpectedAnswer':
      return { text: vscode.l10n.t('{0} Azure Resource Manager answered something unexpected: see the "ACS Identities" output for details.', failed), actions: [showLog] };
    case 'resourceManager':
      return resourceManagerMessage(failure, failed, showLog);
  }
}

function resourceManagerMessage(failure: AzureFailure, failed: string, showLog: MessageAction): AzureMessage {
  const code = failure.code ?? String(failure.status ?? '');
  switch (failure.status) {
    case 401:
      return { text: vscode.l10n.t('{0} Azure did not accept your sign-in ({1}): sign in again.', failed, code), actions: [signInAction()] };
    case 403:
      return {
        text: vscode.l10n.t(
          '{0} Your Azure account lacks the permission {1} there. Reader is enough to list subscriptions and resources; reading keys takes {2}. If the role was granted just now, sign in again.',
          failed,
          refusedAction(failure) ?? code,
          KEY_ROLES_HINT(),
        ),
        actions: [signInAction()],
      };
    case 404:
      return { text: vscode.l10n.t('{0} Azure says it does not exist ({1}): it may have been deleted or moved.', failed, code), actions: [] };
    default:
      return { text: vscode.l10n.t('{0} Azure Resource Manager answered {1}: see the "ACS Identities" output for details.', failed, code), actions: [showLog] };
  }
}

/**
 * A resource that uses Microsoft Entra ID refused the person's token: 401, the token itself
 * (expired, another tenant); 403, the account's role on the resource.
 */
function entraIdRefusalMessage(statusCode: number | undefined, failed: string, resourceName: string): AzureMessage {
  return statusCode === 403
    ? {
        text: vscode.l10n.t(
          '{0} "{1}" refused your Azure account (403): it needs a role on the resource that allows identity operations, such as {2}. If the role was granted just now, sign in again.',
          failed,
          resourceName,
          KEY_ROLES_HINT(),
        ),
        actions: [signInAction()],
      }
    : { text: vscode.l10n.t('{0} "{1}" did not accept your Azure sign-in (401): sign in again.', failed, resourceName), actions: [signInAction()] };
}

/** Why reading the keys was refused, and the way that remains. */
export function keysRefusedText(resourceName: string, action: string | undefined): string {
  return vscode.l10n.t(
    'You may not read the access keys of "{0}": your Azure account lacks the permission {1}, which {2} have. You can still use it with Microsoft Entra ID: every call then uses your Azure sign-in, and no key is stored.',
    resourceName,
    action ?? 'Microsoft.Communication/CommunicationServices/ListKeys/action',
    KEY_ROLES_HINT(),
  );
}

function cloudProblemText(problem: CloudProblem | undefined, failed: string): string {
  switch (problem) {
    case 'unknownEnvironment':
      return vscode.l10n.t('{0} The setting "microsoft-sovereign-cloud.environment" must be ChinaCloud, USGovernment or custom (or unset, for the public Azure cloud).', failed);
    case 'endpointNotHttps':
      return vscode.l10n.t('{0} The Resource Manager endpoint of "microsoft-sovereign-cloud.customEnvironment" must use https (plain http only on this computer).', failed);
    default:
      return vscode.l10n.t('{0} The setting "microsoft-sovereign-cloud.customEnvironment" needs "resourceManagerEndpointUrl" and "managementEndpointUrl" as URLs.', failed);
  }
}

function openCloudSettingsAction(): MessageAction {
  return { title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'microsoft-sovereign-cloud') };
}
