import * as vscode from 'vscode';
import type { Log } from '../core/log';

export type MessageSeverity = 'info' | 'warning' | 'error' | 'status';

/** A button on a notification, with what it does when pressed. */
export interface MessageAction {
  readonly title: string;
  run(): unknown;
}

/** The button that opens the "ACS Identities" output, where the details of a failure are logged. */
export function showLogAction(log: { show(): void }): MessageAction {
  return { title: vscode.l10n.t('Show Log'), run: () => log.show() };
}

/** What the person was shown (nothing secret is ever shown), with a way to press its buttons. */
export interface ShownMessage {
  readonly severity: MessageSeverity;
  readonly text: string;
  readonly actions: readonly string[];
  /** Presses one of the message's buttons, as a person would. */
  press(title: string): Promise<void>;
}

/**
 * The one module through which the extension tells the person something: notifications and
 * status-bar messages. Notifications never block a command: their buttons run their action when
 * pressed, after the command has finished (modal questions are the Prompter's job). Each message
 * is announced on `onDidShow` and kept nowhere: a button's action can hold a token just issued.
 */
export class Messages implements vscode.Disposable {
  private readonly shownEmitter = new vscode.EventEmitter<ShownMessage>();
  readonly onDidShow = this.shownEmitter.event;

  constructor(private readonly log: Log) {}

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
    this.shownEmitter.fire({ severity: 'status', text, actions: [], press: () => Promise.resolve() });
    // With a timeout the status-bar entry removes itself; the returned Disposable is not needed.
    vscode.window.setStatusBarMessage(`$(check) ${text}`, timeoutMs);
  }

  dispose(): void {
    this.shownEmitter.dispose();
  }

  private show(severity: 'info' | 'warning' | 'error', text: string, actions: readonly MessageAction[]): void {
    const press = async (title: string | undefined): Promise<void> => {
      const action = actions.find((candidate) => candidate.title === title);
      if (action) {
        try {
          await action.run();
        } catch (error) {
          this.log.error(`The button "${action.title}" failed`, error);
        }
      }
    };
    this.shownEmitter.fire({
      severity,
      text,
      actions: actions.map((action) => action.title),
      press: (title) => (actions.some((action) => action.title === title) ? press(title) : Promise.reject(new Error(`"${text}" has no button "${title}"`))),
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
}
