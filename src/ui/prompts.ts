import * as vscode from 'vscode';
import { AnswerQueue, isEnter, isEscape, type PromptAnswer, type PromptRecord } from '../testing/answerQueue';

/** A quick pick item that carries the value it stands for; `answerId` lets a queued answer name it. */
export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
  readonly answerId?: string;
}

export interface InputOptions {
  readonly title: string;
  readonly prompt?: string;
  readonly placeHolder?: string;
  readonly value?: string;
  readonly password?: boolean;
  /** Returns the message that names what is wrong, or undefined when the input is acceptable. */
  readonly validate?: (value: string) => string | undefined;
}

/**
 * Every question the extension asks goes through here: quick picks, input boxes and modal
 * dialogs. Each one is recorded, and answered from the test seam's queue when it holds answers.
 * `undefined` always means the person pressed Escape.
 */
export class Prompter {
  constructor(private readonly queue: AnswerQueue) {}

  async pickOne<T>(items: readonly PickItem<T>[], options: { title: string; placeHolder?: string }): Promise<T | undefined> {
    const record = this.record('quickPick', [options.title, options.placeHolder], items.map((item) => item.label));
    const answer = this.queue.take(record);
    if (answer !== undefined) {
      if (isEscape(answer)) {
        return undefined;
      }
      if (isEnter(answer)) {
        return items[0]?.value;
      }
      return findItem(items, answer as string, record).value;
    }
    const picked = await vscode.window.showQuickPick([...items], { title: options.title, placeHolder: options.placeHolder, ignoreFocusOut: true });
    return picked?.value;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: { title: string; placeHolder?: string }): Promise<T[] | undefined> {
    const proposed = items.filter((item) => item.picked).map((item) => item.label);
    const record = this.record('multiPick', [options.title, options.placeHolder], items.map((item) => item.label), proposed);
    const answer = this.queue.take(record);
    if (answer !== undefined) {
      if (isEscape(answer)) {
        return undefined;
      }
      if (isEnter(answer)) {
        return items.filter((item) => item.picked).map((item) => item.value);
      }
      const wanted = typeof answer === 'string' ? [answer] : (answer as readonly string[]);
      return wanted.map((name) => findItem(items, name, record).value);
    }
    const picked = await vscode.window.showQuickPick([...items], {
      title: options.title,
      placeHolder: options.placeHolder,
      canPickMany: true,
      ignoreFocusOut: true,
    });
    return picked?.map((item) => item.value);
  }

  async input(options: InputOptions): Promise<string | undefined> {
    const record = this.record('input', [options.title, options.prompt, options.placeHolder], [], options.password ? undefined : options.value);
    let answer = this.queue.take(record);
    if (answer === undefined) {
      return vscode.window.showInputBox({
        title: options.title,
        prompt: options.prompt,
        placeHolder: options.placeHolder,
        value: options.value,
        password: options.password,
        ignoreFocusOut: true,
        validateInput: options.validate && ((value) => options.validate?.(value)),
      });
    }
    // Queued: like a person who retypes after a validation message, until the input is accepted.
    while (answer !== undefined && !isEscape(answer)) {
      const value = isEnter(answer) ? (options.value ?? '') : String(answer);
      const problem = options.validate?.(value);
      if (problem === undefined) {
        return value;
      }
      record.validationMessages.push(problem);
      answer = this.queue.takeAnother();
    }
    return undefined;
  }

  /**
   * A modal dialog; resolves to the pressed button's label, `undefined` for Cancel/Escape.
   * Enter presses the first button, as in VS Code.
   */
  async modal(message: string, options: { detail?: string; buttons: readonly string[]; severity?: 'info' | 'warning' }): Promise<string | undefined> {
    const record = this.record('modal', [message, options.detail], options.buttons);
    const answer = this.queue.take(record);
    if (answer !== undefined) {
      if (isEscape(answer)) {
        return undefined;
      }
      if (isEnter(answer)) {
        return options.buttons[0];
      }
      if (typeof answer !== 'string' || !options.buttons.includes(answer)) {
        throw new Error(`Queued answer ${JSON.stringify(answer)} is not a button of "${message}"`);
      }
      return answer;
    }
    const show = options.severity === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    return show(message, { modal: true, detail: options.detail }, ...options.buttons);
  }

  /** A modal confirmation of a destructive action: true only when `confirmLabel` was pressed. */
  async confirm(message: string, detail: string, confirmLabel: string): Promise<boolean> {
    return (await this.modal(message, { detail, buttons: [confirmLabel] })) === confirmLabel;
  }

  private record(kind: PromptRecord['kind'], texts: readonly (string | undefined)[], choices: readonly string[], proposed?: string | readonly string[]): PromptRecord {
    return { kind, text: texts.filter(Boolean).join('\n'), choices, proposed, validationMessages: [], answeredFromQueue: false };
  }
}

function findItem<T>(items: readonly PickItem<T>[], name: string, record: PromptRecord): PickItem<T> {
  const item = items.find((candidate) => candidate.label === name) ?? items.find((candidate) => candidate.answerId === name);
  if (!item) {
    throw new Error(`Queued answer "${name}" is not an item of "${record.text}" (${record.choices.join(', ')})`);
  }
  return item;
}

export type { PromptAnswer };
