import * as vscode from 'vscode';
import type { ResourceRecord } from '../../core/records';
import type { FailureContext } from './errorPresenter';

/**
 * How a failed creation is told. A cancelled one, one that timed out and one whose connection was
 * lost after sending may still have created the user in ACS, and the service cannot list users:
 * the person is told rather than left to believe nothing happened.
 */
export function newUserFailure(resource: ResourceRecord): FailureContext {
  return {
    failed: vscode.l10n.t('Could not create a user in "{0}".', resource.name),
    resource,
    cancelledWarning: vscode.l10n.t(
      'Creating a user in "{0}" was cancelled, but the request had been sent: the user may have been created in Azure Communication Services all the same. The service cannot list users, so it is not in the list.',
      resource.name,
    ),
    mayHaveTakenEffect: vscode.l10n.t(
      'The user may have been created in Azure Communication Services all the same; the service cannot list users, so it is not in the list.',
    ),
  };
}
