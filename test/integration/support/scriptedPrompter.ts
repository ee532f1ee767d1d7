// A prompter that answers from a script instead of showing quick picks, input boxes and modal
// dialogs (as the Azure extensions' TestUserInput does). The test API installs it in the extension;
// a question with no scripted answer fails the test instead of waiting for a person.
import type { FileOptions, InputOptions, ModalOptions, PickItem, PickOptions, Prompter } from '../../../src/ui/prompts';

/** Press Enter: accept what the prompt proposes (prefilled value, preselection, first item or button). */
export interface EnterAnswer {
  readonly enter: true;
}
/** Press Escape. */
export interface EscapeAnswer {
  readonly escape: true;
}
/**
 * - a string: the text typed in an input box, or the label (or answerId) of the item to pick, or
 *   the label of the modal button to press, or the file (a path or a URI) chosen in a file dialog;
 * - an array: the labels (or answerIds) of the items to select in a multi-select quick pick.
 */
export type PromptAnswer = EnterAnswer | EscapeAnswer | string | readonly string[];

export type PromptKind = 'quickPick' | 'multiPick' | 'input' | 'modal' | 'saveFile' | 'openFile';

/** What a prompt asked and what it got. */
export interface PromptRecord {
  readonly kind: PromptKind;
  /** The title, placeholder, prompt or modal message and detail, joined with newlines. */
  readonly text: string;
  /** Item labels (quick picks), button labels (modals) or file type names (file dialogs). */
  readonly choices: readonly string[];
  /** The descriptions shown next to the items of a quick pick (empty when an item has none). */
  readonly descriptions: readonly string[];
  /** Labels preselected in a multi-select, or the prefilled value of an input box. */
  readonly proposed?: string | readonly string[];
  /** Validation messages shown for rejected input, in order. */
  readonly validationMessages: string[];
}

export class ScriptedPrompter implements Prompter {
  private readonly answers: PromptAnswer[] = [];
  /** Every question asked since the last `clear`, oldest first. */
  readonly records: PromptRecord[] = [];

  push(...answers: PromptAnswer[]): void {
    this.answers.push(...answers);
  }

  get pending(): number {
    return this.answers.length;
  }

  clear(): void {
    this.answers.length = 0;
    this.records.length = 0;
  }

  pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const record = this.record('quickPick', [options.title, options.placeHolder], items.map((item) => item.label), undefined, items);
    const answer = this.take(record);
    if (isEscape(answer)) {
      return Promise.resolve(undefined);
    }
    return Promise.resolve(isEnter(answer) ? items[0]?.value : findItem(items, answer as string, record).value);
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    const preselected = items.filter((item) => item.picked);
    const record = this.record('multiPick', [options.title, options.placeHolder], items.map((item) => item.label), preselected.map((item) => item.label), items);
    const answer = this.take(record);
    if (isEscape(answer)) {
      return Promise.resolve(undefined);
    }
    if (isEnter(answer)) {
      return Promise.resolve(preselected.map((item) => item.value));
    }
    const wanted = typeof answer === 'string' ? [answer] : answer;
    return Promise.resolve(wanted.map((name) => findItem(items, name, record).value));
  }

  /** Like a person who retypes after a validation message, until the input is accepted. */
  input(options: InputOptions): Promise<string | undefined> {
    const record = this.record('input', [options.title, options.prompt, options.placeHolder], [], options.password ? undefined : options.value);
    let answer = this.take(record);
    while (!isEscape(answer)) {
      const value = isEnter(answer) ? (options.value ?? '') : String(answer);
      const problem = options.validate?.(value);
      if (problem === undefined) {
        return Promise.resolve(value);
      }
      record.validationMessages.push(problem);
      answer = this.take(record);
    }
    return Promise.resolve(undefined);
  }

  /** Enter presses the first button, as in VS Code. */
  modal(message: string, options: ModalOptions): Promise<string | undefined> {
    const record = this.record('modal', [message, options.detail], options.buttons);
    const answer = this.take(record);
    if (isEscape(answer)) {
      return Promise.resolve(undefined);
    }
    if (isEnter(answer)) {
      return Promise.resolve(options.buttons[0]);
    }
    if (typeof answer !== 'string' || !options.buttons.includes(answer)) {
      throw new Error(`Scripted answer ${JSON.stringify(answer)} is not a button of "${message}"`);
    }
    return Promise.resolve(answer);
  }

  saveFile(options: FileOptions): Promise<string | undefined> {
    return this.file('saveFile', options);
  }

  openFile(options: FileOptions): Promise<string | undefined> {
    return this.file('openFile', options);
  }

  /** A file dialog has nothing to accept on Enter: the answer names the file, or is Escape. */
  private file(kind: 'saveFile' | 'openFile', options: FileOptions): Promise<string | undefined> {
    const record = this.record(kind, [options.title], Object.keys(options.filters), options.defaultName);
    const answer = this.take(record);
    if (isEscape(answer)) {
      return Promise.resolve(undefined);
    }
    if (typeof answer !== 'string') {
      throw new Error(`Scripted answer ${JSON.stringify(answer)} is not a file for "${record.text}"`);
    }
    return Promise.resolve(answer);
  }

  private take(record: PromptRecord): PromptAnswer {
    const answer = this.answers.shift();
    if (answer === undefined) {
      throw new Error(`No answer scripted for the ${record.kind} prompt "${record.text}"`);
    }
    return answer;
  }

  private record(
    kind: PromptKind,
    texts: readonly (string | undefined)[],
    choices: readonly string[],
    proposed?: string | readonly string[],
    items: readonly { description?: string }[] = [],
  ): PromptRecord {
    const descriptions = items.map((item) => item.description ?? '');
    const record: PromptRecord = { kind, text: texts.filter(Boolean).join('\n'), choices, descriptions, proposed, validationMessages: [] };
    this.records.push(record);
    return record;
  }
}

function isEnter(answer: PromptAnswer): answer is EnterAnswer {
  return typeof answer === 'object' && !Array.isArray(answer) && (answer as Partial<EnterAnswer>).enter === true;
}

function isEscape(answer: PromptAnswer): answer is EscapeAnswer {
  return typeof answer === 'object' && !Array.isArray(answer) && (answer as Partial<EscapeAnswer>).escape === true;
}

function findItem<T>(items: readonly PickItem<T>[], name: string, record: PromptRecord): PickItem<T> {
  const item = items.find((candidate) => candidate.label === name) ?? items.find((candidate) => candidate.answerId === name);
  if (!item) {
    throw new Error(`Scripted answer "${name}" is not an item of "${record.text}" (${record.choices.join(', ')})`);
  }
  return item;
}
