import * as path from 'node:path';
import * as vscode from 'vscode';
import { IdentityWorkflows } from './acs/identityWorkflows';
import { CommandId } from './commands/commandIds';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { addOrUpdateEmulatorResource } from './commands/startEmulator';
import { Registry } from './storage/registry';
import { createTestApi, isTestHost, type AcsIdentityTestApi } from './testApi';
import { IdentitiesTreeProvider } from './tree/identitiesTreeProvider';
import { AnswerQueue } from './ui/answerQueue';
import { ClaimsDocuments, CLAIMS_SCHEME } from './ui/claimsDocuments';
import { Config } from './ui/config';
import { setViewState } from './ui/contextKeys';
import { EmulatorHost } from './ui/emulatorHost';
import { ErrorPresenter } from './ui/errorPresenter';
import { Logger } from './ui/logger';
import { Messages } from './ui/messages';
import { Pickers } from './ui/pickers';
import { Prompter } from './ui/prompts';

export const VIEW_ID = 'acsIdentity.identities';
/** Set by `npm start`, which runs an emulator itself: it is listed as "Local emulator". */
export const EMULATOR_CONNECTION_STRING_VARIABLE = 'ACS_IDENTITY_EMULATOR_CONNECTION_STRING';

let emulatorToStop: EmulatorHost | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AcsIdentityTestApi | undefined> {
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

  const emulatorConnectionString = process.env[EMULATOR_CONNECTION_STRING_VARIABLE];
  if (emulatorConnectionString) {
    try {
      await addOrUpdateEmulatorResource(registry, emulatorConnectionString);
    } catch (error) {
      logger.error(`Could not list the emulator of ${EMULATOR_CONNECTION_STRING_VARIABLE}`, error);
    }
  }
  logger.info('Activated');

  if (!isTestHost(context.extensionMode, vscode.ExtensionMode.Test)) {
    return undefined;
  }
  return createTestApi({
    tree,
    messages,
    answers,
    secrets: context.secrets,
    registry: () => registry,
    emulator,
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
