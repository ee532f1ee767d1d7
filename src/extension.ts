import * as path from 'node:path';
import * as vscode from 'vscode';
import { BulkIdentities } from './acs/bulkIdentities';
import { IdentityClients } from './acs/identityClients';
import { IdentityWorkflows } from './acs/identityWorkflows';
import { CommandId } from './commands/commandIds';
import { ResourceInUse } from './core/resourceInUse';
import { ErrorPresenter } from './commands/flows/errorPresenter';
import { LazySignIn, type SignInModule } from './commands/flows/lazySignIn';
import { registerCommands } from './commands/registerCommands';
import type { Services } from './commands/services';
import { EmulatorHost } from './localEmulator/emulatorHost';
import { resumeLocalEmulator } from './localEmulator/localEmulatorResource';
import { Clock } from './platform/clock';
import { Config } from './platform/config';
import { Logger } from './platform/logger';
import { localEmulatorName } from './platform/wording';
import { Registry } from './storage/registry';
import { createTestApi, type AcsIdentityTestApi } from './testApi';
import { createIdentitiesView, IDENTITIES_VIEW_ID } from './tree/identitiesView';
import { ClaimsDocuments, CLAIMS_SCHEME } from './ui/claimsDocuments';
import { reportInterruptedOperations } from './ui/interruptedOperations';
import { Messages } from './ui/messages';
import { Pickers } from './ui/pickers';
import { ServiceProgress } from './ui/progress';
import { Prompts } from './ui/prompts';
import { TokenStatusBar } from './ui/tokenStatusBar';
import { TokenClipboard } from './ui/tokenClipboard';

/** Set to 1 by `npm start`: activation starts the local emulator (or uses another window's) and lists it. */
const START_EMULATOR_VARIABLE = 'ACS_IDENTITY_START_EMULATOR';
/** Ended tokens stay listed, marked, for a day; after that their values are dead credentials. */
const ENDED_TOKEN_RETENTION_MS = 24 * 60 * 60 * 1000;

/** What deactivation must wait for: the emulator to stop, and the records' background writes to end. */
let stopping: (() => Promise<void>) | undefined;

/** The sign-in to Azure, required at its first use: esbuild.mjs makes it a bundle of its own (dist/azureSignIn.js). */
function loadSignIn(): SignInModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./signIn') as SignInModule;
}

/** The composition root: builds each part once, wires them, and starts the background work. */
export function activate(context: vscode.ExtensionContext): AcsIdentityTestApi | undefined {
  const logger = new Logger('ACS Identities');
  const storageDirectory = context.globalStorageUri.fsPath;
  const registry = new Registry(storageDirectory, context.secrets, logger);
  const clock = new Clock();
  const view = createIdentitiesView(registry, logger, clock);
  const messages = new Messages(logger);
  const prompts = new Prompts();
  const progress = new ServiceProgress();
  const config = new Config();
  // The SDK clients of resources that use Entra ID hold the account's tokens: a change of account drops them.
  const signIn = new LazySignIn(loadSignIn, { globalState: context.globalState, log: logger, services: () => services, accountChanged: () => clients.dropEntraIdClients() });
  const clients = new IdentityClients(registry, (tenantId) => signIn.credential(tenantId), () => config.requestTimeoutSeconds * 1000);
  const resourceInUse = new ResourceInUse();
  const statusBar = new TokenStatusBar(registry, resourceInUse, config, clock, { copyToken: CommandId.copyToken, showView: `${IDENTITIES_VIEW_ID}.focus` });
  const emulator = new EmulatorHost(__dirname, path.join(storageDirectory, 'emulator', 'identities.json'), logger);
  stopping = async () => {
    await emulator.stop();
    await registry.dispose();
  };
  const tokenClipboard = new TokenClipboard(config, messages);
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
    tokenClipboard,
    tree: view.tree,
    emulator,
    resourceInUse,
    signIn,
    environment: process.env,
  };
  context.subscriptions.push(
    logger,
    messages,
    tokenClipboard,
    ...view.disposables,
    // What the records must hear of: secrets another window changed, and the window getting focus
    // (a moment to read what other windows wrote, should the file system have said nothing).
    context.secrets.onDidChange((event) => registry.forgetCachedSecret(event.key)),
    vscode.window.onDidChangeWindowState((state) => state.focused && void registry.catchUp()),
    statusBar,
    vscode.workspace.registerTextDocumentContentProvider(CLAIMS_SCHEME, new ClaimsDocuments(registry)),
    ...registerCommands(services),
    registry.onDidFindInterruptedOperations((operations) => reportInterruptedOperations(operations, registry.records, messages)),
    signIn,
    { dispose: () => void stopping?.() },
  );

  // In the background: activation waits neither for the emulator (nor loads its bundle) nor for the pruning.
  const resumeEmulator = (): Promise<void> => resumeLocalEmulator(emulator, registry, logger, process.env[START_EMULATOR_VARIABLE] === '1', localEmulatorName());
  resumeEmulator().catch((error: unknown) => logger.error('Could not start the local emulator', error));
  registry.pruneEndedTokens(new Date(), ENDED_TOKEN_RETENTION_MS).catch((error: unknown) => logger.error('Could not prune ended tokens', error));
  logger.info('Activated');

  return context.extensionMode === vscode.ExtensionMode.Test
    ? createTestApi({
        tree: view.tree,
        statusBar,
        clock,
        messages,
        prompts,
        progress,
        registry,
        storageDirectory,
        logDirectory: context.logUri.fsPath,
        logger,
        globalState: context.globalState,
        workspaceState: context.workspaceState,
        secrets: context.secrets,
        emulator,
        resumeLocalEmulator: resumeEmulator,
      })
    : undefined;
}

/** Stops the in-process emulator and lets the records' writes finish (VS Code awaits this before the extension host exits). */
export async function deactivate(): Promise<void> {
  const stop = stopping;
  stopping = undefined;
  await stop?.();
}
