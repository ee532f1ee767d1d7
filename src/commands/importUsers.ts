import * as vscode from 'vscode';
import type { ResourceRecord } from '../core/records';
import { parseUserMap, type SkipReason, type SkippedEntry } from '../core/userMap';
import { formatNumber } from '../platform/wording';
import type { Invocation } from './flows/options';
import { targetResource } from './flows/targets';
import { userMapFile, type UserMapFile } from './flows/userMapFile';
import type { Services } from './services';
import { showLogAction } from '../ui/messages';

/** Why an entry was left out: the file's own reasons, or a user that is in the list already. */
type ImportSkipReason = SkipReason | 'alreadyListed';

export interface ImportResult {
  readonly imported: string[];
  readonly skipped: { readonly entry: number; readonly reason: ImportSkipReason }[];
}

/**
 * Adds the users of a JSON or CSV user map (as Export Users writes it) to a resource's list, in one
 * write. Every entry is checked (an ACS user ID, a label that is text, a creation time that parses);
 * those left out, and the users already listed, are counted in the summary and named in the log.
 * From code: `{ resource, file, format? }`.
 */
export async function importUsers(services: Services, invocation: Invocation): Promise<ImportResult | undefined> {
  const title = vscode.l10n.t('Import Users');
  const resource = await targetResource(services, invocation, title);
  const file = resource && (await userMapFile(services, invocation, title, 'open'));
  if (!resource || !file) {
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file.uri));
  } catch (error) {
    services.logger.error(`Import Users: could not read ${file.uri.toString()}`, error);
    services.messages.error(vscode.l10n.t('Could not read {0}: see the "ACS Identities" output for details.', file.name), showLogAction(services.logger));
    return undefined;
  }
  const read = parseUserMap(text, file.format);
  if (!read.ok) {
    services.messages.error(
      read.problem === 'notJson'
        ? vscode.l10n.t('{0} is not JSON: nothing was imported.', file.name)
        : read.problem === 'notAList'
          ? vscode.l10n.t('{0} holds no list of users (a JSON list of {1}): nothing was imported.', file.name, '{ "id", "label", "created" }')
          : vscode.l10n.t('{0} has no "id" column (the columns are id, label, created): nothing was imported.', file.name),
    );
    return undefined;
  }

  const listed = new Set((await services.registry.listUsers(resource.id)).map((user) => user.userId));
  const fresh = read.users.filter((user) => !listed.has(user.userId));
  const skipped: (SkippedEntry | { entry: number; reason: 'alreadyListed'; userId: string })[] = [
    ...read.skipped,
    ...read.users.filter((user) => listed.has(user.userId)).map((user) => ({ entry: user.entry, reason: 'alreadyListed' as const, userId: user.userId })),
  ].sort((a, b) => a.entry - b.entry);
  if (fresh.length > 0) {
    await services.registry.addUsers(
      resource.id,
      // A creation time from the file is when the user was created; without one, it joins the list now.
      fresh.map(({ userId, label, createdAt }) => ({ userId, label, createdAt, origin: createdAt ? 'created' : 'added' })),
    );
  }
  for (const { entry, reason, userId } of skipped) {
    services.logger.warn(`Import Users from ${file.name} into "${resource.name}": entry ${entry} skipped, ${LOGGED_REASONS[reason]}${userId ? ` (${userId})` : ''}`);
  }
  showSummary(services, resource, file, fresh.length, skipped);
  return { imported: fresh.map((user) => user.userId), skipped: skipped.map(({ entry, reason }) => ({ entry, reason })) };
}

/** The log is in English, like the rest of it. */
const LOGGED_REASONS: Readonly<Record<ImportSkipReason, string>> = {
  alreadyListed: 'the user is in the list already',
  repeated: 'the same ID is earlier in the file',
  invalidId: 'the ID is not a Communication Services user ID (8:acs:<resource id>_<user id>)',
  labelNotText: 'the label is not text',
  invalidCreated: 'the creation time is not a date',
  unreadable: 'the entry is not an object, or the row is not valid CSV (an unclosed quote?)',
};

function showSummary(services: Services, resource: ResourceRecord, file: UserMapFile, imported: number, skipped: readonly { reason: ImportSkipReason }[]): void {
  const count = formatNumber(imported);
  if (skipped.length === 0) {
    services.messages.info(
      imported === 0 ? vscode.l10n.t('{0} has no users to import.', file.name) : vscode.l10n.t('Imported {0} users into "{1}" from {2}.', count, resource.name, file.name),
    );
    return;
  }
  const counts = new Map<ImportSkipReason, number>();
  skipped.forEach(({ reason }) => counts.set(reason, (counts.get(reason) ?? 0) + 1));
  const reasons = [...counts].map(([reason, times]) => skipReasonText(reason, formatNumber(times))).join(', ');
  services.messages.warn(
    imported === 0
      ? vscode.l10n.t('Imported no users into "{0}" from {1}; skipped {2}: {3}. The log says which and why.', resource.name, file.name, formatNumber(skipped.length), reasons)
      : vscode.l10n.t('Imported {0} users into "{1}" from {2}; skipped {3}: {4}. The log says which and why.', count, resource.name, file.name, formatNumber(skipped.length), reasons),
    showLogAction(services.logger),
  );
}

function skipReasonText(reason: ImportSkipReason, times: string): string {
  switch (reason) {
    case 'alreadyListed':
      return vscode.l10n.t('{0} already in the list', times);
    case 'repeated':
      return vscode.l10n.t('{0} repeated in the file', times);
    case 'invalidId':
      return vscode.l10n.t('{0} without a valid user ID', times);
    case 'labelNotText':
      return vscode.l10n.t('{0} with a label that is not text', times);
    case 'invalidCreated':
      return vscode.l10n.t('{0} with a creation time that is not a date', times);
    case 'unreadable':
      return vscode.l10n.t('{0} that could not be read', times);
  }
}
