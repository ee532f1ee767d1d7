import * as vscode from 'vscode';

export type MessageSeverity = 'info' | 'warning' | 'error' | 'status';

/** A button on a notification, with what it does when pressed. */
export interface MessageAction {
  readonly title: string;
  run(): unknown;
}

/** What the person saw: recorded for the test seam (texts only; nothing secret is ever shown). */
export interface ShownMessage {
  readonly severity: MessageSeverity;
  readonly text: string;
  readonly actions: readonly string[];
  /** Presses one of the message's buttons, as a person would (used by tests). */
  press(title: string): Promise<void>;
}

/**
 * The one module through which the extension tells the person something: notifications and
 * status-bar messages. Notifications never block a command: their buttons run their action when
 * pressed, after the command has finished (modal questions are the Prompter's job).
 */
export class Messages {
  private readonly shown: ShownMessage[] = [];
  private static readonly MAX_KEPT = 200;

  constructor(private readonly onActionError: (error: unknown) => void) {}

  info(text: string, ...actions: MessageAction[]): void {
    this.show('info', text, actions);
  }

  warn(text: string, ...actions: MessageAction[]): void {
    this.show('warning', text, actions);
  }

  error(text: string, ...actions: MessageAction[]): void {
    this.show('error', text, actions);
  }

  /** A short confirmation in the status bar (e.g. "Copied…"), gone after a few seconds. */
  status(text: string, timeoutMs = 5000): void {
    this.remember({ severity: 'status', text, actions: [], press: async () => undefined });
    // With a timeout the status-bar entry removes itself; the returned Disposable is not needed.
    vscode.window.setStatusBarMessage(`$(check) ${text}`, timeoutMs);
  }

  /** Everything shown since activation (or the last `clear`), oldest first. */
  get all(): readonly ShownMessage[] {
    return this.shown;
  }

  clear(): void {
    this.shown.length = 0;
  }

  private show(severity: 'info' | 'warning' | 'error', text: string, actions: readonly MessageAction[]): void {
    const press = async (title: string | undefined): Promise<void> => {
      const action = actions.find((candidate) => candidate.title === title);
      if (action) {
        try {
          await action.run();
        } catch (error) {
          this.onActionError(error);
        }
      }
    };
    this.remember({
      severity,
      text,
      actions: actions.map((action) => action.title),
      press: (title) => {
        if (!actions.some((action) => action.title === title)) {
          return Promise.reject(new Error(`"${text}" has no button "${title}"`));
        }
        return press(title);
      },
    });
    const titles = actions.map((action) => action.title);
    const shown =
      severity === 'info'
        ? vscode.window.showInformationMessage(text, ...titles)
        : severity === 'warning'
          ? vscode.window.showWarningMessage(text, ...titles)
          : vscode.window.showErrorMessage(text, ...titles);
    void Promise.resolve(shown).then(press);
  }

  private remember(message: ShownMessage): void {
    this.shown.push(message);
    if (this.shown.length > Messages.MAX_KEPT) {
      this.shown.shift();
    }
  }
}
