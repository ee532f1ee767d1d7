import type * as vscode from 'vscode';
import type { AccessTokenCredential } from '../../acs/identityClient';
import { isAzureFailure } from '../../azure/azureFailure';
import type { Log } from '../../core/log';
import { classifyServiceError } from '../../core/serviceErrors';
import type { Services, SignInCommand, SignInCommands } from '../services';
import type { FailureContext } from './errorPresenter';
import type { Invocation } from './options';

/** What the sign-in bundle (src/signIn, dist/azureSignIn.js) gives the extension once loaded. */
export interface SignInFeature extends SignInCommands {
  /** The person's Entra ID tokens for a tenant, from VS Code's session, for the identity SDK. */
  credential(tenantId: string): AccessTokenCredential;
  /** Presents a failure of signing in or of Resource Manager, or a refusal by a resource added from Azure; false for any other. */
  present(error: unknown, context: FailureContext): boolean;
  dispose(): void;
}

export interface SignInDependencies {
  readonly globalState: vscode.Memento;
  readonly log: Log;
  /** The commands' services (the feature announces sign-in changes with them). */
  services(): Services;
  /** The account or cloud in use changed: what holds the previous one's tokens must let go. */
  accountChanged(): void;
}

export interface SignInModule {
  createSignInFeature(dependencies: SignInDependencies): SignInFeature;
}

/**
 * The sign-in to Azure, loaded at its first use: a sign-in command, a resource that uses
 * Microsoft Entra ID, or a failure only it can explain. Activation loads none of it and asks
 * nothing of VS Code's authentication. `load` comes from the composition root (extension.ts),
 * the one place above the sign-in, whose `require` esbuild.mjs turns into a bundle of its own.
 */
export class LazySignIn implements SignInCommands {
  private feature: SignInFeature | undefined;

  constructor(
    private readonly load: () => SignInModule,
    private readonly dependencies: SignInDependencies,
  ) {}

  private get(): SignInFeature {
    if (!this.feature) {
      this.feature = this.load().createSignInFeature(this.dependencies);
      this.dependencies.log.info('Loaded the sign-in to Azure');
    }
    return this.feature;
  }

  run(command: SignInCommand, invocation: Invocation): Promise<unknown> {
    return this.get().run(command, invocation);
  }

  /** A credential that loads the feature at its first token. */
  credential(tenantId: string): AccessTokenCredential {
    return { getToken: (scopes, options) => this.get().credential(tenantId).getToken(scopes, options) };
  }

  /** The failures only the sign-in can explain: its own, and those of resources added from Azure (whose key or role it knows how to fix). */
  presentIfOwn(error: unknown, context: FailureContext): boolean {
    const own = isAzureFailure(error) || (context.resource?.azure !== undefined && classifyServiceError(error).kind === 'keyRejected');
    return own && this.get().present(error, context);
  }

  dispose(): void {
    this.feature?.dispose();
  }
}
