import * as vscode from 'vscode';

/**
 * Runs network calls under cancellable progress notifications. The notification's Cancel button
 * becomes the AbortSignal the SDK takes, so Cancel aborts the HTTP request itself.
 */
export class ServiceProgress {
  /** The operations in flight, by their notification title. */
  private readonly running = new Map<AbortController, string>();

  run<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
        const controller = new AbortController();
        this.running.set(controller, title);
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal);
        } finally {
          subscription.dispose();
          this.running.delete(controller);
        }
      }),
    );
  }

  /** The titles of the notifications now shown (for the test seam). */
  get titles(): string[] {
    return [...this.running.values()];
  }

  /** Presses Cancel on the notifications with this title, as a person would (for the test seam). */
  cancel(title: string): void {
    for (const [controller, shown] of this.running) {
      if (shown === title) {
        controller.abort();
      }
    }
  }
}
