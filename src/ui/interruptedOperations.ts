import * as vscode from 'vscode';
import type { PendingOperation } from '../core/recordEvents';
import type { RecordReader } from '../core/recordState';
import { formatDate } from '../platform/wording';
import type { Messages } from './messages';

/**
 * Tells the person about creations that a window closed (or crashed) in the middle of: the service
 * may have created users whose ids only its lost answer held. Nothing else can find them again.
 */
export function reportInterruptedOperations(operations: readonly PendingOperation[], records: RecordReader, messages: Messages): void {
  for (const operation of operations) {
    const resource = records.resource(operation.resourceId)?.name ?? operation.resourceId;
    const when = formatDate(operation.startedAt);
    messages.warn(
      operation.kind === 'createUser'
        ? vscode.l10n.t('VS Code was closed while creating a user in "{0}" ({1}): the user may exist in Azure Communication Services without being in the list.', resource, when)
        : vscode.l10n.t('VS Code was closed while creating users in bulk in "{0}" ({1}): those recorded are in the list, but the last ones may exist in Azure Communication Services without being in it.', resource, when),
    );
  }
}
