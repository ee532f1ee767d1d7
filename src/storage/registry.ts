import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { AcsConnectionString } from '../core/connectionString';
import type { TokenScope } from '../shared/scopes';
import { tokenEndsAt } from '../core/tokenStatus';
import { listDirectory, readJson, removeTree, writeJsonAtomically } from './jsonFiles';
import type { ResourceRecord, TokenRecord, UserRecord } from '../core/records';

/** The part of `vscode.SecretStorage` the registry uses; keeping it structural keeps this module vscode-free. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export interface Disposable {
  dispose(): void;
}

/**
 * What the extension knows about resources, users and tokens.
 *
 * Records are files, one per resource, user and token, under the extension's global storage folder:
 *   resources/<resourceId>/resource.json
 *   resources/<resourceId>/users/<encoded user id>/user.json
 *   resources/<resourceId>/users/<encoded user id>/tokens/<tokenId>.json
 * Two windows that create users at the same time write different files, so neither loses an entry
 * (globalState would not do: VS Code writes an extension's whole globalState as one value, last
 * writer wins). Nothing secret is in these files: connection strings and token values are in
 * SecretStorage, under the keys below.
 */
export class Registry {
  private readonly listeners = new Set<() => void>();
  private readonly resourcesDirectory: string;

  constructor(
    rootDirectory: string,
    private readonly secrets: SecretStore,
  ) {
    this.resourcesDirectory = path.join(rootDirectory, 'resources');
  }

  static secretKeyForConnectionString(resourceId: string): string {
    return `acsIdentity.connectionString/${resourceId}`;
  }

  static secretKeyForToken(token: Pick<TokenRecord, 'resourceId' | 'tokenId'>): string {
    return `acsIdentity.token/${token.resourceId}/${token.tokenId}`;
  }

  /** Fired after every change made through this instance (another window's changes are not seen here). */
  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async listResources(): Promise<ResourceRecord[]> {
    const resources = await this.readAll<ResourceRecord>(this.resourcesDirectory, (name) => this.resourceFile(name));
    return resources.sort((a, b) => a.name.localeCompare(b.name) || a.addedAt.localeCompare(b.addedAt));
  }

  getResource(resourceId: string): Promise<ResourceRecord | undefined> {
    return readJson<ResourceRecord>(this.resourceFile(resourceId));
  }

  async findResourceByEndpoint(endpoint: string): Promise<ResourceRecord | undefined> {
    return (await this.listResources()).find((resource) => resource.endpoint === endpoint);
  }

  async addResource(name: string, connection: AcsConnectionString, options: { isLocalEmulator?: boolean } = {}): Promise<ResourceRecord> {
    const resource: ResourceRecord = {
      id: randomUUID(),
      name,
      endpoint: connection.endpoint,
      host: connection.host,
      addedAt: new Date().toISOString(),
      isLocalEmulator: options.isLocalEmulator ?? false,
    };
    // The secret first: a listed resource always has its connection string.
    await this.secrets.store(Registry.secretKeyForConnectionString(resource.id), connection.canonical);
    await writeJsonAtomically(this.resourceFile(resource.id), resource);
    this.changed();
    return resource;
  }

  async updateResourceConnection(resourceId: string, connection: AcsConnectionString): Promise<ResourceRecord> {
    const resource = { ...(await this.requireResource(resourceId)), endpoint: connection.endpoint, host: connection.host };
    await this.secrets.store(Registry.secretKeyForConnectionString(resourceId), connection.canonical);
    await writeJsonAtomically(this.resourceFile(resourceId), resource);
    this.changed();
    return resource;
  }

  async getConnectionString(resourceId: string): Promise<string | undefined> {
    return this.secrets.get(Registry.secretKeyForConnectionString(resourceId));
  }

  async removeResource(resourceId: string): Promise<void> {
    // Secrets before records: a crash in between leaves a listed resource to remove again, never an orphaned secret.
    for (const user of await this.listUsers(resourceId)) {
      await this.deleteTokenSecrets(user);
    }
    await this.secrets.delete(Registry.secretKeyForConnectionString(resourceId));
    await removeTree(this.resourceDirectory(resourceId));
    this.changed();
  }

  async listUsers(resourceId: string): Promise<UserRecord[]> {
    const usersDirectory = path.join(this.resourceDirectory(resourceId), 'users');
    const users = await this.readAll<UserRecord>(usersDirectory, (name) => path.join(usersDirectory, name, 'user.json'));
    return users.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.userId.localeCompare(b.userId));
  }

  getUser(resourceId: string, userId: string): Promise<UserRecord | undefined> {
    return readJson<UserRecord>(this.userFile(resourceId, userId));
  }

  /** Records a user; for one already known, keeps its record and only updates the label if one is given. */
  async addUser(resourceId: string, userId: string, details: { label?: string; origin: 'created' | 'added'; createdAt?: Date }): Promise<UserRecord> {
    await this.requireResource(resourceId);
    const existing = await this.getUser(resourceId, userId);
    const user: UserRecord = existing
      ? { ...existing, label: normalizeLabel(details.label) ?? existing.label }
      : {
          resourceId,
          userId,
          label: normalizeLabel(details.label),
          createdAt: (details.createdAt ?? new Date()).toISOString(),
          origin: details.origin,
        };
    await writeJsonAtomically(this.userFile(resourceId, userId), user);
    this.changed();
    return user;
  }

  async renameUser(resourceId: string, userId: string, label: string | undefined): Promise<UserRecord> {
    const user = { ...(await this.requireUser(resourceId, userId)), label: normalizeLabel(label) };
    await writeJsonAtomically(this.userFile(resourceId, userId), user);
    this.changed();
    return user;
  }

  async markTokensRevoked(resourceId: string, userId: string, at: Date): Promise<UserRecord> {
    const user = await this.requireUser(resourceId, userId);
    // Every token recorded so far was issued before the revocation, even within the clock's resolution.
    const newestIssue = Math.max(0, ...(await this.listTokens(resourceId, userId)).map((token) => Date.parse(token.issuedAt)));
    const revoked = { ...user, tokensRevokedAt: new Date(Math.max(at.getTime(), newestIssue)).toISOString() };
    await writeJsonAtomically(this.userFile(resourceId, userId), revoked);
    this.changed();
    return revoked;
  }

  /** Removes the user from the list (and its token values from SecretStorage); the user still exists in ACS. */
  async forgetUser(resourceId: string, userId: string): Promise<void> {
    const user = await this.getUser(resourceId, userId);
    if (user) {
      await this.deleteTokenSecrets(user);
    }
    await removeTree(this.userDirectory(resourceId, userId));
    this.changed();
  }

  async listTokens(resourceId: string, userId: string): Promise<TokenRecord[]> {
    const tokensDirectory = path.join(this.userDirectory(resourceId, userId), 'tokens');
    const tokens = await this.readAll<TokenRecord>(tokensDirectory, (name) => path.join(tokensDirectory, name));
    return tokens.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  }

  async addToken(
    resourceId: string,
    userId: string,
    token: { value: string; scopes: readonly TokenScope[]; issuedAt: Date; expiresOn: Date },
  ): Promise<TokenRecord> {
    const user = await this.requireUser(resourceId, userId);
    // A token issued after a revocation counts as newer than it, even within the clock's resolution.
    const revokedAt = user.tokensRevokedAt === undefined ? -Infinity : Date.parse(user.tokensRevokedAt);
    const record: TokenRecord = {
      resourceId,
      userId,
      tokenId: randomUUID(),
      scopes: [...token.scopes],
      issuedAt: new Date(Math.max(token.issuedAt.getTime(), revokedAt + 1)).toISOString(),
      expiresOn: token.expiresOn.toISOString(),
    };
    await this.secrets.store(Registry.secretKeyForToken(record), token.value);
    await writeJsonAtomically(this.tokenFile(record), record);
    this.changed();
    return record;
  }

  /**
   * Forgets the tokens that stopped working (expired or revoked) more than `retentionMs` before
   * `now`, their values included: they can never work again, and credentials should not pile up in
   * SecretStorage. Until then they stay listed, marked, so that a person sees what happened.
   */
  async pruneEndedTokens(now: Date, retentionMs: number): Promise<number> {
    let pruned = 0;
    for (const resource of await this.listResources()) {
      for (const user of await this.listUsers(resource.id)) {
        for (const token of await this.listTokens(resource.id, user.userId)) {
          if (tokenEndsAt(token, user).getTime() < now.getTime() - retentionMs) {
            await this.secrets.delete(Registry.secretKeyForToken(token));
            await removeTree(this.tokenFile(token));
            pruned++;
          }
        }
      }
    }
    if (pruned > 0) {
      this.changed();
    }
    return pruned;
  }

  getTokenValue(token: TokenRecord): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(Registry.secretKeyForToken(token)));
  }

  private async deleteTokenSecrets(user: UserRecord): Promise<void> {
    for (const token of await this.listTokens(user.resourceId, user.userId)) {
      await this.secrets.delete(Registry.secretKeyForToken(token));
    }
  }

  private async requireResource(resourceId: string): Promise<ResourceRecord> {
    const resource = await this.getResource(resourceId);
    if (!resource) {
      throw new RecordNotFoundError('resource');
    }
    return resource;
  }

  private async requireUser(resourceId: string, userId: string): Promise<UserRecord> {
    const user = await this.getUser(resourceId, userId);
    if (!user) {
      throw new RecordNotFoundError('user');
    }
    return user;
  }

  /** Reads every record of a folder; an entry another window is writing or deleting right now is skipped. */
  private async readAll<T>(directory: string, fileOf: (entryName: string) => string): Promise<T[]> {
    const names = (await listDirectory(directory)).filter((name) => !name.endsWith('.tmp'));
    const records = await Promise.all(names.map((name) => readJson<T>(fileOf(name))));
    return records.filter((record): record is Awaited<T> => record !== undefined);
  }

  private resourceDirectory(resourceId: string): string {
    return path.join(this.resourcesDirectory, safeSegment(resourceId));
  }

  private resourceFile(resourceId: string): string {
    return path.join(this.resourceDirectory(resourceId), 'resource.json');
  }

  private userDirectory(resourceId: string, userId: string): string {
    return path.join(this.resourceDirectory(resourceId), 'users', safeSegment(userId));
  }

  private userFile(resourceId: string, userId: string): string {
    return path.join(this.userDirectory(resourceId, userId), 'user.json');
  }

  private tokenFile(token: TokenRecord): string {
    return path.join(this.userDirectory(token.resourceId, token.userId), 'tokens', `${safeSegment(token.tokenId)}.json`);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}

/** Thrown when a resource or user is not (or no longer) in the list, e.g. removed from another window. */
export class RecordNotFoundError extends Error {
  constructor(readonly record: 'resource' | 'user') {
    super(`The ${record} is not in the list.`);
    this.name = 'RecordNotFoundError';
  }
}

/** A file-name-safe form of an id (`8:acs:…` has colons, which Windows forbids); reversible, never `.` or `..`. */
function safeSegment(id: string): string {
  return encodeURIComponent(id).replace(/\./g, '%2E');
}

function normalizeLabel(label: string | undefined): string | undefined {
  const trimmed = label?.trim();
  return trimmed ? trimmed : undefined;
}
