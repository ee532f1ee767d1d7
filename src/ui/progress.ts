import * as vscode from 'vscode';

/**
 * Runs network calls under cancellable progress notifications. The notification's Cancel button
 * becomes the AbortSignal the SDK takes, so Cancel aborts the HTTP request itself.
 */
export class ServiceProgress {
  /** The operations in flight, by their notification title. */
  private readonly running = new Map<AbortController, string>();

  /** `report` says how far it got: a message ("312 of 1,000") and the share done so far (0 to 1). */
  run<T>(title: string, task: (signal: AbortSignal, report: (message: string, done: number) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const controller = new AbortController();
        this.running.set(controller, title);
        const subscription = token.onCancellationRequested(() => controller.abort());
        let reported = 0;
        const report = (message: string, done: number): void => {
          progress.report({ message, increment: Math.max(0, done - reported) * 100 });
          reported = Math.max(reported, done);
        };
        try {
          return await task(controller.signal, report);
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
