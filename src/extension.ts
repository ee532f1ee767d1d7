import * as path from 'node:path';
import * as vscode from 'vscode';
import { BulkIdentities } from './acs/bulkIdentities';
import { IdentityClients } from './acs/identityClients';
import { IdentityWorkflows } from './acs/identityWorkflows';
import { CommandId } from './commands/commandIds';
import { ErrorPresenter } from './commands/flows/errorPresenter';
import { LazySignIn } from './commands/flows/lazySignIn';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { EmulatorHost } from './localEmulator/emulatorHost';
import { resumeLocalEmulator } from './localEmulator/localEmulatorResource';
import { Clock } from './platform/clock';
import { Config } from './platform/config';
import { Logger } from './platform/logger';
import { Registry } from './storage/registry';
import { createTestApi, type AcsIdentityTestApi } from './testApi';
import { createIdentitiesView } from './tree/identitiesView';
import { ClaimsDocuments, CLAIMS_SCHEME } from './ui/claimsDocuments';
import { Messages } from './ui/messages';
import { Pickers } from './ui/pickers';
import { ServiceProgress } from './ui/progress';
import { Prompts } from './ui/prompts';

/** Set to 1 by `npm start`: activation starts the local emulator (or uses another window's) and lists it. */
const START_EMULATOR_VARIABLE = 'ACS_IDENTITY_START_EMULATOR';
/** Ended tokens stay listed, marked, for a day; after that their values are dead credentials. */
const ENDED_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

/** What deactivation must wait for: the emulator to stop, and the records' background writes to end. */
let stopping: (() => Promise<void>) | undefined;

/** The composition root: builds each part once, wires them, and starts the background work. */
export function activate(context: vscode.ExtensionContext): AcsIdentityTestApi | undefined {
  const logger = new Logger('ACS Identities');
  const storageDirectory = context.globalStorageUri.fsPath;
  const registry = new Registry(storageDirectory, context.secrets, logger);
  const clock = new Clock();
  const view = createIdentitiesView(registry, context.secrets, logger, clock);
  const messages = new Messages(logger);
  const prompts = new Prompts();
  const progress = new ServiceProgress();
  const config = new Config();
  // The SDK clients of resources that use Entra ID hold the account's tokens: a change of account drops them.
  const signIn = new LazySignIn({ globalState: context.globalState, log: logger, services: () => services, accountChanged: () => clients.dropEntraIdClients() });
  const clients = new IdentityClients(registry, (tenantId) => signIn.credential(tenantId));
  const emulator = new EmulatorHost(__dirname, path.join(storageDirectory, 'emulator', 'identities.json'), logger);
  stopping = async () => {
    await emulator.stop();
    await registry.dispose();
  };
  const services: Services = {
    registry,
    workflows: new IdentityWorkflows(registry, clients),
    bulk: new BulkIdentities(registry, clients),
    config,
    messages,
    prompter: prompts,
    pickers: new Pickers(registry, prompts, messages, config, () => ({
      title: vscode.l10n.t('Add Resource'),
      run: () => vscode.commands.executeCommand(CommandId.addResource),
    })),
    errors: new ErrorPresenter(messages, logger, (error, context) => signIn.presentIfOwn(error, context)),
    progress,
    logger,
    tree: view.tree,
    emulator,
    signIn,
    environment: process.env,
  };
  context.subscriptions.push(
    logger,
    messages,
    ...view.disposables,
    vscode.workspace.registerTextDocumentContentProvider(CLAIMS_SCHEME, new ClaimsDocuments(registry)),
    ...registerCommands(services),
    signIn,
    { dispose: () => void stopping?.() },
  );

  // In the background: activation waits neither for the emulator (nor loads its bundle) nor for the pruning.
  const resumeEmulator = (): Promise<void> => resumeLocalEmulator(emulator, registry, logger, process.env[START_EMULATOR_VARIABLE] === '1');
  resumeEmulator().catch((error: unknown) => logger.error('Could not start the local emulator', error));
  registry.pruneEndedTokens(new Date(), ENDED_TOKEN_RETENTION_MS).catch((error: unknown) => logger.error('Could not prune ended tokens', error));
  logger.info('Activated');

  return context.extensionMode === vscode.ExtensionMode.Test
    ? createTestApi({ tree: view.tree, clock, messages, prompts, progress, registry, storageDirectory, secrets: context.secrets, emulator, resumeLocalEmulator: resumeEmulator })
    : undefined;
}

/** Stops the in-process emulator and lets the records' writes finish (VS Code awaits this before the extension host exits). */
export async function deactivate(): Promise<void> {
  const stop = stopping;
  stopping = undefined;
  await stop?.();
}
