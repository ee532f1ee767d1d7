import * as vscode from 'vscode';
import type { Log } from '../core/log';
import type { Clock } from '../platform/clock';
import { setViewState } from '../platform/contextKeys';
import type { Registry } from '../storage/registry';
import { IdentitiesTreeProvider } from './identitiesTreeProvider';

export const IDENTITIES_VIEW_ID = 'acsIdentity.identities';

/**
 * The "Identities" view: its tree provider (which re-renders what the registry says changed), told
 * of the view's visibility and collapsed rows (what a ticking "expires in" must re-render).
 */
export function createIdentitiesView(registry: Registry, log: Log, clock: Clock): { tree: IdentitiesTreeProvider; disposables: vscode.Disposable[] } {
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
    ],
  };
}
