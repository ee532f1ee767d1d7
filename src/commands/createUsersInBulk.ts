import * as vscode from 'vscode';
import type { BulkCreationOutcome } from '../acs/bulkIdentities';
import { BULK_COUNT, isValidBulkCount } from '../core/bulkLimits';
import type { ResourceRecord } from '../core/records';
import { formatNumber } from '../platform/wording';
import { optionsOf, type Invocation } from './flows/options';
import { failureReasons } from './flows/selectedUsers';
import { targetResource } from './flows/targets';
import { tokenParameters, type TokenParameters } from './flows/tokenParameters';
import type { Services } from './services';

export interface BulkCreationResult {
  readonly created: number;
  readonly failed: number;
  readonly userIds: string[];
}

/**
 * Creates many users (with a token each, or not) at the pace the service allows, under a
 * cancellable progress notification that counts them; what was created is recorded, whatever
 * happens, and a summary says how it went. From code: `{ resource, count, labelPrefix, scopes,
 * lifetimeMinutes }`, never prompting; `scopes: []` creates users without tokens.
 */
export async function createUsersInBulk(services: Services, invocation: Invocation): Promise<BulkCreationResult | undefined> {
  const title = vscode.l10n.t('Create Users in Bulk');
  const resource = await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  const request = await bulkRequest(services, invocation, title);
  if (!request) {
    return undefined;
  }
  const total = formatNumber(request.count);
  try {
    const outcome = await services.progress.run(vscode.l10n.t('Creating {0} users in "{1}"', total, resource.name), (signal, report) =>
      services.bulk.createUsers(
        { resourceId: resource.id, ...request },
        {
          signal,
          onProgress: (created, failed) => report(vscode.l10n.t('{0} of {1}', formatNumber(created + failed), total), (created + failed) / request.count),
        },
      ),
    );
    if (request.token && outcome.succeeded > 0) {
      services.resourceInUse.note(resource.id);
    }
    showSummary(services, resource, request.count, outcome);
    return { created: outcome.succeeded, failed: failureReasons(outcome).failed, userIds: outcome.userIds };
  } catch (error) {
    services.errors.present(error, { failed: vscode.l10n.t('Could not create users in "{0}".', resource.name), resource });
    return undefined;
  }
}

interface BulkRequest {
  readonly count: number;
  readonly labelPrefix?: string;
  readonly token?: TokenParameters;
}

/** How many, their labels and their tokens: from code, the options (never asked); else asked, each with a default on Enter. */
async function bulkRequest(services: Services, invocation: Invocation, title: string): Promise<BulkRequest | undefined> {
  if (invocation.from === 'code') {
    const { count, labelPrefix, scopes } = optionsOf(invocation);
    if (count === undefined || !isValidBulkCount(count)) {
      services.messages.error(vscode.l10n.t('Create Users in Bulk: the "count" option must be a whole number from 1 to {0}.', formatNumber(BULK_COUNT.max)));
      return undefined;
    }
    if (scopes !== undefined && scopes.length === 0) {
      return { count, labelPrefix: labelPrefix || undefined };
    }
    const token = await tokenParameters(services, invocation, title);
    return token && { count, labelPrefix: labelPrefix || undefined, token };
  }
  const count = await services.pickers.bulkCount(title);
  const labelPrefix = count === undefined ? undefined : await services.pickers.labelPrefix(title);
  const withTokens = labelPrefix === undefined ? undefined : await services.pickers.withTokens(title);
  if (count === undefined || labelPrefix === undefined || withTokens === undefined) {
    return undefined;
  }
  if (!withTokens) {
    return { count, labelPrefix: labelPrefix.trim() || undefined };
  }
  const token = await tokenParameters(services, invocation, title);
  return token && { count, labelPrefix: labelPrefix.trim() || undefined, token };
}

/** Created, failed (with the reasons), cancelled: one message that says all of it. */
function showSummary(services: Services, resource: ResourceRecord, count: number, outcome: BulkCreationOutcome): void {
  const created = formatNumber(outcome.succeeded);
  const total = formatNumber(count);
  const { failed, reasons } = failureReasons(outcome);
  const interrupted =
    outcome.interrupted > 0
      ? ` ${vscode.l10n.t('{0} requests were under way: those users may exist in Azure Communication Services without being in the list.', formatNumber(outcome.interrupted))}`
      : '';
  for (const [reason, times] of outcome.failures) {
    services.logger.warn(`Create Users in Bulk: ${times} failed with ${reason}`);
  }
  if (outcome.cancelled) {
    services.messages.warn(vscode.l10n.t('Cancelled: {0} of {1} users were created in "{2}" and are in the list.', created, total, resource.name) + interrupted);
  } else if (failed > 0) {
    services.messages.warn(vscode.l10n.t('Created {0} of {1} users in "{2}"; {3} failed ({4}).', created, total, resource.name, formatNumber(failed), reasons) + interrupted);
  } else {
    services.messages.info(vscode.l10n.t('Created {0} users in "{1}".', created, resource.name));
  }
}
