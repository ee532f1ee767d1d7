import type { CommunicationIdentityClient } from '@azure/communication-identity';
import type { AcsConnectionString } from '../core/connectionString';
import type { TokenScope } from '../shared/scopes';

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

/** The identity operations the extension uses, over the official SDK. */
export class AcsIdentityClient {
  private readonly client: CommunicationIdentityClient;

  /** `retries: false` for bulk operations, which pace themselves on the service's 429s. */
  constructor(access: IdentityAccess, options: { retries?: boolean } = {}) {
    const retryOptions = options.retries === false ? { retryOptions: { maxRetries: 0 } } : {};
    const { CommunicationIdentityClient } = loadSdk();
    this.client =
      'credential' in access
        ? new CommunicationIdentityClient(access.endpoint, access.credential, retryOptions)
        : // The SDK refuses plain http unless told otherwise; only the local emulator (loopback) may use it.
          new CommunicationIdentityClient(access.canonical, { allowInsecureConnection: access.isLoopback, ...retryOptions });
  }

  async createUser(signal?: AbortSignal): Promise<{ userId: string }> {
    const user = await this.client.createUser({ abortSignal: signal });
    return { userId: user.communicationUserId };
  }

  async createUserAndToken(scopes: readonly TokenScope[], lifetimeMinutes: number, signal?: AbortSignal): Promise<{ userId: string } & IssuedToken> {
    const result = await this.client.createUserAndToken([...scopes], { tokenExpiresInMinutes: lifetimeMinutes, abortSignal: signal });
    return { userId: result.user.communicationUserId, token: result.token, expiresOn: result.expiresOn };
  }

  async issueToken(userId: string, scopes: readonly TokenScope[], lifetimeMinutes: number, signal?: AbortSignal): Promise<IssuedToken> {
    const result = await this.client.getToken({ communicationUserId: userId }, [...scopes], {
      tokenExpiresInMinutes: lifetimeMinutes,
      abortSignal: signal,
    });
    return { token: result.token, expiresOn: result.expiresOn };
  }

  async revokeTokens(userId: string, signal?: AbortSignal): Promise<void> {
    await this.client.revokeTokens({ communicationUserId: userId }, { abortSignal: signal });
  }

  async deleteUser(userId: string, signal?: AbortSignal): Promise<void> {
    await this.client.deleteUser({ communicationUserId: userId }, { abortSignal: signal });
  }
}
