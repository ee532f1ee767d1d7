import * as vscode from 'vscode';

/** A quick pick item that carries the value it stands for; `answerId` names it without its (localized) label. */
export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
  readonly answerId?: string;
}

export interface PickOptions {
  readonly title: string;
  readonly placeHolder?: string;
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

export interface FileOptions {
  readonly title: string;
  /** The file types offered: a name → its extensions, without the dot. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
  /** A file to save: the name proposed, in the first workspace folder. */
  readonly defaultName?: string;
}

export interface ModalOptions {
  readonly detail?: string;
  readonly buttons: readonly string[];
  readonly severity?: 'info' | 'warning';
}

/**
 * Every question the extension asks: quick picks, input boxes and modal dialogs. `undefined`
 * always means the person pressed Escape (or Cancel). A modal resolves to the pressed button's label.
 */
export interface Prompter {
  pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  modal(message: string, options: ModalOptions): Promise<string | undefined>;
  /** A file to write, as a URI string. */
  saveFile(options: FileOptions): Promise<string | undefined>;
  /** A file to read, as a URI string. */
  openFile(options: FileOptions): Promise<string | undefined>;
}

/** The questions as VS Code asks them. */
export class WindowPrompter implements Prompter {
  async pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const picked = await vscode.window.showQuickPick([...items], { ...options, ignoreFocusOut: true });
    return picked?.value;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    const picked = await vscode.window.showQuickPick([...items], { ...options, canPickMany: true, ignoreFocusOut: true });
    return picked?.map((item) => item.value);
  }

  input(options: InputOptions): Promise<string | undefined> {
    const { validate, ...shown } = options;
    return Promise.resolve(vscode.window.showInputBox({ ...shown, ignoreFocusOut: true, validateInput: validate }));
  }

  modal(message: string, options: ModalOptions): Promise<string | undefined> {
    const show = options.severity === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    return Promise.resolve(show(message, { modal: true, detail: options.detail }, ...options.buttons));
  }

  async saveFile(options: FileOptions): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await vscode.window.showSaveDialog({
      title: options.title,
      filters: dialogFilters(options),
      defaultUri: folder && options.defaultName ? vscode.Uri.joinPath(folder, options.defaultName) : undefined,
    });
    return uri?.toString();
  }

  async openFile(options: FileOptions): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title: options.title,
      filters: dialogFilters(options),
      canSelectMany: false,
      canSelectFolders: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0]?.toString();
  }
}

function dialogFilters(options: FileOptions): Record<string, string[]> {
  return Object.fromEntries(Object.entries(options.filters).map(([name, extensions]) => [name, [...extensions]]));
}

/**
 * The prompter commands ask through. It asks VS Code; an extension host started for tests swaps in
 * a scripted prompter through the test API (as the Azure extensions' TestUserInput does), so that
 * the product keeps nothing for tests.
 */
export class Prompts implements Prompter {
  private answerer: Prompter = new WindowPrompter();

  /** Routes every question to `answerer` until the returned disposable is disposed. */
  use(answerer: Prompter): vscode.Disposable {
    this.answerer = answerer;
    return new vscode.Disposable(() => {
      if (this.answerer === answerer) {
        this.answerer = new WindowPrompter();
      }
    });
  }

  pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    return this.answerer.pickOne(items, options);
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    return this.answerer.pickMany(items, options);
  }

  input(options: InputOptions): Promise<string | undefined> {
    return this.answerer.input(options);
  }

  modal(message: string, options: ModalOptions): Promise<string | undefined> {
    return this.answerer.modal(message, options);
  }

  saveFile(options: FileOptions): Promise<string | undefined> {
    return this.answerer.saveFile(options);
  }

  openFile(options: FileOptions): Promise<string | undefined> {
    return this.answerer.openFile(options);
  }

  /** A modal confirmation of a destructive action: true only when `confirmLabel` was pressed. */
  async confirm(message: string, detail: string, confirmLabel: string): Promise<boolean> {
    return (await this.modal(message, { detail, buttons: [confirmLabel] })) === confirmLabel;
  }
}
