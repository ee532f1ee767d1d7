import * as vscode from 'vscode';
import { AzureAccount, type SessionAccount, type SessionCredential, type SignedOutFlag } from '../azure';
import type { FailureContext } from '../commands/flows/errorPresenter';
import type { SignInDependencies, SignInFeature } from '../commands/flows/lazySignIn';
import type { Invocation } from '../commands/flows/options';
import type { SignInCommand } from '../commands/services';
import { addResourceFromAzure } from './addResourceFromAzure';
import { presentSignInFailure } from './azureMessages';
import { fetchKey } from './fetchKey';
import { announceSessionChange } from './sessionChanges';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { affectsCloud, configuredCloud, selectedSubscriptions, VsCodeSessions } from './vsCodeSessions';

/** globalState key: the person signed out in this extension (a flag; no token is ever stored). */
const SIGNED_OUT_KEY = 'acsIdentity.azure.signedOut';

/**
 * The sign-in to Azure, once loaded: the person's account (VS Code holds its sessions), the
 * commands that use it, and what follows a change of account: a sign-out in VS Code's Accounts
 * menu, another account, another cloud in the `microsoft-sovereign-cloud.*` settings.
 */
export class AzureSignIn implements SignInFeature {
  readonly account: AzureAccount;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly dependencies: SignInDependencies) {
    const globalState = dependencies.globalState;
    const signedOut: SignedOutFlag = {
      get value() {
        return globalState.get<boolean>(SIGNED_OUT_KEY) === true;
      },
      set: (value) => Promise.resolve(globalState.update(SIGNED_OUT_KEY, value || undefined)),
    };
    this.account = new AzureAccount({ sessions: new VsCodeSessions(), cloud: configuredCloud, selectedSubscriptions, signedOut });
    this.disposables = [
      vscode.authentication.onDidChangeSessions((event) => void this.sessionsChanged(event.provider.id)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsCloud(event)) {
          this.account.forget();
          this.dependencies.accountChanged();
        }
      }),
    ];
  }

  run(command: SignInCommand, invocation: Invocation): Promise<unknown> {
    const services = this.dependencies.services();
    switch (command) {
      case 'addResourceFromAzure':
        return addResourceFromAzure(services, invocation, this.account);
      case 'fetchKey':
        return fetchKey(services, invocation, this.account);
      case 'signIn':
        return signIn(services, this.account);
      case 'signOut':
        return signOut(services, this);
    }
  }

  credential(tenantId: string): SessionCredential {
    return this.account.credential(tenantId);
  }

  present(error: unknown, context: FailureContext): boolean {
    return presentSignInFailure(this.dependencies.services(), error, context);
  }

  /** Signs out in this extension (see AzureAccount.signOut); the account that was in use, if any. */
  async signOut(): Promise<SessionAccount | undefined> {
    const previous = await this.account.signOut();
    this.dependencies.accountChanged();
    return previous;
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }

  /** VS Code says sessions of a provider changed: if it is the one in use, is the account still there? */
  private async sessionsChanged(providerId: string): Promise<void> {
    const cloud = configuredCloud();
    if (!this.account.account || !cloud.ok || cloud.cloud.providerId !== providerId) {
      return;
    }
    const change = await this.account.checkSession();
    if (change) {
      this.dependencies.log.info(change.kind === 'signedOut' ? 'Signed out of Azure in VS Code' : 'Another Azure account is signed in');
      this.dependencies.accountChanged();
      await announceSessionChange(this.dependencies.services(), change, this.account.account);
    }
  }
}
