import * as vscode from 'vscode';
import type { BulkOutcome } from '../../acs/bulkRunner';
import type { ResourceRecord } from '../../core/records';
import type { UserNode } from '../../tree/nodes';
import { formatNumber } from '../../platform/wording';
import type { Invocation } from './options';

/** The users selected in the tree when there are several (Delete User and Remove User from List act on all of them). */
export function selectedUsers(invocation: Invocation): UserNode[] {
  if (invocation.from !== 'tree') {
    return [];
  }
  const users = invocation.selection.filter((node): node is UserNode => node.kind === 'user');
  return users.length > 1 ? users : [];
}

/** The selected users, per resource, in the order they were selected. */
export function usersByResource(nodes: readonly UserNode[]): { resource: ResourceRecord; userIds: string[] }[] {
  const groups = new Map<string, { resource: ResourceRecord; userIds: string[] }>();
  for (const node of nodes) {
    const group = groups.get(node.resource.id) ?? { resource: node.resource, userIds: [] };
    group.userIds.push(node.user.userId);
    groups.set(node.resource.id, group);
  }
  return [...groups.values()];
}

/** Sums the outcomes of one bulk operation per resource. */
export function addOutcomes(outcomes: readonly BulkOutcome[]): BulkOutcome {
  const failures = new Map<string, number>();
  for (const outcome of outcomes) {
    outcome.failures.forEach((times, reason) => failures.set(reason, (failures.get(reason) ?? 0) + times));
  }
  return {
    succeeded: outcomes.reduce((sum, outcome) => sum + outcome.succeeded, 0),
    failures,
    cancelled: outcomes.some((outcome) => outcome.cancelled),
    interrupted: outcomes.reduce((sum, outcome) => sum + outcome.interrupted, 0),
    notStarted: outcomes.reduce((sum, outcome) => sum + outcome.notStarted, 0),
  };
}

/** The failures of a bulk operation as a person reads them: "2 × 500, 1 × 401 Denied". */
export function failureReasons(outcome: BulkOutcome): { failed: number; reasons: string } {
  const failed = [...outcome.failures.values()].reduce((sum, times) => sum + times, 0);
  const reasons = [...outcome.failures].map(([reason, times]) => vscode.l10n.t('{0} × {1}', formatNumber(times), reason)).join(', ');
  return { failed, reasons };
}
