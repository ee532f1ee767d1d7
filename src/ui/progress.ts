import * as vscode from 'vscode';

/**
 * Runs a network call under a cancellable progress notification. The cancellation token becomes
 * the AbortSignal the SDK takes, so Cancel aborts the HTTP request itself.
 */
export function withServiceProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await task(controller.signal);
      } finally {
        subscription.dispose();
      }
    }),
  );
}
