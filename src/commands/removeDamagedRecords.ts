import * as vscode from 'vscode';
import type { Services } from './services';

/**
 * Rewrites the records without the lines that could not be read, after a confirmation. Lines in
 * the journal of another window that is open stay until that window closes (only it writes there).
 */
export async function removeDamagedRecords(services: Services): Promise<{ removed: number } | undefined> {
  await services.registry.whenLoaded();
  const before = services.registry.damaged.length;
  if (before === 0) {
    services.messages.info(vscode.l10n.t('No damaged records: every line of the records could be read.'));
    return { removed: 0 };
  }
  const confirmed = await services.prompter.confirm(
    before === 1 ? vscode.l10n.t('Remove 1 damaged record?') : vscode.l10n.t('Remove {0} damaged records?', before),
    vscode.l10n.t('They cannot be read and are kept out of the list; the "ACS Identities" output says where they are. The records are rewritten without them.'),
    vscode.l10n.t('Remove'),
  );
  if (!confirmed) {
    return undefined;
  }
  if (!(await services.registry.compact())) {
    services.messages.warn(vscode.l10n.t('Another VS Code window is rewriting the records right now: try again in a moment.'));
    return undefined;
  }
  const left = services.registry.damaged.length;
  services.tree.refresh();
  services.messages.info(
    left === 0
      ? vscode.l10n.t('Removed {0} damaged records.', before)
      : vscode.l10n.t('Removed {0} damaged records; {1} are in the records of another open VS Code window and go when it closes.', before - left, left),
  );
  return { removed: before - left };
}
