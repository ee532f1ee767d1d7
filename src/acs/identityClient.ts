import type { CommunicationIdentityClient } from '@azure/communication-identity';
import type { AcsConnectionString } from '../core/connectionString';
import type { TokenScope } from '../shared/scopes';
import { ServiceCalls } from './serviceCalls';

/** Structurally `TokenCredential` of @azure/core-auth: where the SDK gets Microsoft Entra ID tokens. */
export interface AccessTokenCredential {
  getToken(scopes: string | string[], options?: { tenantId?: string }): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/** How the SDK authenticates: with the resource's key, or with Entra ID tokens (which it sends over https only). */
export type IdentityAccess = AcsConnectionString | { readonly endpoint: string; readonly credential: AccessTokenCredential };

export interface IssuedToken {
  readonly token: string;
  readonly expiresOn: Date;
}

export interface IdentityClientOptions {
  /** `false` for bulk operations, which pace themselves on the service's 429s. */
  readonly retries?: boolean;
  /** How long one call (its retries included) may take, read at each call; 0 or absent: no limit. */
  readonly timeoutMs?: () => number;
}

type IdentitySdk = typeof import('@azure/communication-identity');
let sdk: IdentitySdk | undefined;

/**
 * The SDK on first use: the extension's bundle leaves it out (esbuild.mjs makes it dist/identitySdk.js),
 * so that activation, which draws the tree from the records alone, does not load and evaluate it.
 */
function loadSdk(): IdentitySdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk ??= require('@azure/communication-identity') as IdentitySdk;
  return sdk;
}

/**
 * The identity operations the extension uses, over the official SDK. Each call ends by itself
 * after the time allowed, and a failure says whether it was cancelled, timed out or cut off
 * after sending (serviceCalls.ts).
 */
export class AcsIdentityClient {
  private readonly client: CommunicationIdentityClient;
  private readonly calls = new ServiceCalls();

  constructor(
    access: IdentityAccess,
    private readonly options: IdentityClientOptions = {},
  ) {
    const common = {
      additionalPolicies: [{ policy: this.calls.policy, position: 'perRetry' as const }],
      ...(options.retries === false ? { retryOptions: { maxRetries: 0 } } : {}),
    };
    const { CommunicationIdentityClient } = loadSdk();
    this.client =
      'credential' in access
        ? new CommunicationIdentityClient(access.endpoint, access.credential, common)
        : // The SDK refuses plain http unless told otherwise; only the local emulator (loopback) may use it.
          new CommunicationIdentityClient(access.canonical, { allowInsecureConnection: access.isLoopback, ...common });
  }

  async createUser(signal?: AbortSignal): Promise<{ userId: string }> {
    const user = await this.call(signal, (abortSignal) => this.client.createUser({ abortSignal }));
    return { userId: user.communicationUserId };
  }

  async createUserAndToken(scopes: readonly TokenScope[], lifetimeMinutes: number, signal?: AbortSignal): Promise<{ userId: string } & IssuedToken> {
    const result = await this.call(signal, (abortSignal) => this.client.createUserAndToken([...scopes], { tokenExpiresInMinutes: lifetimeMinutes, abortSignal }));
    return { userId: result.user.communicationUserId, token: result.token, expiresOn: result.expiresOn };
  }

  async issueToken(userId: string, scopes: readonly TokenScope[], lifetimeMinutes: number, signal?: AbortSignal): Promise<IssuedToken> {
    const result = await this.call(signal, (abortSignal) =>
      this.client.getToken({ communicationUserId: userId }, [...scopes], { tokenExpiresInMinutes: lifetimeMinutes, abortSignal }),
    );
    return { token: result.token, expiresOn: result.expiresOn };
  }

  /** Exchanges a Teams user's Entra ID access token (never stored, never logged) for an ACS token. */
  async exchangeTeamsUserToken(teamsUserAadToken: string, clientId: string, userObjectId: string, signal?: AbortSignal): Promise<IssuedToken> {
    const result = await this.call(signal, (abortSignal) => this.client.getTokenForTeamsUser({ teamsUserAadToken, clientId, userObjectId, abortSignal }));
    return { token: result.token, expiresOn: result.expiresOn };
  }

  async revokeTokens(userId: string, signal?: AbortSignal): Promise<void> {
    await this.call(signal, (abortSignal) => this.client.revokeTokens({ communicationUserId: userId }, { abortSignal }));
  }

  async deleteUser(userId: string, signal?: AbortSignal): Promise<void> {
    await this.call(signal, (abortSignal) => this.client.deleteUser({ communicationUserId: userId }, { abortSignal }));
  }

  private call<T>(signal: AbortSignal | undefined, operation: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return this.calls.run(signal, this.options.timeoutMs?.() ?? 0, operation);
  }
}
