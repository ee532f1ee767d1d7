// The test seam: what integration tests need and `vscode` cannot give them. `activate()` returns
// it only in an extension host started for tests (ExtensionMode.Test), never to other extensions
// in normal use: it can read secrets. It holds nothing itself: tests subscribe to what they record.
import type * as vscode from 'vscode';
import { authenticationOf } from './core/records';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { EmulatorHost } from './localEmulator/emulatorHost';
import { Registry } from './storage/registry';
import type { IdentitiesTreeProvider } from './tree/identitiesTreeProvider';
import type { IdentityNode } from './tree/nodes';
import type { Messages, ShownMessage } from './ui/messages';
import type { ServiceProgress } from './ui/progress';
import type { Prompter, Prompts } from './ui/prompts';
import type { TokenStatusBar, TokenStatusBarState } from './ui/tokenStatusBar';

export interface AcsIdentityTestApi {
  /** The real tree provider of the "Identities" view. */
  readonly tree: {
    getChildren(node?: IdentityNode): Promise<IdentityNode[]>;
    getTreeItem(node: IdentityNode): vscode.TreeItem;
    /** When the tree will re-render by itself next (a token expiry or an "expires in" minute). */
    readonly nextRefreshAt: Date | undefined;
    /** Fires whenever the view is told to re-render (by a change, a command or its own timer). */
    onDidChange(listener: () => void): vscode.Disposable;
    /** Moves the clock of the tree and the status bar (statuses, "expires in", their timers) by this much; 0 restores it. */
    setClockOffset(milliseconds: number): void;
    /** Re-renders one node (everything when omitted), as a change of its record does. */
    refresh(node?: IdentityNode): void;
    /** Fires after each row the provider gives, to VS Code or anyone else: when the view has its rows (for `npm run bench`). */
    onDidGetTreeItem(listener: (node: IdentityNode) => void): vscode.Disposable;
  };
  /** The status bar item "ACS Identities: Token Expiry" as shown now: visibility, text, tooltip, colour, click. */
  readonly statusBar: TokenStatusBarState;
  /** Fires for every notification and status-bar message shown (texts and buttons). */
  readonly onDidShowMessage: vscode.Event<ShownMessage>;
  /** Every question (quick pick, input box, modal) goes to `prompter` until the disposable is disposed. */
  usePrompter(prompter: Prompter): vscode.Disposable;
  /** The cancellable progress notifications of network calls now shown. */
  readonly progress: {
    readonly titles: readonly string[];
    /** Presses Cancel on the notifications with this title. */
    cancel(title: string): void;
  };
  /** The extension's global storage folder: a new `Registry` over it reads what another window would. */
  readonly storageDirectory: string;
  /** The folder of the extension's log files (`context.logUri`): the "ACS Identities" channel is written there. */
  readonly logDirectory: string;
  /** Fires with every line written to the "ACS Identities" log channel, as written (redacted). */
  readonly onDidLog: vscode.Event<string>;
  /** The extension's globalState and workspaceState, key by key (it keeps nothing there today). */
  mementos(): { readonly global: readonly [string, unknown][]; readonly workspace: readonly [string, unknown][] };
  /** The extension's own `context.secrets`. */
  readonly secrets: vscode.SecretStorage;
  /** Resolves once every write started so far (records and secrets) is done. */
  whenIdle(): Promise<void>;
  /** The SecretStorage keys the records point to (SecretStorage itself cannot list keys in VS Code 1.90); a resource that uses Entra ID has none. */
  secretKeys(): Promise<string[]>;
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
  readonly statusBar: TokenStatusBar;
  readonly clock: Clock;
  readonly messages: Messages;
  readonly prompts: Prompts;
  readonly progress: ServiceProgress;
  readonly registry: Registry;
  readonly storageDirectory: string;
  readonly logDirectory: string;
  readonly logger: Logger;
  readonly globalState: vscode.Memento;
  readonly workspaceState: vscode.Memento;
  readonly secrets: vscode.SecretStorage;
  readonly emulator: EmulatorHost;
  resumeLocalEmulator(): Promise<void>;
}

export function createTestApi(parts: TestApiParts): AcsIdentityTestApi {
  const { tree, statusBar, clock, messages, prompts, progress, registry, emulator } = parts;
  const treeItemListeners = new Set<(node: IdentityNode) => void>();
  let treeItemsObserved = false;
  /** VS Code calls the provider's own getTreeItem: it is wrapped on the first subscription only, so that tests run the provider as shipped. */
  const observeTreeItems = (): void => {
    if (treeItemsObserved) {
      return;
    }
    treeItemsObserved = true;
    const getTreeItem = tree.getTreeItem.bind(tree);
    tree.getTreeItem = (node) => {
      const item = getTreeItem(node);
      treeItemListeners.forEach((listener) => listener(node));
      return item;
    };
  };
  return {
    tree: {
      getChildren: (node) => tree.getChildren(node),
      getTreeItem: (node) => tree.getTreeItem(node),
      get nextRefreshAt() {
        return tree.nextRefreshAt;
      },
      onDidChange: (listener) => tree.onDidChangeTreeData(() => listener()),
      setClockOffset: (milliseconds) => {
        clock.setOffset(milliseconds);
        tree.refresh();
        statusBar.refresh();
      },
      refresh: (node) => tree.refresh(node),
      onDidGetTreeItem: (listener) => {
        observeTreeItems();
        treeItemListeners.add(listener);
        return { dispose: () => treeItemListeners.delete(listener) };
      },
    },
    get statusBar() {
      return statusBar.state;
    },
    onDidShowMessage: messages.onDidShow,
    usePrompter: (prompter) => prompts.use(prompter),
    progress: {
      get titles() {
        return progress.titles;
      },
      cancel: (title) => progress.cancel(title),
    },
    storageDirectory: parts.storageDirectory,
    logDirectory: parts.logDirectory,
    onDidLog: parts.logger.onDidWrite,
    mementos: () => ({
      global: parts.globalState.keys().map((key) => [key, parts.globalState.get(key)]),
      workspace: parts.workspaceState.keys().map((key) => [key, parts.workspaceState.get(key)]),
    }),
    secrets: parts.secrets,
    whenIdle: () => registry.whenIdle(),
    secretKeys: async () => {
      await registry.whenIdle();
      const keys: string[] = [];
      for (const resource of await registry.listResources()) {
        if (authenticationOf(resource) === 'key') {
          keys.push(Registry.secretKeyForConnectionString(resource.id));
        }
        for (const user of await registry.listUsers(resource.id)) {
          keys.push(...(await registry.listTokens(resource.id, user.userId)).map((token) => Registry.secretKeyForToken(token)));
        }
      }
      return keys;
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
