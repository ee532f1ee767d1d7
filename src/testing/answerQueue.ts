// The test seam for prompts (like the Azure extensions' TestUserInput): while answers are queued,
// the prompt module takes them instead of showing a quick pick, an input box or a modal dialog.
// With an empty queue the real VS Code UI is shown, unless `strict` is on (tests turn it on so that
// a prompt nobody expected fails the test instead of hanging it). Nothing here is used by the
// product's own code paths other than through `Prompter`.

/** Press Enter: accept what the prompt proposes (prefilled value, preselection, first item or button). */
export interface EnterAnswer {
  readonly enter: true;
}
/** Press Escape. */
export interface EscapeAnswer {
  readonly escape: true;
}
/**
 * - a string: the text typed in an input box, or the label (or id) of the item to pick, or the label
 *   of the modal button to press;
 * - an array: the labels (or ids) of the items to select in a multi-select quick pick.
 */
export type PromptAnswer = EnterAnswer | EscapeAnswer | string | readonly string[];

export type PromptKind = 'quickPick' | 'multiPick' | 'input' | 'modal';

/** What a prompt asked and what it got: recorded for every prompt, queued or real. */
export interface PromptRecord {
  readonly kind: PromptKind;
  /** The title, placeholder, prompt or modal message and detail, joined with newlines. */
  readonly text: string;
  /** Item labels (quick picks) or button labels (modals). */
  readonly choices: readonly string[];
  /** Labels preselected in a multi-select, or the prefilled value of an input box. */
  readonly proposed?: string | readonly string[];
  /** Validation messages shown for rejected input, in order. */
  readonly validationMessages: string[];
  answeredFromQueue: boolean;
}

export class AnswerQueue {
  private readonly answers: PromptAnswer[] = [];
  readonly records: PromptRecord[] = [];
  /** When true, a prompt with no queued answer throws instead of showing the real UI. */
  strict = false;

  push(...answers: PromptAnswer[]): void {
    this.answers.push(...answers);
  }

  get pending(): number {
    return this.answers.length;
  }

  clear(): void {
    this.answers.length = 0;
  }

  /** Takes the next answer, `undefined` when the real UI must be shown. */
  take(record: PromptRecord): PromptAnswer | undefined {
    this.records.push(record);
    const answer = this.answers.shift();
    if (answer === undefined && this.strict) {
      throw new Error(`No answer queued for the ${record.kind} prompt "${record.text}"`);
    }
    record.answeredFromQueue = answer !== undefined;
    return answer;
  }

  /** The next answer for a prompt that already took one (an input box retried after a validation error). */
  takeAnother(): PromptAnswer | undefined {
    return this.answers.shift();
  }
}

export function isEnter(answer: PromptAnswer): answer is EnterAnswer {
  return typeof answer === 'object' && !Array.isArray(answer) && (answer as Partial<EnterAnswer>).enter === true;
}

export function isEscape(answer: PromptAnswer): answer is EscapeAnswer {
  return typeof answer === 'object' && !Array.isArray(answer) && (answer as Partial<EscapeAnswer>).escape === true;
}
