import * as vscode from 'vscode';
import type { Log } from '../core/log';
import type { Clock } from '../platform/clock';
import { setViewState } from '../platform/contextKeys';
import type { Registry } from '../storage/registry';
import { IdentitiesTreeProvider } from './identitiesTreeProvider';

export const IDENTITIES_VIEW_ID = 'acsIdentity.identities';

/**
 * The "Identities" view: its tree provider (which re-renders what the registry says changed), and
 * what else the registry must hear of: the window getting focus (a moment to read what other
 * windows wrote, should the file system have said nothing), secrets another window changed, and
 * the view's visibility and collapsed rows (what a ticking "expires in" must re-render).
 */
export function createIdentitiesView(registry: Registry, secrets: vscode.SecretStorage, log: Log, clock: Clock): { tree: IdentitiesTreeProvider; disposables: vscode.Disposable[] } {
  const tree = new IdentitiesTreeProvider(registry, log, (state) => void setViewState(state), clock);
  const treeView = vscode.window.createTreeView(IDENTITIES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  tree.setVisible(treeView.visible);
  return {
    tree,
    disposables: [
      tree,
      treeView,
      treeView.onDidChangeVisibility((event) => tree.setVisible(event.visible)),
      treeView.onDidCollapseElement((event) => tree.collapsed(event.element)),
      secrets.onDidChange((event) => registry.forgetCachedSecret(event.key)),
      vscode.window.onDidChangeWindowState((state) => state.focused && void registry.catchUp()),
    ],
  };
}
