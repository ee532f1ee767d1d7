// The test seam: what integration tests need and `vscode` cannot give them. `activate()` returns
// it only in an extension host started for tests (ExtensionMode.Test), never to other extensions
// in normal use: it can read secrets.
import type * as vscode from 'vscode';
import { Registry } from './storage/registry';
import type { IdentitiesTreeProvider } from './tree/identitiesTreeProvider';
import type { IdentityNode } from './tree/nodes';
import type { AnswerQueue, PromptAnswer, PromptRecord } from './testing/answerQueue';
import type { EmulatorHost } from './localEmulator/emulatorHost';
import type { Messages, ShownMessage } from './ui/messages';
import type { ServiceProgress } from './ui/progress';

export interface AcsIdentityTestApi {
  /** The real tree provider of the "Identities" view. */
  readonly tree: {
    getChildren(node?: IdentityNode): Promise<IdentityNode[]>;
    getTreeItem(node: IdentityNode): vscode.TreeItem;
    /** When the tree will re-render by itself next (a token expiry or an "expires in" minute). */
    readonly nextRefreshAt: Date | undefined;
    /** Fires whenever the view is told to re-render (by a change, a command or its own timer). */
    onDidChange(listener: () => void): vscode.Disposable;
    /** Moves the tree's clock (statuses, "expires in", its refresh timer) by this much; 0 restores it. */
    setClockOffset(milliseconds: number): void;
  };
  /** Every notification and status-bar message shown, oldest first (texts and button titles). */
  readonly messages: readonly ShownMessage[];
  clearMessages(): void;
  /** The answer queue consumed by quick picks, input boxes and modal dialogs. */
  readonly prompts: {
    push(...answers: PromptAnswer[]): void;
    readonly pending: number;
    /** Every prompt shown (queued or real), oldest first. */
    readonly records: readonly PromptRecord[];
    /** When true, a prompt with no queued answer throws instead of showing the real UI. */
    strict: boolean;
    clear(): void;
  };
  /** The cancellable progress notifications of network calls now shown. */
  readonly progress: {
    readonly titles: readonly string[];
    /** Presses Cancel on the notifications with this title. */
    cancel(title: string): void;
  };
  /** The SecretStorage keys the extension's records point to (SecretStorage itself cannot list keys in VS Code 1.90). */
  secretKeys(): Promise<string[]>;
  /** Reads through the real `context.secrets`. */
  readSecret(key: string): Promise<string | undefined>;
  /** Drops every in-memory object that holds records and re-creates them from storage, as a new window would. */
  reload(): Promise<void>;
  /** The emulator started by "Start Local Emulator", if running. */
  readonly localEmulator: {
    readonly endpoint: string | undefined;
    stop(): Promise<void>;
    /** What activation runs in the background: start the emulator again if "Local emulator" is listed. */
    resume(): Promise<void>;
  };
}

export interface TestApiParts {
  readonly tree: IdentitiesTreeProvider;
  readonly messages: Messages;
  readonly answers: AnswerQueue;
  readonly progress: ServiceProgress;
  readonly secrets: vscode.SecretStorage;
  readonly registry: () => Registry;
  readonly emulator: EmulatorHost;
  resumeLocalEmulator(): Promise<void>;
  setClockOffset(milliseconds: number): void;
  reload(): void;
}

export function createTestApi(parts: TestApiParts): AcsIdentityTestApi {
  const { tree, messages, answers, progress, emulator } = parts;
  return {
    tree: {
      getChildren: (node) => tree.getChildren(node),
      getTreeItem: (node) => tree.getTreeItem(node),
      get nextRefreshAt() {
        return tree.nextRefreshAt;
      },
      onDidChange: (listener) => tree.onDidChangeTreeData(() => listener()),
      setClockOffset: (milliseconds) => parts.setClockOffset(milliseconds),
    },
    get messages() {
      return messages.all;
    },
    clearMessages: () => messages.clear(),
    prompts: {
      push: (...queued) => answers.push(...queued),
      get pending() {
        return answers.pending;
      },
      get records() {
        return answers.records;
      },
      get strict() {
        return answers.strict;
      },
      set strict(value: boolean) {
        answers.strict = value;
      },
      clear: () => {
        answers.clear();
        answers.records.length = 0;
      },
    },
    progress: {
      get titles() {
        return progress.titles;
      },
      cancel: (title) => progress.cancel(title),
    },
    secretKeys: async () => {
      const registry = parts.registry();
      const keys: string[] = [];
      for (const resource of await registry.listResources()) {
        keys.push(Registry.secretKeyForConnectionString(resource.id));
        for (const user of await registry.listUsers(resource.id)) {
          keys.push(...(await registry.listTokens(resource.id, user.userId)).map((token) => Registry.secretKeyForToken(token)));
        }
      }
      return keys;
    },
    readSecret: (key) => Promise.resolve(parts.secrets.get(key)),
    reload: () => {
      parts.reload();
      return Promise.resolve();
    },
    localEmulator: {
      get endpoint() {
        return emulator.current?.endpoint;
      },
      stop: () => emulator.stop(),
      resume: () => parts.resumeLocalEmulator(),
    },
  };
}
