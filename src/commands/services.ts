import type { BulkIdentities } from '../acs/bulkIdentities';
import type { IdentityWorkflows } from '../acs/identityWorkflows';
import type { Registry } from '../storage/registry';
import type { IdentitiesTreeProvider } from '../tree/identitiesTreeProvider';
import type { Config } from '../platform/config';
import type { ResourceInUse } from '../core/resourceInUse';
import type { EmulatorHost } from '../localEmulator/emulatorHost';
import type { ErrorPresenter } from './flows/errorPresenter';
import type { Invocation } from './flows/options';
import type { Logger } from '../platform/logger';
import type { Messages } from '../ui/messages';
import type { Pickers } from '../ui/pickers';
import type { ServiceProgress } from '../ui/progress';
import type { Prompts } from '../ui/prompts';
import type { TokenClipboard } from '../ui/tokenClipboard';

/** The commands of the sign-in to Azure, which lives in a bundle of its own (see flows/lazySignIn.ts). */
export type SignInCommand = 'addResourceFromAzure' | 'fetchKey' | 'signIn' | 'signOut';

export interface SignInCommands {
  /** Runs a sign-in command, loading the sign-in at its first use. */
  run(command: SignInCommand, invocation: Invocation): Promise<unknown>;
}

/** What command handlers work with, passed to each one (no globals). */
export interface Services {
  readonly registry: Registry;
  readonly workflows: IdentityWorkflows;
  readonly bulk: BulkIdentities;
  readonly config: Config;
  readonly messages: Messages;
  readonly prompter: Prompts;
  readonly pickers: Pickers;
  readonly errors: ErrorPresenter;
  /** Cancellable progress notifications for network calls. */
  readonly progress: ServiceProgress;
  readonly logger: Logger;
  /** Copies tokens (and clears them again when the settings say so). */
  readonly tokenClipboard: TokenClipboard;
  readonly tree: IdentitiesTreeProvider;
  readonly emulator: EmulatorHost;
  /** Told of every token copied, inserted or issued: the status bar shows that resource. */
  readonly resourceInUse: ResourceInUse;
  /** The sign-in to Azure (its bundle loads on first use). */
  readonly signIn: SignInCommands;
  /** The process environment (the quickstarts' connection-string variable is read from it when asked). */
  readonly environment: Readonly<Record<string, string | undefined>>;
}
