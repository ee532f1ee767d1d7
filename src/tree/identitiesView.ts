import * as vscode from 'vscode';
import type { Log } from '../core/log';
import type { Clock } from '../platform/clock';
import { setViewState } from '../platform/contextKeys';
import type { Registry } from '../storage/registry';
import { IdentitiesTreeProvider } from './identitiesTreeProvider';

export const IDENTITIES_VIEW_ID = 'acsIdentity.identities';

/**
 * The "Identities" view: its tree provider, and what makes it re-render: a change made here, a
 * change another window made (its writes are files and secrets this window did not make), and the
 * view becoming visible again.
 */
export function createIdentitiesView(registry: Registry, secrets: vscode.SecretStorage, log: Log, clock: Clock): { tree: IdentitiesTreeProvider; disposables: vscode.Disposable[] } {
  const tree = new IdentitiesTreeProvider(registry, log, (state) => void setViewState(state), clock);
  const treeView = vscode.window.createTreeView(IDENTITIES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.setVisible(treeView.visible);
  const registrySubscription = registry.onDidChange(() => tree.refresh());
  return {
    tree,
    disposables: [
      tree,
      treeView,
      { dispose: () => registrySubscription.dispose() },
      treeView.onDidChangeVisibility((event) => tree.setVisible(event.visible)),
      secrets.onDidChange(() => tree.refresh()),
      vscode.window.onDidChangeWindowState((state) => state.focused && tree.refresh()),
    ],
  };
}
