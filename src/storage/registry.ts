import { createHash, randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { AcsConnectionString } from '../core/connectionString';
import { storedLabel } from '../core/displayText';
import type { Log } from '../core/log';
import type { PendingOperation, RecordEvent, Stamp } from '../core/recordEvents';
import { emptyChange, isEmptyChange, RecordState, type RecordChange, type RecordReader } from '../core/recordState';
import type { AzureCoordinates, ResourceRecord, TokenRecord, UserRecord } from '../core/records';
import { tokenEndsAt } from '../core/tokenStatus';
import { removeStaleTemporaryFiles, writeFileAtomically } from '../shared/atomicFile';
import type { TokenScope } from '../shared/scopes';
import { JournalWriter, readJournal, serializeEvents, type DamagedLine, type JournalRead } from './journal';
import { readLegacyRecords, removeLegacyRecords } from './legacyRecords';
import { isWriterAlive, RecordFolder } from './recordFolder';

export type { RecordChange } from '../core/recordState';

/** The part of `vscode.SecretStorage` the registry uses; keeping it structural keeps this module vscode-free. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export interface Disposable {
  dispose(): void;
}

/** Removals are remembered this long after they happened (a journal written before one can only be that old). */
const TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Other windows' changes also arrive by polling, in case the file system sends no notifications. */
const POLL_INTERVAL_MS = 5000;
/** Secrets deleted in one go before their records say so (a batch of events per group). */
const SECRET_DELETION_BATCH = 200;

const SILENT_LOG: Log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * What the extension knows about resources, users and tokens: held in memory, loaded once, and
 * changed in place by this window's own commands, so that reading never touches the disk.
 *
 * Behind it, each window appends its changes to a journal of its own (see recordFolder.ts), and
 * reads the other windows' journals as they grow: a change made elsewhere arrives as its events,
 * without re-reading everything. The records are what all events add up to (recordState.ts), so
 * two windows changing the same user at once both keep their change. Nothing secret is in these
 * files: connection strings and token values are in SecretStorage, under the keys below.
 */
export class Registry {
  private readonly folder: RecordFolder;
  private readonly writerId = RecordFolder.newWriterId();
  private readonly journal: JournalWriter;
  private readonly state = new RecordState();
  private readonly listeners = new Set<(change: RecordChange) => void>();
  private readonly interruptedListeners = new Set<(operations: readonly PendingOperation[]) => void>();
  /** How far each other window's journal has been read. */
  private readonly positions = new Map<string, { offset: number; line: number }>();
  private readonly damagedLines: DamagedLine[] = [];
  private snapshotVersion: string | undefined;
  private lastStampAt = 0;
  private loading: Promise<void> | undefined;
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;
  private readonly watchers: FSWatcher[] = [];
  private poller: NodeJS.Timeout | undefined;
  private disposed = false;
  /** Connection strings read once from SecretStorage (each read is a round trip to VS Code). */
  private readonly connectionStrings = new Map<string, string>();
  /** Token values on their way to SecretStorage: readable at once, stored in the background. */
  private readonly unsavedTokenValues = new Map<string, string>();
  /** Secrets this window is deleting now, so that the orphan sweep does not delete them twice. */
  private readonly deletingSecrets = new Set<string>();
  private readonly backgroundWork = new Set<Promise<unknown>>();

  constructor(
    rootDirectory: string,
    private readonly secrets: SecretStore,
    private readonly log: Log = SILENT_LOG,
  ) {
    this.folder = new RecordFolder(rootDirectory);
    this.journal = new JournalWriter(this.folder.journalOf(this.writerId));
  }

  static secretKeyForConnectionString(resourceId: string): string {
    return `acsIdentity.connectionString/${resourceId}`;
  }

  static secretKeyForToken(token: Pick<TokenRecord, 'resourceId' | 'tokenId'>): string {
    return `acsIdentity.token/${token.resourceId}/${token.tokenId}`;
  }

  /** The id a resource gets from its endpoint: two windows adding the same endpoint add the same resource. */
  static resourceIdFor(endpoint: string): string {
    const hex = createHash('sha256').update(endpoint.toLowerCase()).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  /** Fired after every change, made here or read from another window's journal, with what it changed. */
  onDidChange(listener: (change: RecordChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Fired when a window that is gone left operations open: it was closed (or crashed) during a
   * creation, so users may exist in ACS that nobody recorded. Each is reported once, then closed.
   */
  onDidFindInterruptedOperations(listener: (operations: readonly PendingOperation[]) => void): Disposable {
    this.interruptedListeners.add(listener);
    return { dispose: () => this.interruptedListeners.delete(listener) };
  }

  /**
   * Marks the start of a call whose outcome only its answer tells (a creation); `end` it once the
   * result is recorded, whatever it was. A window that is gone before it ends leaves it open.
   */
  async beginOperation(kind: PendingOperation['kind'], resourceId: string): Promise<OperationMark> {
    const operation: PendingOperation = { id: randomUUID(), kind, resourceId, startedAt: new Date().toISOString() };
    await this.commit([{ kind: 'operationStarted', stamp: this.stamp(), operation }]);
    const mark: OperationMark = {
      id: operation.id,
      ended: false,
      end: async () => {
        if (!mark.ended) {
          mark.ended = true;
          await this.commit([{ kind: 'operationEnded', stamp: this.stamp(), operationId: operation.id }]);
        }
      },
    };
    return mark;
  }

  /**
   * Records a user the service just created, its first token if it has one, and the end of the
   * creation, in one write: the command that created it returns as soon as the service answered.
   */
  recordCreatedUser(resourceId: string, user: NewUserDetails, token: NewToken | undefined, operation?: OperationMark): Promise<void> {
    return this.recordCreatedUsers(resourceId, [{ user, token }], operation);
  }

  /** Records users the service just created (a bulk creation's batch), with their first tokens, in one write. */
  async recordCreatedUsers(resourceId: string, created: readonly { readonly user: NewUserDetails; readonly token?: NewToken }[], operation?: OperationMark): Promise<void> {
    await this.requireResource(resourceId);
    const events = this.userEvents(resourceId, created.map(({ user }) => user));
    const issued = created.flatMap(({ user, token }) => (token ? [{ record: this.tokenRecord({ resourceId, userId: user.userId, ...token }, undefined), value: token.value }] : []));
    events.push(...issued.map(({ record }): RecordEvent => ({ kind: 'tokenAdded', stamp: this.stamp(), token: record })));
    if (operation && !operation.ended) {
      operation.ended = true;
      events.push({ kind: 'operationEnded', stamp: this.stamp(), operationId: operation.id });
    }
    await this.commitWithTokenValues(
      events,
      issued.map(({ record }) => record),
      issued.map(({ value }) => value),
    );
  }

  /** Loads the records (once); every other method waits for it. */
  whenLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** The records as they are now, for reads that cannot wait (tree items); complete once {@link whenLoaded} resolved. */
  get records(): RecordReader {
    return this.state;
  }

  /** Journal lines that are not records (a damaged disk, a hand edit): reported, never silently dropped. */
  get damaged(): readonly DamagedLine[] {
    return this.damagedLines;
  }

  async listResources(): Promise<readonly ResourceRecord[]> {
    await this.whenLoaded();
    return this.state.resources();
  }

  async getResource(resourceId: string): Promise<ResourceRecord | undefined> {
    await this.whenLoaded();
    return this.state.resource(resourceId);
  }

  async findResourceByEndpoint(endpoint: string): Promise<ResourceRecord | undefined> {
    return (await this.listResources()).find((resource) => resource.endpoint === endpoint);
  }

  /** A resource used with its access key; `azure`: added from Azure, whose key can be fetched again. */
  async addResource(name: string, connection: AcsConnectionString, options: { isLocalEmulator?: boolean; azure?: AzureCoordinates } = {}): Promise<ResourceRecord> {
    await this.whenLoaded();
    const resource: ResourceRecord = {
      id: Registry.resourceIdFor(connection.endpoint),
      // Shown like a user's label: the same clean-up and length.
      name: storedLabel(name) ?? connection.host,
      endpoint: connection.endpoint,
      host: connection.host,
      addedAt: new Date().toISOString(),
      isLocalEmulator: options.isLocalEmulator ?? false,
      ...(options.azure ? { authentication: 'key' as const, azure: options.azure } : {}),
    };
    // The secret first: a listed resource always has its connection string.
    await this.storeConnectionString(resource.id, connection.canonical);
    await this.commit([{ kind: 'resourceSet', stamp: this.stamp(), resource }]);
    return resource;
  }

  /** A new connection string for a listed resource (a rotated key, or Entra ID given up for the key): it is used with its key from now on. */
  async updateResourceConnection(resourceId: string, connection: AcsConnectionString, options: { azure?: AzureCoordinates } = {}): Promise<ResourceRecord> {
    const current = await this.requireResource(resourceId);
    const azure = options.azure ?? current.azure;
    const resource: ResourceRecord = {
      id: current.id,
      name: current.name,
      endpoint: connection.endpoint,
      host: connection.host,
      addedAt: current.addedAt,
      isLocalEmulator: current.isLocalEmulator,
      ...(azure ? { authentication: 'key' as const, azure } : {}),
    };
    await this.storeConnectionString(resourceId, connection.canonical);
    await this.commit([{ kind: 'resourceSet', stamp: this.stamp(), resource }]);
    return resource;
  }

  /**
   * A resource used with Microsoft Entra ID: nothing secret is stored. One already listed at this
   * endpoint keeps its id, name and users, and the connection string it had is deleted.
   */
  async addKeylessResource(name: string, endpoint: { endpoint: string; host: string }, azure: AzureCoordinates): Promise<ResourceRecord> {
    await this.whenLoaded();
    const id = Registry.resourceIdFor(endpoint.endpoint);
    const existing = this.state.resource(id);
    const resource: ResourceRecord = {
      id,
      name: existing?.name ?? name,
      endpoint: endpoint.endpoint,
      host: endpoint.host,
      addedAt: existing?.addedAt ?? new Date().toISOString(),
      isLocalEmulator: false,
      authentication: 'entraId',
      azure,
    };
    // The record first: from then on nothing reads the key, which can go.
    await this.commit([{ kind: 'resourceSet', stamp: this.stamp(), resource }]);
    this.connectionStrings.delete(id);
    await this.deleteSecret(Registry.secretKeyForConnectionString(id));
    return resource;
  }

  async getConnectionString(resourceId: string): Promise<string | undefined> {
    const cached = this.connectionStrings.get(resourceId);
    if (cached !== undefined) {
      return cached;
    }
    const stored = await this.secrets.get(Registry.secretKeyForConnectionString(resourceId));
    if (stored !== undefined) {
      this.connectionStrings.set(resourceId, stored);
    }
    return stored;
  }

  /** Another window may have stored a new connection string (after a key rotation): read it again next time. */
  forgetCachedSecret(key: string): void {
    for (const resourceId of this.connectionStrings.keys()) {
      if (Registry.secretKeyForConnectionString(resourceId) === key) {
        this.connectionStrings.delete(resourceId);
      }
    }
  }

  /** Removes the resource and everything recorded for it; its secrets are deleted in the background. */
  async removeResource(resourceId: string): Promise<void> {
    await this.whenLoaded();
    const tokens = this.state.users(resourceId).flatMap((user) => this.state.tokens(resourceId, user.userId));
    await this.commit([{ kind: 'resourceRemoved', stamp: this.stamp(), resourceId }]);
    this.connectionStrings.delete(resourceId);
    this.inBackground(this.deleteTokenSecrets(tokens).then(() => this.deleteSecret(Registry.secretKeyForConnectionString(resourceId))));
  }

  async listUsers(resourceId: string): Promise<readonly UserRecord[]> {
    await this.whenLoaded();
    return this.state.users(resourceId);
  }

  async getUser(resourceId: string, userId: string): Promise<UserRecord | undefined> {
    await this.whenLoaded();
    return this.state.user(resourceId, userId);
  }

  /** Records a user; for one already known, keeps its record and only updates the label if one is given. */
  async addUser(resourceId: string, userId: string, details: Omit<NewUserDetails, 'userId'>): Promise<UserRecord> {
    return (await this.addUsers(resourceId, [{ userId, ...details }]))[0];
  }

  /** Records many users in one write (bulk creation, import). */
  async addUsers(resourceId: string, users: readonly NewUserDetails[]): Promise<UserRecord[]> {
    await this.requireResource(resourceId);
    await this.commit(this.userEvents(resourceId, users));
    return users.map(({ userId }) => this.state.user(resourceId, userId)!);
  }

  /** The events that record these users: each one new, or a new label for one already known. */
  private userEvents(resourceId: string, users: readonly NewUserDetails[]): RecordEvent[] {
    const events: RecordEvent[] = [];
    for (const { userId, label, origin, createdAt, kind } of users) {
      requireId(userId, 'user');
      const existing = this.state.user(resourceId, userId);
      const normalized = storedLabel(label);
      if (!existing) {
        events.push({
          kind: 'userAdded',
          stamp: this.stamp(),
          user: {
            resourceId,
            userId,
            createdAt: (createdAt ?? new Date()).toISOString(),
            origin,
            ...(kind === undefined ? {} : { kind }),
            ...(normalized === undefined ? {} : { label: normalized }),
          },
        });
      } else if (normalized !== undefined && normalized !== existing.label) {
        events.push({ kind: 'userLabelSet', stamp: this.stamp(), resourceId, userId, label: normalized });
      }
    }
    return events;
  }

  async renameUser(resourceId: string, userId: string, label: string | undefined): Promise<UserRecord> {
    await this.requireUser(resourceId, userId);
    const normalized = storedLabel(label);
    await this.commit([{ kind: 'userLabelSet', stamp: this.stamp(), resourceId, userId, ...(normalized === undefined ? {} : { label: normalized }) }]);
    return this.state.user(resourceId, userId)!;
  }

  async markTokensRevoked(resourceId: string, userId: string, at: Date): Promise<UserRecord> {
    await this.requireUser(resourceId, userId);
    // Every token recorded so far was issued before the revocation, even within the clock's resolution.
    let revokedAt = at.getTime();
    for (const token of this.state.tokens(resourceId, userId)) {
      revokedAt = Math.max(revokedAt, Date.parse(token.issuedAt));
    }
    await this.commit([{ kind: 'tokensRevoked', stamp: this.stamp(), resourceId, userId, at: new Date(revokedAt).toISOString() }]);
    return this.state.user(resourceId, userId)!;
  }

  /** Removes users from the list (their token values from SecretStorage in the background); they still exist in ACS. */
  async forgetUsers(resourceId: string, userIds: readonly string[]): Promise<void> {
    await this.whenLoaded();
    const tokens: TokenRecord[] = [];
    const events: RecordEvent[] = [];
    for (const userId of userIds) {
      requireId(userId, 'user');
      tokens.push(...this.state.tokens(resourceId, userId));
      events.push({ kind: 'userRemoved', stamp: this.stamp(), resourceId, userId });
    }
    await this.commit(events);
    this.inBackground(this.deleteTokenSecrets(tokens));
  }

  forgetUser(resourceId: string, userId: string): Promise<void> {
    return this.forgetUsers(resourceId, [userId]);
  }

  /** Newest first. */
  async listTokens(resourceId: string, userId: string): Promise<readonly TokenRecord[]> {
    await this.whenLoaded();
    return this.state.tokens(resourceId, userId);
  }

  /**
   * Records a token. Its value is readable at once through {@link getTokenValue}; it reaches
   * SecretStorage in the background (each store is a round trip of several milliseconds to VS Code).
   */
  async addToken(resourceId: string, userId: string, token: NewToken): Promise<TokenRecord> {
    return (await this.addTokens([{ resourceId, userId, ...token }]))[0];
  }

  /** Records many tokens in one write (bulk creation). */
  async addTokens(tokens: readonly (NewToken & { resourceId: string; userId: string })[]): Promise<TokenRecord[]> {
    await this.whenLoaded();
    const records: TokenRecord[] = [];
    for (const token of tokens) {
      records.push(this.tokenRecord(token, await this.requireUser(token.resourceId, token.userId)));
    }
    await this.commitWithTokenValues(
      records.map((token) => ({ kind: 'tokenAdded', stamp: this.stamp(), token })),
      records,
      tokens.map((token) => token.value),
    );
    return records;
  }

  /** A new token's record; one issued after a revocation counts as newer than it, even within the clock's resolution. */
  private tokenRecord({ resourceId, userId, scopes, issuedAt, expiresOn }: NewToken & { resourceId: string; userId: string }, user: UserRecord | undefined): TokenRecord {
    const revokedAt = user?.tokensRevokedAt === undefined ? -Infinity : Date.parse(user.tokensRevokedAt);
    return {
      resourceId,
      userId,
      tokenId: randomUUID(),
      scopes: [...scopes],
      issuedAt: new Date(Math.max(issuedAt.getTime(), revokedAt + 1)).toISOString(),
      expiresOn: expiresOn.toISOString(),
    };
  }

  /** Commits events that add tokens: their values are readable at once, and go to SecretStorage in the background. */
  private async commitWithTokenValues(events: readonly RecordEvent[], tokens: readonly TokenRecord[], values: readonly string[]): Promise<void> {
    tokens.forEach((record, index) => this.unsavedTokenValues.set(Registry.secretKeyForToken(record), values[index]));
    try {
      await this.commit(events);
    } catch (error) {
      tokens.forEach((record) => this.unsavedTokenValues.delete(Registry.secretKeyForToken(record)));
      throw error;
    }
    this.inBackground(this.storeTokenValues(tokens));
  }

  getTokenValue(token: TokenRecord): Promise<string | undefined> {
    const key = Registry.secretKeyForToken(token);
    const unsaved = this.unsavedTokenValues.get(key);
    return unsaved === undefined ? Promise.resolve(this.secrets.get(key)) : Promise.resolve(unsaved);
  }

  /**
   * Forgets the tokens that stopped working (expired or revoked) more than `retentionMs` before
   * `now`, their values included: they can never work again, and credentials should not pile up in
   * SecretStorage. Until then they stay listed, marked, so that a person sees what happened.
   */
  async pruneEndedTokens(now: Date, retentionMs: number): Promise<number> {
    await this.whenLoaded();
    const ended: TokenRecord[] = [];
    for (const resource of this.state.resources()) {
      for (const user of this.state.users(resource.id)) {
        for (const token of this.state.tokens(resource.id, user.userId)) {
          if (tokenEndsAt(token, user).getTime() < now.getTime() - retentionMs) {
            ended.push(token);
          }
        }
      }
    }
    await this.deleteTokenSecrets(ended);
    return ended.length;
  }

  /** Reads what other windows wrote since the last read (notifications can be missed, e.g. on network drives). */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        await this.readOthers();
      } while (this.catchUpAgain && !this.disposed);
    })().finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  /** Resolves once every write started so far (journal and secrets) is done. */
  async whenIdle(): Promise<void> {
    while (this.backgroundWork.size > 0) {
      await Promise.allSettled([...this.backgroundWork]);
    }
    await this.journal.flush();
  }

  /** Rewrites the snapshot without the damaged lines it can drop, absorbing the journals of windows that are gone. */
  async compact(): Promise<boolean> {
    await this.whenLoaded();
    const unlock = await this.folder.tryLock();
    if (!unlock) {
      return false;
    }
    try {
      const gone = (await this.folder.journals()).filter((writer) => writer !== this.writerId && !isWriterAlive(writer));
      for (const writer of gone) {
        await this.readJournalOf(writer, true);
      }
      const events = [...this.state.events(Date.now() - TOMBSTONE_RETENTION_MS)];
      await writeFileAtomically(this.folder.snapshotFile, serializeEvents(events));
      this.snapshotVersion = await this.versionOfSnapshot();
      for (const writer of gone) {
        await rm(this.folder.journalOf(writer), { force: true });
        this.positions.delete(writer);
      }
      const rewritten = new Set([this.folder.snapshotFile, ...gone.map((writer) => this.folder.journalOf(writer))]);
      const kept = this.damagedLines.filter((line) => !rewritten.has(line.file));
      this.damagedLines.splice(0, this.damagedLines.length, ...kept);
      return true;
    } finally {
      await unlock();
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.watchers.forEach((watcher) => watcher.close());
    clearInterval(this.poller);
    await this.whenIdle();
    await this.journal.close();
  }

  private async load(): Promise<void> {
    await this.folder.create();
    // A window killed while it compacted leaves its half-written snapshot behind.
    await removeStaleTemporaryFiles(this.folder.snapshotFile);
    await this.migrateLegacyRecords();
    // The version first: a compaction between the two then shows as a newer version, read again later.
    this.snapshotVersion = await this.versionOfSnapshot();
    this.applyRead(await this.readSnapshot());
    let gone = 0;
    for (const writer of await this.folder.journals()) {
      if (writer !== this.writerId) {
        const alive = isWriterAlive(writer);
        gone += alive ? 0 : 1;
        await this.readJournalOf(writer, !alive);
      }
    }
    this.sweepOrphans();
    this.reportInterruptedOperations();
    this.watch();
    if (gone > 0) {
      this.inBackground(this.compact());
    }
  }

  /** Turns the records of version 0.1 into events of this window's journal, once. */
  private async migrateLegacyRecords(): Promise<void> {
    const legacy = await readLegacyRecords(this.folder.legacyDirectory, this.secrets, this.log, {
      connectionString: (resourceId) => Registry.secretKeyForConnectionString(resourceId),
      token: (resourceId, tokenId) => Registry.secretKeyForToken({ resourceId, tokenId }),
    });
    if (!legacy) {
      return;
    }
    const events: RecordEvent[] = [
      ...legacy.resources.map((resource): RecordEvent => ({ kind: 'resourceSet', stamp: this.stamp(), resource })),
      ...legacy.users.flatMap(({ tokensRevokedAt, ...user }): RecordEvent[] => [
        { kind: 'userAdded', stamp: this.stamp(), user },
        ...(tokensRevokedAt === undefined ? [] : [{ kind: 'tokensRevoked' as const, stamp: this.stamp(), resourceId: user.resourceId, userId: user.userId, at: tokensRevokedAt }]),
      ]),
      ...legacy.tokens.map((token): RecordEvent => ({ kind: 'tokenAdded', stamp: this.stamp(), token })),
    ];
    await this.journal.append(events);
    this.applyEvents(events);
    for (const key of legacy.orphanedSecretKeys) {
      await this.secrets.delete(key);
    }
    await removeLegacyRecords(this.folder.legacyDirectory);
    this.log.info(`Moved ${legacy.resources.length} resources and ${legacy.users.length} users to the journal format`);
  }

  private async readOthers(): Promise<void> {
    await this.whenLoaded();
    const version = await this.versionOfSnapshot();
    if (version !== this.snapshotVersion) {
      // Another window compacted: the snapshot may hold the end of a journal it then deleted.
      this.snapshotVersion = version;
      this.emit(this.applyRead({ ...(await this.readSnapshot()), damaged: [] }));
    }
    const change = emptyChange();
    for (const writer of await this.folder.journals()) {
      if (writer !== this.writerId) {
        this.mergeChange(change, await this.readJournalOf(writer, false));
      }
    }
    this.emit(change);
    this.sweepOrphans(change);
    this.reportInterruptedOperations();
  }

  /** The snapshot's events, every line of it (no window is still writing it); none when there is no snapshot. */
  private readSnapshot(): Promise<JournalRead> {
    return readJournal(this.folder.snapshotFile, { offset: 0, line: 0 }, true);
  }

  /** Operations left open by windows that are gone: reported, then closed so that they are reported once. */
  private reportInterruptedOperations(): void {
    const interrupted = this.state
      .pendingOperations()
      .filter(({ writer }) => writer !== this.writerId && !isWriterAlive(writer))
      .map(({ operation }) => operation);
    if (interrupted.length === 0) {
      return;
    }
    for (const listener of [...this.interruptedListeners]) {
      listener(interrupted);
    }
    this.inBackground(this.commit(interrupted.map((operation) => ({ kind: 'operationEnded', stamp: this.stamp(), operationId: operation.id }))));
  }

  private async readJournalOf(writer: string, final: boolean): Promise<RecordChange> {
    const from = this.positions.get(writer) ?? { offset: 0, line: 0 };
    const read = await readJournal(this.folder.journalOf(writer), from, final);
    this.positions.set(writer, { offset: read.nextOffset, line: read.nextLine });
    return this.applyRead(read);
  }

  private applyRead(read: Pick<JournalRead, 'events' | 'damaged'>): RecordChange {
    for (const line of read.damaged) {
      this.log.warn(`Line ${line.line} of ${line.file} is not a record (${line.reason}); it is kept out of the list.`);
      this.damagedLines.push(line);
    }
    const change = this.applyEvents(read.events);
    // The list of resources shows how many lines are damaged.
    change.resources ||= read.damaged.length > 0;
    for (const event of read.events) {
      this.lastStampAt = Math.max(this.lastStampAt, event.stamp[0]);
      if (event.kind === 'resourceSet' || event.kind === 'resourceRemoved') {
        // Another window may have rotated the key: read the connection string again.
        this.connectionStrings.delete(event.kind === 'resourceSet' ? event.resource.id : event.resourceId);
      }
    }
    return change;
  }

  private applyEvents(events: readonly RecordEvent[]): RecordChange {
    const change = emptyChange();
    for (const event of events) {
      this.state.apply(event, change);
    }
    return change;
  }

  /** Appends this window's events, then applies them: a failed write changes nothing. */
  private async commit(events: readonly RecordEvent[]): Promise<void> {
    await this.whenLoaded();
    await this.journal.append(events);
    this.emit(this.applyEvents(events));
  }

  /** Tokens issued for a user or resource that another window removed without knowing of them. */
  private sweepOrphans(change?: RecordChange): void {
    const orphaned = this.state.orphanedTokens(change).filter((token) => !this.deletingSecrets.has(Registry.secretKeyForToken(token)));
    if (orphaned.length > 0) {
      this.log.info(`Deleting the values of ${orphaned.length} tokens whose user was removed in another window`);
      this.inBackground(this.deleteTokenSecrets(orphaned));
    }
  }

  /** Deletes token values, then records the tokens as removed, in batches: a crash in between leaves them for the orphan sweep. */
  private async deleteTokenSecrets(tokens: readonly TokenRecord[]): Promise<void> {
    for (let start = 0; start < tokens.length; start += SECRET_DELETION_BATCH) {
      const batch = tokens.slice(start, start + SECRET_DELETION_BATCH);
      const keys = batch.map((token) => Registry.secretKeyForToken(token));
      keys.forEach((key) => this.deletingSecrets.add(key));
      try {
        await Promise.all(keys.map((key) => this.deleteSecret(key)));
        await this.commit(batch.map((token) => ({ kind: 'tokenRemoved', stamp: this.stamp(), resourceId: token.resourceId, userId: token.userId, tokenId: token.tokenId })));
      } finally {
        keys.forEach((key) => this.deletingSecrets.delete(key));
      }
    }
  }

  private async deleteSecret(key: string): Promise<void> {
    this.unsavedTokenValues.delete(key);
    await this.secrets.delete(key);
  }

  private async storeConnectionString(resourceId: string, connectionString: string): Promise<void> {
    await this.secrets.store(Registry.secretKeyForConnectionString(resourceId), connectionString);
    this.connectionStrings.set(resourceId, connectionString);
  }

  private async storeTokenValues(tokens: readonly TokenRecord[]): Promise<void> {
    for (const token of tokens) {
      const key = Registry.secretKeyForToken(token);
      const value = this.unsavedTokenValues.get(key);
      if (value === undefined) {
        continue; // already removed
      }
      try {
        await this.secrets.store(key, value);
      } catch (error) {
        this.log.error('Could not store a token value in SecretStorage', error);
      }
      this.unsavedTokenValues.delete(key);
    }
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.log.error('A background write of the records failed', error));
    this.backgroundWork.add(tracked);
    void tracked.finally(() => this.backgroundWork.delete(tracked));
  }

  /** The snapshot's folder (another window compacted) and the journals' (another window wrote); this window's own writes are already applied. */
  private watch(): void {
    const ownJournal = `${this.writerId}.jsonl`;
    try {
      for (const directory of [this.folder.directory, this.folder.journalsDirectory]) {
        const watcher = watch(directory, (_event, name) => name !== ownJournal && void this.catchUp());
        watcher.on('error', () => undefined);
        this.watchers.push(watcher);
      }
    } catch (error) {
      this.log.warn(`Cannot watch ${this.folder.directory} (${String(error)}); other windows' changes arrive every ${POLL_INTERVAL_MS / 1000} s`);
    }
    this.poller = setInterval(() => void this.catchUp(), POLL_INTERVAL_MS);
    this.poller.unref();
  }

  private emit(change: RecordChange): void {
    if (isEmptyChange(change)) {
      return;
    }
    for (const listener of [...this.listeners]) {
      listener(change);
    }
  }

  private mergeChange(into: RecordChange, from: RecordChange): void {
    into.resources ||= from.resources;
    from.usersOf.forEach((id) => into.usersOf.add(id));
    from.users.forEach((key) => into.users.add(key));
  }

  private async versionOfSnapshot(): Promise<string | undefined> {
    try {
      const info = await stat(this.folder.snapshotFile);
      return `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  /** Milliseconds that never go back, and are later than any event read from another window. */
  private stamp(): Stamp {
    this.lastStampAt = Math.max(Date.now(), this.lastStampAt + 1);
    return [this.lastStampAt, this.writerId];
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
}

export interface NewUserDetails {
  readonly userId: string;
  readonly label?: string;
  readonly origin: 'created' | 'added';
  /** When it was created (or added); now when absent. */
  readonly createdAt?: Date;
  readonly kind?: UserRecord['kind'];
}

/** A creation under way, marked in the records (see {@link Registry.beginOperation}). */
export interface OperationMark {
  readonly id: string;
  ended: boolean;
  end(): Promise<void>;
}

export interface NewToken {
  readonly value: string;
  readonly scopes: readonly TokenScope[];
  readonly issuedAt: Date;
  readonly expiresOn: Date;
}

/** Thrown when a resource or user is not (or no longer) in the list, e.g. removed from another window. */
export class RecordNotFoundError extends Error {
  constructor(readonly record: 'resource' | 'user') {
    super(`The ${record} is not in the list.`);
    this.name = 'RecordNotFoundError';
  }
}

function requireId(id: string, what: string): void {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new Error(`A ${what} id cannot be empty.`);
  }
}
