import * as vscode from 'vscode';
import { MissingConnectionStringError } from '../acs/identityWorkflows';
import { classifyServiceError } from '../core/serviceErrors';
import { RecordNotFoundError } from '../storage/registry';
import type { ResourceRecord } from '../storage/records';
import type { Logger } from './logger';
import type { MessageAction, Messages } from './messages';

export interface FailureContext {
  /** A full sentence saying what failed, e.g. `Could not create a user in "dev".` */
  readonly failed: string;
  readonly resource?: Pick<ResourceRecord, 'name' | 'host' | 'isLocalEmulator'>;
  /** How the user is called in messages (label or shortened id). */
  readonly userName?: string;
  /** Offered when the service says the user does not exist (removes it from the list). */
  readonly removeFromList?: () => Promise<unknown>;
}

/**
 * Turns any failure into one plain message that names its cause, and logs the details (redacted).
 * Never shows an SDK message that could carry a secret: the service's own words are shown only for
 * validation errors, and they are redacted by `classifyServiceError`.
 */
export class ErrorPresenter {
  constructor(
    private readonly messages: Messages,
    private readonly logger: Logger,
  ) {}

  present(error: unknown, context: FailureContext): void {
    this.logger.error(context.failed, error);
    const resourceName = context.resource?.name ?? '';
    const userName = context.userName ?? '';
    const showLog: MessageAction = { title: vscode.l10n.t('Show Log'), run: () => this.logger.show() };

    if (error instanceof MissingConnectionStringError) {
      this.messages.error(
        `${context.failed} ${vscode.l10n.t('No connection string is stored for "{0}": add the resource again with its connection string.', resourceName)}`,
      );
      return;
    }
    if (error instanceof RecordNotFoundError) {
      this.messages.error(
        `${context.failed} ${
          error.record === 'resource'
            ? vscode.l10n.t('The resource is no longer in the list (it may have been removed in another window).')
            : vscode.l10n.t('The user is no longer in the list (it may have been removed in another window).')
        }`,
      );
      return;
    }

    const info = classifyServiceError(error);
    switch (info.kind) {
      case 'cancelled':
        this.logger.info(`Cancelled: ${context.failed}`);
        return;
      case 'keyRejected':
        this.messages.error(
          `${context.failed} ${vscode.l10n.t(
            'The access key of "{0}" was rejected ({1}). Add the resource again with its current connection string.',
            resourceName,
            info.statusCode ?? 401,
          )}`,
          showLog,
        );
        return;
      case 'notOwned':
        this.messages.error(`${context.failed} ${vscode.l10n.t('User {0} belongs to another Communication Services resource, not to "{1}".', userName, resourceName)}`);
        return;
      case 'userNotFound': {
        const actions: MessageAction[] = [];
        if (context.removeFromList) {
          const remove = context.removeFromList;
          actions.push({ title: vscode.l10n.t('Remove from List'), run: remove });
        }
        this.messages.error(`${context.failed} ${vscode.l10n.t('User {0} does not exist in "{1}" (it may have been deleted).', userName, resourceName)}`, ...actions);
        return;
      }
      case 'throttled':
        this.messages.error(
          `${context.failed} ${vscode.l10n.t('"{0}" is throttling requests (429 Too Many Requests); the request was retried and still refused. Try again in a minute.', resourceName)}`,
        );
        return;
      case 'unreachable':
        this.messages.error(
          `${context.failed} ${
            context.resource?.isLocalEmulator
              ? vscode.l10n.t('Cannot reach the local emulator at {0}: run "Start Local Emulator" to start it again.', context.resource.host)
              : vscode.l10n.t('Cannot reach {0}: check the endpoint and the network connection.', context.resource?.host ?? '')
          }`,
          showLog,
        );
        return;
      case 'validation':
        this.messages.error(
          `${context.failed} ${vscode.l10n.t('The service rejected the request: {0}', info.serviceMessage ?? info.code ?? String(info.statusCode ?? ''))}`,
        );
        return;
      default:
        this.messages.error(
          `${context.failed} ${vscode.l10n.t('Unexpected error{0}: see the "ACS Identities" output for details.', info.statusCode ? ` (${info.statusCode})` : '')}`,
          showLog,
        );
    }
  }
}
