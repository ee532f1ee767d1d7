import { exchangedTokenScopes, teamsUserId } from '../core/teamsUsers';
import type { TokenScope } from '../shared/scopes';
import type { NewToken, NewUserDetails, OperationMark, Registry } from '../storage/registry';
import type { AcsIdentityClient } from './identityClient';
import type { IdentityClients } from './identityClients';

export interface UserWithToken {
  readonly userId: string;
  readonly token: string;
  readonly expiresOn: Date;
}

/** Each operation calls the service, then records what it did, so the list matches the service. */
export class IdentityWorkflows {
  constructor(
    private readonly registry: Registry,
    private readonly clients: IdentityClients,
  ) {}

  async createUser(resourceId: string, options: { label?: string; signal?: AbortSignal }): Promise<{ userId: string }> {
    const client = await this.clientFor(resourceId);
    return this.whileCreating(resourceId, async (operation) => {
      const { userId } = await client.createUser(options.signal);
      await this.registry.recordCreatedUser(resourceId, { userId, label: options.label, origin: 'created' }, undefined, operation);
      return { userId };
    });
  }

  async createUserAndToken(
    resourceId: string,
    options: { label?: string; scopes: readonly TokenScope[]; lifetimeMinutes: number; signal?: AbortSignal },
  ): Promise<UserWithToken> {
    const client = await this.clientFor(resourceId);
    return this.whileCreating(resourceId, async (operation) => {
      const { userId, token, expiresOn } = await client.createUserAndToken(options.scopes, options.lifetimeMinutes, options.signal);
      const issuedAt = new Date();
      await this.registry.recordCreatedUser(
        resourceId,
        { userId, label: options.label, origin: 'created', createdAt: issuedAt },
        { value: token, scopes: options.scopes, issuedAt, expiresOn },
        operation,
      );
      return { userId, token, expiresOn };
    });
  }

  async issueToken(
    resourceId: string,
    userId: string,
    options: { scopes: readonly TokenScope[]; lifetimeMinutes: number; signal?: AbortSignal },
  ): Promise<UserWithToken> {
    const client = await this.clientFor(resourceId);
    const { token, expiresOn } = await client.issueToken(userId, options.scopes, options.lifetimeMinutes, options.signal);
    // A user known by id only through this call (e.g. from another extension) joins the list.
    await this.recordToken(resourceId, userId, { origin: 'added' }, { value: token, scopes: options.scopes, issuedAt: new Date(), expiresOn });
    return { userId, token, expiresOn };
  }

  /**
   * Exchanges a Teams user's Entra ID token for an ACS token and records it under the Teams user
   * (who joins the list at its first exchange). The Entra ID token is passed on, never kept.
   */
  async exchangeTeamsUserToken(
    resourceId: string,
    request: { teamsToken: string; appId: string; userObjectId: string; signal?: AbortSignal },
  ): Promise<UserWithToken> {
    const client = await this.clientFor(resourceId);
    const { token, expiresOn } = await client.exchangeTeamsUserToken(request.teamsToken, request.appId, request.userObjectId, request.signal);
    const userId = teamsUserId(token, request.userObjectId);
    await this.recordToken(resourceId, userId, { origin: 'added', kind: 'teamsUser' }, { value: token, scopes: exchangedTokenScopes(token), issuedAt: new Date(), expiresOn });
    return { userId, token, expiresOn };
  }

  async revokeTokens(resourceId: string, userId: string, signal?: AbortSignal): Promise<void> {
    await (await this.clientFor(resourceId)).revokeTokens(userId, signal);
    if (await this.registry.getUser(resourceId, userId)) {
      await this.registry.markTokensRevoked(resourceId, userId, new Date());
    }
  }

  /** Deletes the user in ACS, then from the list. */
  async deleteUser(resourceId: string, userId: string, signal?: AbortSignal): Promise<void> {
    await (await this.clientFor(resourceId)).deleteUser(userId, signal);
    await this.registry.forgetUser(resourceId, userId);
  }

  /** A creation is marked in the records while under way: a window closed meanwhile leaves the mark (see Registry.beginOperation). */
  /** Records a token the service issued to `userId`, listing the user first (as `newUser`) if the list lacks it. */
  private async recordToken(resourceId: string, userId: string, newUser: Omit<NewUserDetails, 'userId'>, token: NewToken): Promise<void> {
    if (!(await this.registry.getUser(resourceId, userId))) {
      await this.registry.addUser(resourceId, userId, newUser);
    }
    await this.registry.addToken(resourceId, userId, token);
  }

  private async whileCreating<T>(resourceId: string, create: (operation: OperationMark) => Promise<T>): Promise<T> {
    const operation = await this.registry.beginOperation('createUser', resourceId);
    try {
      return await create(operation);
    } finally {
      // Already ended with the record of the user when the creation succeeded.
      await operation.end();
    }
  }

  private clientFor(resourceId: string): Promise<AcsIdentityClient> {
    return this.clients.forResource(resourceId);
  }
}
