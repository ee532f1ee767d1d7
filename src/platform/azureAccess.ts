import * as vscode from 'vscode';
import type { AzureAccount, SessionChange, SessionCredential, SignedOutFlag } from '../azure';
import type { Log } from '../core/log';
import { affectsCloud, configuredCloud, selectedSubscriptions, VsCodeSessions } from './azureSessions';

type AzureSignIn = typeof import('../azure');

/** globalState key: the person signed out in this extension (no token: a flag). */
const SIGNED_OUT_KEY = 'acsIdentity.azure.signedOut';

export type AzureAccessChange = SessionChange | { readonly kind: 'cloudChanged' };

/**
 * The Azure account, loaded on first use: the sign-in bundle (dist/azureSignIn.js, see esbuild.mjs)
 * is required when a sign-in command runs or a resource that uses Microsoft Entra ID is called,
 * never at activation. Until then nothing is asked of VS Code's authentication either.
 */
export class AzureAccess implements vscode.Disposable {
  private account: AzureAccount | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<AzureAccessChange>();
  /** The account in use changed: signed out or switched in VS Code, or another cloud configured. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly log: Log,
  ) {
    this.disposables = [
      vscode.authentication.onDidChangeSessions((event) => void this.sessionsChanged(event.provider.id)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsCloud(event) && this.account) {
          this.account.forget();
          this.changeEmitter.fire({ kind: 'cloudChanged' });
        }
      }),
    ];
  }

  /** The account, loading the sign-in bundle the first time. */
  get(): AzureAccount {
    if (!this.account) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { AzureAccount } = require('../azure') as AzureSignIn;
      const globalState = this.globalState;
      const signedOut: SignedOutFlag = {
        get value() {
          return globalState.get<boolean>(SIGNED_OUT_KEY) === true;
        },
        set: (value) => Promise.resolve(globalState.update(SIGNED_OUT_KEY, value || undefined)),
      };
      this.account = new AzureAccount({ sessions: new VsCodeSessions(), cloud: configuredCloud, selectedSubscriptions, signedOut });
      this.log.info('Loaded the sign-in to Azure');
    }
    return this.account;
  }

  /** For the identity SDK: tokens of the person's session for the resource's tenant (the bundle loads at the first token). */
  credential(tenantId: string): SessionCredential {
    return { getToken: (scopes, options) => this.get().credential(tenantId).getToken(scopes, options) };
  }

  /** The provider VS Code signs in with now (`microsoft`, or `microsoft-sovereign-cloud` for another cloud). */
  get providerId(): string | undefined {
    const cloud = configuredCloud();
    return cloud.ok ? cloud.cloud.providerId : undefined;
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
    this.changeEmitter.dispose();
  }

  /** VS Code says sessions of a provider changed: if it is the one in use, see whether the account is still there. */
  private async sessionsChanged(providerId: string): Promise<void> {
    if (!this.account?.account || providerId !== this.providerId) {
      return;
    }
    const change = await this.account.checkSession();
    if (change) {
      this.log.info(change.kind === 'signedOut' ? 'Signed out of Azure in VS Code' : 'Another Azure account is signed in');
      this.changeEmitter.fire(change);
    }
  }
}
