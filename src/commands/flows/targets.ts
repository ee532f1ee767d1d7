import * as vscode from 'vscode';
import type { ResourceRecord, UserRecord } from '../../core/records';
import { labelTooLong, normalizeLabel, quoteForMessage } from '../../core/displayText';
import { parseUserIdInput } from '../../core/userIdInput';
import { userDisplayName } from '../../core/userSummary';
import { describeUserIdProblem, labelTooLongText } from '../../platform/wording';
import { optionsOf, type CommandOptions, type Invocation } from './options';
import type { Services } from '../services';

/**
 * Finds what a command acts on: the clicked node, the options' resource/user (never asking), or
 * (palette) asks. `undefined` means there is nothing to act on; the reason has been shown already.
 */
export async function targetResource(services: Services, invocation: Invocation, title: string): Promise<ResourceRecord | undefined> {
  switch (invocation.from) {
    case 'tree':
      return fresh(services, invocation.node.kind === 'error' || invocation.node.kind === 'damaged' ? undefined : invocation.node.resource);
    case 'palette':
      return services.pickers.resource(title);
    case 'code':
      return resourceOfOptions(services, invocation.options);
  }
}

export interface UserTarget {
  readonly resource: ResourceRecord;
  readonly user: UserRecord;
  /** False for a user given by id from code that is not (yet) in the list. */
  readonly recorded: boolean;
}

export interface TargetUserOptions {
  /** From code: a user given by id that is not listed is acted on (by id) rather than refused. */
  readonly allowUnrecorded?: boolean;
  /** The command calls the service for an ACS user: a Teams user (whose tokens only come from an exchange) is refused. */
  readonly communicationUsersOnly?: boolean;
}

export async function targetUser(services: Services, invocation: Invocation, title: string, options: TargetUserOptions = {}): Promise<UserTarget | undefined> {
  const target = await findTargetUser(services, invocation, title, options);
  if (target && options.communicationUsersOnly && target.user.kind === 'teamsUser') {
    services.messages.error(
      vscode.l10n.t('{0}: {1} is a Teams user. Its tokens come from "Exchange Teams User Token…", and Azure Communication Services manages only its own users.', title, userDisplayName(target.user)),
    );
    return undefined;
  }
  return target;
}

async function findTargetUser(services: Services, invocation: Invocation, title: string, options: TargetUserOptions): Promise<UserTarget | undefined> {
  if (invocation.from === 'tree') {
    const node = invocation.node;
    if (node.kind !== 'user' && node.kind !== 'token') {
      return undefined;
    }
    const resource = await fresh(services, node.resource);
    const user = resource && (await services.registry.getUser(resource.id, node.user.userId));
    if (!resource || !user) {
      services.messages.error(vscode.l10n.t('{0} is no longer in the list.', userDisplayName(node.user)));
      services.tree.refresh();
      return undefined;
    }
    return { resource, user, recorded: true };
  }
  const userId = optionsOf(invocation).userId?.trim();
  if (invocation.from === 'code' && !userId) {
    services.messages.error(vscode.l10n.t('{0}: the "userId" option is required (the ID of the user to act on).', title));
    return undefined;
  }
  const resource = await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  if (!userId) {
    const user = await services.pickers.user(resource, title);
    return user && { resource, user, recorded: true };
  }
  const user = await services.registry.getUser(resource.id, userId);
  if (user) {
    return { resource, user, recorded: true };
  }
  // Checked before it is repeated in a message or sent: it could be anything, a token included.
  const checked = parseUserIdInput(userId);
  if (!checked.ok) {
    services.messages.error(vscode.l10n.t('{0}: {1}', title, describeUserIdProblem(checked.problem)));
    return undefined;
  }
  if (options.allowUnrecorded) {
    const unrecorded: UserRecord = { resourceId: resource.id, userId, createdAt: new Date().toISOString(), origin: 'added' };
    return { resource, user: unrecorded, recorded: false };
  }
  services.messages.error(
    vscode.l10n.t('User {0} is not in the list of "{1}": add it with "Add Existing User by ID…" first.', userId, resource.name),
  );
  return undefined;
}

/**
 * The resource named by the options (id, name or endpoint host); else the one listing `userId`;
 * else the only resource. Anything else is an error that names the option: code is never prompted.
 */
async function resourceOfOptions(services: Services, options: CommandOptions): Promise<ResourceRecord | undefined> {
  const resources = await services.registry.listResources();
  const wanted = options.resource;
  if (wanted !== undefined) {
    const needle = wanted.trim().toLowerCase();
    const found =
      resources.find((resource) => resource.id === wanted) ??
      resources.find((resource) => resource.name.toLowerCase() === needle) ??
      resources.find((resource) => resource.host.toLowerCase() === needle || resource.endpoint.toLowerCase() === needle);
    if (!found) {
      services.messages.error(vscode.l10n.t('There is no resource "{0}" in the list.', quoteForMessage(wanted)));
    }
    return found;
  }
  const userId = options.userId?.trim();
  if (userId) {
    for (const resource of resources) {
      if (await services.registry.getUser(resource.id, userId)) {
        return resource;
      }
    }
  }
  if (resources.length === 1) {
    return resources[0];
  }
  services.messages.error(
    resources.length === 0
      ? vscode.l10n.t('There is no Communication Services resource yet: add one first.')
      : vscode.l10n.t('Several resources are listed: name one with the "resource" option (its id, name or endpoint host).'),
  );
  return undefined;
}

/** The record as stored now (the node may be older than a change made since). */
async function fresh(services: Services, resource: ResourceRecord | undefined): Promise<ResourceRecord | undefined> {
  const current = resource && (await services.registry.getResource(resource.id));
  if (resource && !current) {
    services.messages.error(vscode.l10n.t('"{0}" is no longer in the list.', resource.name));
    services.tree.refresh();
  }
  return current;
}

/** Where a new user goes and its optional label (asked from the palette and the tree); `undefined` if the person cancelled. */
export async function newUserTarget(
  services: Services,
  invocation: Invocation,
  title: string,
): Promise<{ resource: ResourceRecord; label: string | undefined } | undefined> {
  const resource = await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  const answer = await newUserLabel(services, invocation, title);
  return answer && { resource, label: answer.label };
}

/**
 * The optional label of a user joining the list: the `label` option from code, else asked (Enter
 * with nothing: no label). `undefined` only when the person pressed Escape.
 */
export async function newUserLabel(services: Services, invocation: Invocation, title: string): Promise<{ label: string | undefined } | undefined> {
  const label = invocation.from === 'code' ? invocation.options.label : await services.pickers.label(title);
  if (label === undefined) {
    return invocation.from === 'code' ? { label: undefined } : undefined;
  }
  return acceptedLabel(services, title, label);
}

/**
 * A label as it will be stored and shown (controls removed, blanks collapsed; nothing left: no
 * label). One too long is refused with a message: the input box refuses it already, so only code
 * gets here with one.
 */
export function acceptedLabel(services: Services, title: string, label: string): { label: string | undefined } | undefined {
  const length = labelTooLong(label);
  if (length !== undefined) {
    services.messages.error(vscode.l10n.t('{0}: {1}', title, labelTooLongText(length)));
    return undefined;
  }
  return { label: normalizeLabel(label) };
}
