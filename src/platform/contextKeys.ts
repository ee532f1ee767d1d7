import * as vscode from 'vscode';

/** `when`-clause context keys set by the extension; package.json's viewsWelcome reads them. */
export const ContextKey = {
  /** 'noResources' | 'ready'; unset until the tree has read the list once. */
  state: 'acsIdentity.state',
} as const;

export type ViewState = 'noResources' | 'ready';

export function setViewState(state: ViewState): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', ContextKey.state, state);
}
