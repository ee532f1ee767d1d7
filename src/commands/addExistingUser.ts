import * as vscode from 'vscode';
import { parseAcsUserId } from '../shared/identifiers';
import { userDisplayName } from '../core/userSummary';
import { parseUserIdInput } from '../core/userIdInput';
import { describeUserIdProblem } from '../platform/wording';
import { optionsOf, type Invocation } from './flows/options';
import type { Services } from './services';
import { newUserLabel, targetResource } from './flows/targets';

/** Records a user created elsewhere (the service cannot list users, so this is how it joins the list). */
export async function addExistingUser(services: Services, invocation: Invocation): Promise<{ userId: string } | undefined> {
  const title = vscode.l10n.t('Add Existing User by ID');
  const resource = await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  const options = optionsOf(invocation);
  const text = options.userId ?? (invocation.from === 'code' ? undefined : await services.pickers.userId(title));
  if (text === undefined) {
    if (invocation.from === 'code') {
      services.messages.error(vscode.l10n.t('Add Existing User by ID needs a userId.'));
    }
    return undefined;
  }
  const checked = parseUserIdInput(text);
  if (!checked.ok) {
    services.messages.error(vscode.l10n.t('The user was not added: {0}', describeUserIdProblem(checked.problem)));
    return undefined;
  }
  const parsed = checked.id;
  const existing = await services.registry.getUser(resource.id, parsed.raw);
  if (existing) {
    services.messages.info(vscode.l10n.t('{0} is already in the list of "{1}".', userDisplayName(existing), resource.name));
    return { userId: existing.userId };
  }
  const answer = await newUserLabel(services, invocation, title);
  if (!answer) {
    return undefined;
  }

  // Ids carry their resource's GUID: one that differs from the other users' is probably a mistake.
  const others = await services.registry.listUsers(resource.id);
  const otherResourceIds = new Set(others.map((user) => parseAcsUserId(user.userId)?.resourceId).filter(Boolean));
  const user = await services.registry.addUser(resource.id, parsed.raw, { label: answer.label, origin: 'added' });
  if (otherResourceIds.size > 0 && !otherResourceIds.has(parsed.resourceId)) {
    services.messages.warn(
      vscode.l10n.t('Added {0} to "{1}", but its ID names another Communication Services resource than the other users of "{1}": the service will refuse it.', userDisplayName(user), resource.name),
    );
  } else {
    services.messages.info(vscode.l10n.t('Added {0} to the list of "{1}".', userDisplayName(user), resource.name));
  }
  return { userId: user.userId };
}
