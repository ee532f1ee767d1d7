import * as vscode from 'vscode';
import { serializeUserMap, userMapEntries, type UserMapFormat } from '../core/userMap';
import { formatNumber } from '../platform/wording';
import type { Invocation } from './flows/options';
import { targetResource } from './flows/targets';
import { userMapFile } from './flows/userMapFile';
import type { Services } from './services';
import { showLogAction } from '../ui/messages';

/**
 * Writes a resource's user map (each ACS user's ID, label and creation time; never a token or a
 * key) to a JSON or CSV file the person chooses. Teams users are left out: their IDs are not ACS
 * users', and their tokens come only from an exchange. From code: `{ resource, file, format? }`.
 */
export async function exportUsers(services: Services, invocation: Invocation): Promise<{ file: string; format: UserMapFormat; count: number } | undefined> {
  const title = vscode.l10n.t('Export Users');
  const resource = await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  const file = await userMapFile(services, invocation, title, 'save', `${resource.name.replace(/[\\/:*?"<>|\s]+/g, '-')}-users.json`);
  if (!file) {
    return undefined;
  }
  const users = (await services.registry.listUsers(resource.id)).filter((user) => user.kind !== 'teamsUser');
  try {
    await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(serializeUserMap(userMapEntries(users), file.format)));
  } catch (error) {
    services.logger.error(`Export Users: could not write ${file.uri.toString()}`, error);
    services.messages.error(vscode.l10n.t('Could not write {0}: see the "ACS Identities" output for details.', file.name), showLogAction(services.logger));
    return undefined;
  }
  services.messages.info(vscode.l10n.t('Exported {0} users of "{1}" to {2}.', formatNumber(users.length), resource.name, file.name));
  return { file: file.uri.toString(), format: file.format, count: users.length };
}
