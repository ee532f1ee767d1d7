import * as vscode from 'vscode';
import { MissingConnectionStringError } from '../../acs/identityClients';
import { CommandId } from '../commandIds';
import { classifyServiceError } from '../../core/serviceErrors';
import { RecordNotFoundError } from '../../storage/registry';
import type { ResourceRecord } from '../../core/records';
import type { Logger } from '../../platform/logger';
import type { MessageAction, Messages } from '../../ui/messages';

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
    const showLog: MessageAction = { title: vscode.l10n.t('Show Log'), run: () => this.logger.show() };

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
      case 'unreachable':
        if (context.resource?.isLocalEmulator) {
          this.messages.error(
            vscode.l10n.t('{0} Cannot reach the local emulator at {1}: run "Start Local Emulator" to start it again.', failed, host),
            { title: vscode.l10n.t('Start Local Emulator'), run: () => vscode.commands.executeCommand(CommandId.startEmulator) },
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
   * A failed start of the local emulator: known causes in plain, localized words; the raw error
   * (which may name paths or carry Node's wording) goes to the log only.
   */
  presentEmulatorStartFailure(error: unknown): void {
    this.logger.error('Could not start the local emulator', error);
    const { code, syscall, port } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; syscall?: unknown; port?: unknown };
    const portText = typeof port === 'number' || typeof port === 'string' ? String(port) : '';
    const showLog: MessageAction = { title: vscode.l10n.t('Show Log'), run: () => this.logger.show() };
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
