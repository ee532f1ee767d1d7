import * as vscode from 'vscode';
import { MissingConnectionStringError } from '../../acs/identityClients';
import { CommandId } from '../commandIds';
import { classifyServiceError, RequestTimeoutError } from '../../core/serviceErrors';
import { classifyTeamsExchangeError } from '../../core/teamsExchangeErrors';
import { RecordNotFoundError } from '../../storage/registry';
import type { ResourceRecord } from '../../core/records';
import type { Logger } from '../../platform/logger';
import { showLogAction, type MessageAction, type Messages } from '../../ui/messages';

export interface FailureContext {
  /** A full sentence saying what failed, e.g. `Could not create a user in "dev".`; every message starts with it. */
  readonly failed: string;
  readonly resource?: Pick<ResourceRecord, 'id' | 'name' | 'host' | 'isLocalEmulator' | 'authentication' | 'azure'>;
  /** How the user is called in messages (label or shortened id). */
  readonly userName?: string;
  /** Offered when the service says the user does not exist (removes it from the list). */
  readonly removeFromList?: () => Promise<unknown>;
  /**
   * Shown as a warning when the person cancelled, for a request that may have taken effect all the
   * same and cannot be checked afterwards. Without it, a cancellation is only logged.
   */
  readonly cancelledWarning?: string;
  /**
   * Added to the message when the request may have taken effect although no answer came (a
   * timeout, a connection lost after sending), for a request whose effect cannot be checked
   * afterwards (a user created: the service cannot list users).
   */
  readonly mayHaveTakenEffect?: string;
}

/**
 * Turns any failure into one plain message that names its cause, and logs the details (redacted).
 * Never shows an SDK message that could carry a secret: the service's own words are shown only for
 * validation errors, and they are redacted by `classifyServiceError`.
 *
 * Each message is one localized template whose `{0}` is the `failed` sentence, so that translators
 * see (and may reorder) the whole message.
 */
export class ErrorPresenter {
  /** `presentOwn`: the sign-in's presenter, for failures only it can explain (see LazySignIn.presentIfOwn); true when it presented. */
  constructor(
    private readonly messages: Messages,
    private readonly logger: Logger,
    private readonly presentOwn: (error: unknown, context: FailureContext) => boolean,
  ) {}

  present(error: unknown, context: FailureContext): void {
    this.logger.error(context.failed, error);
    if (this.presentOwn(error, context)) {
      return;
    }
    const { failed } = context;
    const resourceName = context.resource?.name ?? '';
    const host = context.resource?.host ?? '';
    const userName = context.userName ?? '';
    const showLog = showLogAction(this.logger);

    if (error instanceof MissingConnectionStringError) {
      this.messages.error(vscode.l10n.t('{0} No connection string is stored for "{1}": add the resource again with its connection string.', failed, resourceName));
      return;
    }
    if (error instanceof RecordNotFoundError) {
      this.messages.error(
        error.record === 'resource'
          ? vscode.l10n.t('{0} The resource is no longer in the list (it may have been removed in another window).', failed)
          : vscode.l10n.t('{0} The user is no longer in the list (it may have been removed in another window).', failed),
      );
      return;
    }

    const info = classifyServiceError(error);
    switch (info.kind) {
      case 'cancelled':
        this.logger.info(`Cancelled: ${failed}`);
        if (context.cancelledWarning) {
          this.messages.warn(context.cancelledWarning);
        }
        return;
      case 'keyRejected':
        this.messages.error(
          info.statusCode === 403
            ? vscode.l10n.t('{0} The access key of "{1}" was rejected (403). Add the resource again with its current connection string.', failed, resourceName)
            : vscode.l10n.t(
                '{0} The access key of "{1}" was rejected (401), or the clock of this computer is off: the service refuses requests more than 15 minutes off. Check the date and time, or add the resource again with its current connection string.',
                failed,
                resourceName,
              ),
          showLog,
        );
        return;
      case 'notOwned':
        this.messages.error(vscode.l10n.t('{0} User {1} belongs to another Communication Services resource, not to "{2}".', failed, userName, resourceName));
        return;
      case 'userNotFound': {
        if (context.userName === undefined) {
          // No user was named: the endpoint itself is not what it should be.
          this.messages.error(
            vscode.l10n.t('{0} {1} answered 404 Not Found: it may not be the endpoint of a Communication Services resource. Check its connection string.', failed, host),
            showLog,
          );
          return;
        }
        const remove = context.removeFromList;
        this.messages.error(
          vscode.l10n.t('{0} User {1} does not exist in "{2}" (it may have been deleted).', failed, userName, resourceName),
          ...(remove ? [{ title: vscode.l10n.t('Remove from List'), run: remove }] : []),
        );
        return;
      }
      case 'throttled':
        this.messages.error(
          vscode.l10n.t('{0} "{1}" is throttling requests (429 Too Many Requests); the request was retried and still refused. Try again in a minute.', failed, resourceName),
        );
        return;
      case 'unavailable':
        this.messages.error(
          vscode.l10n.t('{0} "{1}" is unavailable for now ({2}); the request was retried and still refused. Try again in a few minutes.', failed, resourceName, info.statusCode ?? ''),
          showLog,
        );
        return;
      case 'timedOut': {
        const seconds = error instanceof RequestTimeoutError ? error.seconds : 0;
        this.messages.error(
          withSentence(
            vscode.l10n.t(
              '{0} {1} did not answer within {2} seconds, so the request was abandoned. Check the network, or allow more time with the setting acsIdentity.requestTimeoutSeconds.',
              failed,
              host,
              seconds,
            ),
            context.mayHaveTakenEffect,
          ),
          showLog,
        );
        return;
      }
      case 'connectionLost':
        this.messages.error(
          withSentence(vscode.l10n.t('{0} The connection to {1} was lost before it answered.', failed, host), context.mayHaveTakenEffect),
          ...(context.resource?.isLocalEmulator ? [startEmulatorAction()] : []),
          showLog,
        );
        return;
      case 'unreachable':
        if (context.resource?.isLocalEmulator) {
          this.messages.error(
            vscode.l10n.t('{0} Cannot reach the local emulator at {1}: run "Start Local Emulator" to start it again.', failed, host),
            startEmulatorAction(),
            showLog,
          );
        } else {
          this.messages.error(vscode.l10n.t('{0} Cannot reach {1}: check the endpoint and the network connection.', failed, host), showLog);
        }
        return;
      case 'validation':
        this.messages.error(
          vscode.l10n.t('{0} The service rejected the request: {1}', failed, info.serviceMessage ?? info.code ?? String(info.statusCode ?? '')),
        );
        return;
      default:
        this.messages.error(
          info.statusCode
            ? vscode.l10n.t('{0} Unexpected error ({1}): see the "ACS Identities" output for details.', failed, info.statusCode)
            : vscode.l10n.t('{0} Unexpected error: see the "ACS Identities" output for details.', failed),
          showLog,
        );
    }
  }

  /**
   * A refused Teams token exchange, named by the input to fix (the service's order: the token,
   * then the ids' format, then whose token it is); any other failure as {@link present} says it.
   * The Entra ID token is never part of a message.
   */
  presentTeamsExchangeFailure(error: unknown, context: FailureContext & { readonly appId: string; readonly userObjectId: string }): void {
    const problem = classifyTeamsExchangeError(error);
    if (!problem) {
      this.present(error, context);
      return;
    }
    this.logger.error(context.failed, error);
    const { failed } = context;
    switch (problem) {
      case 'teamsTokenRejected':
        this.messages.error(
          vscode.l10n.t(
            '{0} The service refused the Entra ID token: it has expired, is not an access token, or is not meant for Communication Services (audience https://auth.msft.communication.azure.com). Get a new token for the Teams user.',
            failed,
          ),
        );
        return;
      case 'appIdInvalid':
        this.messages.error(vscode.l10n.t('{0} The application (client) ID must be a GUID, such as 00000000-0000-0000-0000-000000000000.', failed));
        return;
      case 'userObjectIdInvalid':
        this.messages.error(vscode.l10n.t('{0} The Teams user\'s object ID must be a GUID, such as 00000000-0000-0000-0000-000000000000.', failed));
        return;
      case 'wrongApp':
        this.messages.error(vscode.l10n.t('{0} The Entra ID token was not issued to the application {1}: give the client ID of the application the Teams user signed in to.', failed, context.appId));
        return;
      case 'wrongUser':
        this.messages.error(vscode.l10n.t('{0} The Entra ID token belongs to another user than {1}: give the object ID of the Teams user who signed in.', failed, context.userObjectId));
        return;
    }
  }

  /**
   * A failed start of the local emulator: known causes in plain, localized words; the raw error
   * (which may name paths or carry Node's wording) goes to the log only.
   */
  presentEmulatorStartFailure(error: unknown): void {
    this.logger.error('Could not start the local emulator', error);
    const { code, syscall, port } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; syscall?: unknown; port?: unknown };
    const portText = typeof port === 'number' || typeof port === 'string' ? String(port) : '';
    const showLog = showLogAction(this.logger);
    switch (code) {
      case 'EADDRINUSE':
        this.messages.error(vscode.l10n.t('Could not start the local emulator: port {0} is already in use by another program.', portText), showLog);
        return;
      case 'EACCES':
      case 'EPERM':
        this.messages.error(
          syscall === 'listen'
            ? vscode.l10n.t('Could not start the local emulator: it is not allowed to listen on port {0}.', portText)
            : vscode.l10n.t('Could not start the local emulator: it is not allowed to write its data file in the storage folder of VS Code.'),
          showLog,
        );
        return;
      case 'ENOSPC':
        this.messages.error(vscode.l10n.t('Could not start the local emulator: the disk is full.'), showLog);
        return;
      case 'MODULE_NOT_FOUND':
        this.messages.error(vscode.l10n.t('Could not start the local emulator: its bundle (dist/emulator.js) is missing. Reinstall the extension.'), showLog);
        return;
      default:
        this.messages.error(vscode.l10n.t('Could not start the local emulator: see the "ACS Identities" output for details.'), showLog);
    }
  }
}

function startEmulatorAction(): MessageAction {
  return { title: vscode.l10n.t('Start Local Emulator'), run: () => vscode.commands.executeCommand(CommandId.startEmulator) };
}

/** A message and one more sentence, when there is one. */
function withSentence(message: string, sentence: string | undefined): string {
  return sentence === undefined ? message : `${message} ${sentence}`;
}
