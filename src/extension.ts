import * as path from 'node:path';
import * as vscode from 'vscode';
import { IdentityWorkflows } from './acs/identityWorkflows';
import { CommandId } from './commands/commandIds';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { resumeLocalEmulator } from './commands/startEmulator';
import { Registry } from './storage/registry';
import { createTestApi, type AcsIdentityTestApi } from './testApi';
import { AnswerQueue } from './testing/answerQueue';
import { IdentitiesTreeProvider } from './tree/identitiesTreeProvider';
import { ClaimsDocuments, CLAIMS_SCHEME } from './ui/claimsDocuments';
import { Config } from './platform/config';
import { setViewState } from './platform/contextKeys';
import { EmulatorHost } from './localEmulator/emulatorHost';
import { ErrorPresenter } from './ui/errorPresenter';
import { Logger } from './platform/logger';
import { Messages } from './ui/messages';
import { Pickers } from './ui/pickers';
import { ServiceProgress } from './ui/progress';
import { Prompter } from './ui/prompts';

export const VIEW_ID = 'acsIdentity.identities';
/** Set to 1 by `npm start`: activation starts the local emulator (or uses another window's) and lists it. */
const START_EMULATOR_VARIABLE = 'ACS_IDENTITY_START_EMULATOR';

let emulatorToStop: EmulatorHost | undefined;

const ENDED_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

export function activate(context: vscode.ExtensionContext): AcsIdentityTestApi | undefined {
  const logger = new Logger('ACS Identities');
  context.subscriptions.push(logger);
  const answers = new AnswerQueue();
  const messages = new Messages((error) => logger.error('A notification button failed', error));
  const prompter = new Prompter(answers);
  const config = new Config();
  const storageDirectory = context.globalStorageUri.fsPath;

  // Records are read from storage on every tree refresh; `reload` (test seam) swaps these two.
  let registry = new Registry(storageDirectory, context.secrets);
  let workflows = new IdentityWorkflows(registry);

  // The tree's clock; only the test seam moves it (to see tokens expire without waiting an hour).
  let clockOffsetMs = 0;
  const tree = new IdentitiesTreeProvider(
    () => registry,
    logger,
    (state) => void setViewState(state),
    () => new Date(Date.now() + clockOffsetMs),
  );
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.setVisible(treeView.visible);
  let registrySubscription = registry.onDidChange(() => tree.refresh());
  const emulator = new EmulatorHost(__dirname, path.join(storageDirectory, 'emulator', 'identities.json'), logger);
  emulatorToStop = emulator;
  const errors = new ErrorPresenter(messages, logger);
  const progress = new ServiceProgress();
  const pickers = new Pickers(() => registry, prompter, messages, config, () => ({
    title: vscode.l10n.t('Add Resource'),
    run: () => vscode.commands.executeCommand(CommandId.addResource),
  }));

  const services: Services = {
    get registry() {
      return registry;
    },
    get workflows() {
      return workflows;
    },
    config,
    messages,
    prompter,
    pickers,
    errors,
    progress,
    logger,
    tree,
    emulator,
    environment: process.env,
  };

  context.subscriptions.push(
    tree,
    treeView,
    { dispose: () => registrySubscription.dispose() },
    treeView.onDidChangeVisibility((event) => tree.setVisible(event.visible)),
    // Another window may have changed the records: its writes are files and secrets we did not make.
    context.secrets.onDidChange(() => tree.refresh()),
    vscode.window.onDidChangeWindowState((state) => state.focused && tree.refresh()),
    vscode.workspace.registerTextDocumentContentProvider(CLAIMS_SCHEME, new ClaimsDocuments(() => registry)),
    ...registerCommands(() => services),
    { dispose: () => void emulator.stop() },
  );

  // After a restart, "Local emulator" points to a port nobody listens on: bring the emulator back.
  // In the background: activation does not wait for it (nor load its bundle before then).
  const resumeEmulator = (): Promise<void> => resumeLocalEmulator(services, process.env[START_EMULATOR_VARIABLE] === '1');
  void resumeEmulator().catch((error: unknown) => logger.error('Could not start the local emulator', error));
  // Tokens that ended a day ago stay marked in the tree until then; after that their values are dead credentials.
  void registry.pruneEndedTokens(new Date(), ENDED_TOKEN_RETENTION_MS).catch((error: unknown) => logger.error('Could not prune ended tokens', error));
  logger.info('Activated');

  // Only an extension host started for tests gets the seam: it can read secrets.
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return createTestApi({
    tree,
    messages,
    answers,
    progress,
    secrets: context.secrets,
    registry: () => registry,
    emulator,
    resumeLocalEmulator: resumeEmulator,
    setClockOffset: (milliseconds) => {
      clockOffsetMs = milliseconds;
      tree.refresh();
    },
    reload: () => {
      registrySubscription.dispose();
      registry = new Registry(storageDirectory, context.secrets);
      workflows = new IdentityWorkflows(registry);
      registrySubscription = registry.onDidChange(() => tree.refresh());
      tree.refresh();
    },
  });
}

/** Stops the in-process emulator (VS Code awaits this before the extension host exits). */
export async function deactivate(): Promise<void> {
  await emulatorToStop?.stop();
  emulatorToStop = undefined;
}
