// VS Code's Microsoft sign-in without Microsoft, for tests that must not reach the internet: an
// authentication provider registered under the id `microsoft` (or `microsoft-sovereign-cloud`)
// through VS Code's own API, before anything asks for that id, so that VS Code never starts its
// built-in one. It is not a mock of VS Code: the extension calls the real
// `vscode.authentication.getSession`, and VS Code does what it always does (access checks, consent,
// the Accounts menu) with this provider behind it. Used by the integration tests (registered from
// the test code) and by the end-to-end suite (as a test-only extension, test/e2e/fixtures).
import * as vscode from 'vscode';
import { mintAccessToken, type TestAccount } from './entraTokens';

export interface SessionRequest {
  readonly kind: 'getSessions' | 'createSession' | 'removeSession';
  readonly scopes: readonly string[];
}

/**
 * Like VS Code's (MSAL) Microsoft provider: one account at a time; a session for any scopes, with
 * a token minted for them (in the tenant a `VSCODE_TENANT:` scope names); `onDidChangeSessions` on
 * sign-in and sign-out. Tokens are JWTs the emulator accepts (it cannot check Entra ID signatures).
 */
export class FakeMicrosoftAuthentication implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changes.event;
  /** Every call VS Code made, oldest first. */
  readonly requests: SessionRequest[] = [];
  /** Every token handed out (the tests check none of them is stored or shown). */
  readonly issuedTokens: string[] = [];
  /** Who signs in at the next sign-in. */
  person: TestAccount;
  /** Lifetime of the tokens handed out, in seconds. */
  tokenLifetimeSeconds = 3600;
  /** This many of the next tokens are already expired, as from a cache the provider has not renewed yet. */
  staleTokens = 0;
  private signedIn: TestAccount | undefined;
  private readonly registration: vscode.Disposable;

  constructor(readonly providerId: string, label: string, person: TestAccount) {
    this.person = person;
    this.registration = vscode.authentication.registerAuthenticationProvider(providerId, label, this, { supportsMultipleAccounts: false });
  }

  get account(): TestAccount | undefined {
    return this.signedIn;
  }

  getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    this.requests.push({ kind: 'getSessions', scopes: scopes ?? [] });
    return Promise.resolve(this.signedIn ? [this.session(this.signedIn, scopes ?? [])] : []);
  }

  createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    this.requests.push({ kind: 'createSession', scopes });
    this.signedIn = this.person;
    const session = this.session(this.person, scopes);
    this.changes.fire({ added: [session], removed: [], changed: [] });
    return Promise.resolve(session);
  }

  /** What Accounts › Sign Out does. */
  removeSession(): Promise<void> {
    this.requests.push({ kind: 'removeSession', scopes: [] });
    const removed = this.signedIn && this.session(this.signedIn, []);
    this.signedIn = undefined;
    if (removed) {
      this.changes.fire({ added: [], removed: [removed], changed: [] });
    }
    return Promise.resolve();
  }

  /** The requests since `from` (an index of `requests`) for a scope starting with `audience`. */
  requestsFor(audience: string, from = 0): SessionRequest[] {
    return this.requests.slice(from).filter((request) => request.scopes.some((scope) => scope.startsWith(audience)));
  }

  dispose(): void {
    this.registration.dispose();
    this.changes.dispose();
  }

  /** VS Code also lists sessions without scopes (for its Accounts menu): those carry no token. */
  private session(person: TestAccount, scopes: readonly string[]): vscode.AuthenticationSession {
    let accessToken = '';
    if (scopes.length > 0) {
      const stale = this.staleTokens > 0;
      this.staleTokens = Math.max(0, this.staleTokens - 1);
      accessToken = mintAccessToken(person, scopes, { lifetimeSeconds: stale ? -60 : this.tokenLifetimeSeconds });
      this.issuedTokens.push(accessToken);
    }
    return { id: `session-${person.objectId}`, accessToken, account: { id: person.objectId, label: person.userName }, scopes };
  }
}
