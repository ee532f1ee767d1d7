// The records as the sum of every window's events. Each field merges on its own (last stamp wins
// for a label, the latest revocation wins, a removal hides what was added before it), so the
// result does not depend on the order in which windows read each other's journals: a rename in
// one window and a revocation in another both survive, and a token issued for a user that another
// window removed at the same time is known to be orphaned (its secret must go).
import { compareStamps, isAfter, type NewUser, type PendingOperation, type RecordEvent, type Stamp } from './recordEvents';
import type { ResourceRecord, TokenRecord, UserRecord } from './records';

/** What an event changed, for whoever shows the records (the tree re-renders only that). */
export interface RecordChange {
  /** The list of resources, or a resource's own fields. */
  resources: boolean;
  /** Resources whose list of users changed. */
  readonly usersOf: Set<string>;
  /** Users (by {@link userKey}) whose fields or tokens changed. */
  readonly users: Set<string>;
}

export function emptyChange(): RecordChange {
  return { resources: false, usersOf: new Set(), users: new Set() };
}

export function isEmptyChange(change: RecordChange): boolean {
  return !change.resources && change.usersOf.size === 0 && change.users.size === 0;
}

export function userKey(resourceId: string, userId: string): string {
  return `${resourceId}\n${userId}`;
}

interface Stamped<T> {
  readonly value: T;
  readonly stamp: Stamp;
}

interface ResourceEntry {
  set?: Stamped<ResourceRecord>;
  removed?: Stamp;
}

interface TokenEntry {
  readonly added?: Stamped<TokenRecord>;
  removed?: Stamp;
}

interface UserEntry {
  /** Every addition, oldest first: the first one after the latest removal is the user as it is now. */
  readonly adds: Stamped<NewUser>[];
  label?: Stamped<string | undefined>;
  revokedAt?: Stamped<string>;
  removed?: Stamp;
  readonly tokens: Map<string, TokenEntry>;
  /** Newest first; rebuilt when a token comes or goes. */
  sortedTokens?: TokenRecord[];
}

/** The records as they are now, read without waiting: what the tree and its nodes read. */
export interface RecordReader {
  resources(): readonly ResourceRecord[];
  resource(resourceId: string): ResourceRecord | undefined;
  /** Sorted by creation. */
  users(resourceId: string): readonly UserRecord[];
  user(resourceId: string, userId: string): UserRecord | undefined;
  /** Newest first. */
  tokens(resourceId: string, userId: string): readonly TokenRecord[];
}

export class RecordState implements RecordReader {
  private readonly resourceEntries = new Map<string, ResourceEntry>();
  private readonly userEntries = new Map<string, Map<string, UserEntry>>();
  /** Sorted by creation, per resource; rebuilt when its users come or go. */
  private readonly sortedUsers = new Map<string, UserRecord[]>();
  private sortedResources: ResourceRecord[] | undefined;
  /** Operations started and not (yet) ended, with the writer that started them. */
  private readonly openOperations = new Map<string, { readonly operation: PendingOperation; readonly stamp: Stamp }>();
  private readonly endedOperations = new Set<string>();

  /** Adds one event; `change` collects what it altered. Applying an event twice changes nothing. */
  apply(event: RecordEvent, change: RecordChange = emptyChange()): RecordChange {
    switch (event.kind) {
      case 'resourceSet':
      case 'resourceRemoved':
        this.applyToResource(event, change);
        break;
      case 'tokenAdded':
      case 'tokenRemoved':
        this.applyToToken(event, change);
        break;
      case 'operationStarted':
        if (!this.endedOperations.has(event.operation.id)) {
          this.openOperations.set(event.operation.id, { operation: event.operation, stamp: event.stamp });
        }
        break;
      case 'operationEnded':
        this.endedOperations.add(event.operationId);
        this.openOperations.delete(event.operationId);
        break;
      default:
        this.applyToUser(event, change);
    }
    return change;
  }

  resources(): readonly ResourceRecord[] {
    this.sortedResources ??= [...this.resourceEntries.values()]
      .map((entry) => visibleResource(entry))
      .filter((resource): resource is ResourceRecord => resource !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name) || a.addedAt.localeCompare(b.addedAt));
    return this.sortedResources;
  }

  resource(resourceId: string): ResourceRecord | undefined {
    const entry = this.resourceEntries.get(resourceId);
    return entry && visibleResource(entry);
  }

  users(resourceId: string): readonly UserRecord[] {
    let sorted = this.sortedUsers.get(resourceId);
    if (!sorted) {
      const boundary = this.resourceBoundary(resourceId);
      sorted = [];
      if (boundary !== 'gone') {
        for (const entry of this.userEntries.get(resourceId)?.values() ?? []) {
          const user = visibleUser(entry, boundary);
          if (user) {
            sorted.push(user);
          }
        }
      }
      sorted.sort(compareUsers);
      this.sortedUsers.set(resourceId, sorted);
    }
    return sorted;
  }

  user(resourceId: string, userId: string): UserRecord | undefined {
    const boundary = this.resourceBoundary(resourceId);
    const entry = this.userEntries.get(resourceId)?.get(userId);
    return boundary === 'gone' || !entry ? undefined : visibleUser(entry, boundary);
  }

  /** Newest first. */
  tokens(resourceId: string, userId: string): readonly TokenRecord[] {
    const boundary = this.resourceBoundary(resourceId);
    const entry = this.userEntries.get(resourceId)?.get(userId);
    if (boundary === 'gone' || !entry || !currentAdd(entry, boundary)) {
      return [];
    }
    entry.sortedTokens ??= visibleTokens(entry, userBoundary(entry, boundary)).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.tokenId.localeCompare(b.tokenId));
    return entry.sortedTokens;
  }

  /** Operations started and not ended, with the writer (window) that started each. */
  pendingOperations(): { readonly operation: PendingOperation; readonly writer: string }[] {
    return [...this.openOperations.values()].map(({ operation, stamp }) => ({ operation, writer: stamp[1] }));
  }

  /**
   * The events that rebuild this state, tombstones included, for a compacted journal. Entries that
   * were removed before `forgetRemovedBefore` are left out altogether: a removal only has to be
   * remembered for as long as a journal written before it can still be read.
   */
  *events(forgetRemovedBefore: number): Generator<RecordEvent> {
    const forgotten = (stamp: Stamp | undefined): boolean => stamp !== undefined && stamp[0] < forgetRemovedBefore;
    for (const [resourceId, entry] of this.resourceEntries) {
      if (entry.set && !(forgotten(entry.removed) && !isAfter(entry.set.stamp, entry.removed))) {
        yield { kind: 'resourceSet', stamp: entry.set.stamp, resource: entry.set.value };
      }
      if (entry.removed && !forgotten(entry.removed)) {
        yield { kind: 'resourceRemoved', stamp: entry.removed, resourceId };
      }
    }
    for (const { operation, stamp } of this.openOperations.values()) {
      yield { kind: 'operationStarted', stamp, operation };
    }
    for (const [resourceId, users] of this.userEntries) {
      const resourceRemoved = this.resourceEntries.get(resourceId)?.removed;
      for (const [userId, entry] of users) {
        yield* userEvents(resourceId, userId, entry, (stamp) => (forgotten(entry.removed) && !isAfter(stamp, entry.removed)) || (forgotten(resourceRemoved) && !isAfter(stamp, resourceRemoved)), forgotten);
      }
    }
  }

  private applyToResource(event: Extract<RecordEvent, { kind: 'resourceSet' | 'resourceRemoved' }>, change: RecordChange): void {
    const resourceId = event.kind === 'resourceSet' ? event.resource.id : event.resourceId;
    const entry = this.resourceEntries.get(resourceId) ?? {};
    this.resourceEntries.set(resourceId, entry);
    if (event.kind === 'resourceSet') {
      if (entry.set && !isAfter(event.stamp, entry.set.stamp)) {
        return;
      }
      entry.set = { value: event.resource, stamp: event.stamp };
    } else {
      if (entry.removed && !isAfter(event.stamp, entry.removed)) {
        return;
      }
      entry.removed = event.stamp;
    }
    this.sortedResources = undefined;
    this.sortedUsers.delete(resourceId);
    for (const userEntry of this.userEntries.get(resourceId)?.values() ?? []) {
      userEntry.sortedTokens = undefined;
    }
    change.resources = true;
    change.usersOf.add(resourceId);
  }

  private applyToUser(event: Extract<RecordEvent, { kind: 'userAdded' | 'userLabelSet' | 'tokensRevoked' | 'userRemoved' }>, change: RecordChange): void {
    const { resourceId, userId } = event.kind === 'userAdded' ? event.user : event;
    const entry = this.userEntry(resourceId, userId);
    const before = this.user(resourceId, userId);
    switch (event.kind) {
      case 'userAdded':
        if (entry.adds.some((add) => compareStamps(add.stamp, event.stamp) === 0)) {
          return;
        }
        entry.adds.push({ value: event.user, stamp: event.stamp });
        entry.adds.sort((a, b) => compareStamps(a.stamp, b.stamp));
        if (event.user.label !== undefined) {
          setLatest(entry, 'label', { value: event.user.label, stamp: event.stamp });
        }
        break;
      case 'userLabelSet':
        setLatest(entry, 'label', { value: event.label, stamp: event.stamp });
        break;
      case 'tokensRevoked':
        // The latest revocation covers the earlier ones.
        if (!entry.revokedAt || Date.parse(event.at) > Date.parse(entry.revokedAt.value)) {
          entry.revokedAt = { value: event.at, stamp: event.stamp };
        }
        break;
      case 'userRemoved':
        if (entry.removed && !isAfter(event.stamp, entry.removed)) {
          return;
        }
        entry.removed = event.stamp;
        break;
    }
    const after = this.user(resourceId, userId);
    // The sorted list is kept up to date in place (a binary search, not a new sort of thousands).
    const sorted = this.sortedUsers.get(resourceId);
    if (sorted) {
      if (before) {
        sorted.splice(sortedIndex(sorted, before), 1);
      }
      if (after) {
        sorted.splice(sortedIndex(sorted, after), 0, after);
      }
    }
    if ((before === undefined) !== (after === undefined) || before?.createdAt !== after?.createdAt) {
      change.usersOf.add(resourceId);
    }
    entry.sortedTokens = undefined;
    change.users.add(userKey(resourceId, userId));
  }

  private applyToToken(event: Extract<RecordEvent, { kind: 'tokenAdded' | 'tokenRemoved' }>, change: RecordChange): void {
    const { resourceId, userId, tokenId } = event.kind === 'tokenAdded' ? event.token : event;
    const userEntry = this.userEntry(resourceId, userId);
    const existing = userEntry.tokens.get(tokenId);
    if (event.kind === 'tokenAdded') {
      if (existing?.added) {
        return;
      }
      userEntry.tokens.set(tokenId, { added: { value: event.token, stamp: event.stamp }, removed: existing?.removed });
    } else {
      if (existing?.removed && !isAfter(event.stamp, existing.removed)) {
        return;
      }
      userEntry.tokens.set(tokenId, { added: existing?.added, removed: event.stamp });
    }
    userEntry.sortedTokens = undefined;
    change.users.add(userKey(resourceId, userId));
  }

  /**
   * Tokens in the scope of `change` (everywhere when omitted) that nothing will show again and that
   * were never removed themselves: issued for a user or resource that a window removed without
   * knowing of them (a window that removes a user removes the tokens it knows first). Their secrets
   * are orphaned; whoever deletes them records the tokens as removed.
   */
  orphanedTokens(change?: RecordChange): TokenRecord[] {
    const orphaned: TokenRecord[] = [];
    for (const [resourceId, users] of this.userEntries) {
      const resourceEntry = this.resourceEntries.get(resourceId);
      if (!resourceEntry) {
        continue; // its addition has not been read yet
      }
      const resourceVisible = visibleResource(resourceEntry) !== undefined;
      for (const [userId, entry] of users) {
        if (change && !change.usersOf.has(resourceId) && !change.users.has(userKey(resourceId, userId))) {
          continue;
        }
        // A user of whom no addition was read yet may still come (another window's journal is read later).
        if (entry.adds.length === 0) {
          continue;
        }
        const userVisible = resourceVisible && visibleUser(entry, resourceEntry.removed) !== undefined;
        const boundary = userBoundary(entry, resourceEntry.removed);
        for (const token of entry.tokens.values()) {
          if (token.added && !token.removed && (!userVisible || !isAfter(token.added.stamp, boundary))) {
            orphaned.push(token.added.value);
          }
        }
      }
    }
    return orphaned;
  }

  private userEntry(resourceId: string, userId: string): UserEntry {
    let users = this.userEntries.get(resourceId);
    if (!users) {
      users = new Map();
      this.userEntries.set(resourceId, users);
    }
    let entry = users.get(userId);
    if (!entry) {
      entry = { adds: [], tokens: new Map() };
      users.set(userId, entry);
    }
    return entry;
  }

  /** 'gone' when the resource is not listed; else the stamp of its last removal (what was added before it is gone too). */
  private resourceBoundary(resourceId: string): Stamp | undefined | 'gone' {
    const entry = this.resourceEntries.get(resourceId);
    return entry && visibleResource(entry) ? entry.removed : 'gone';
  }

}

function setLatest(entry: UserEntry, field: 'label', value: Stamped<string | undefined>): void {
  const current = entry[field];
  if (!current || isAfter(value.stamp, current.stamp)) {
    entry[field] = value;
  }
}

function visibleResource(entry: ResourceEntry): ResourceRecord | undefined {
  return entry.set && isAfter(entry.set.stamp, entry.removed) ? entry.set.value : undefined;
}

/** The later of the user's own removal and its resource's. */
function userBoundary(entry: UserEntry, resourceBoundary: Stamp | undefined): Stamp | undefined {
  if (!entry.removed) {
    return resourceBoundary;
  }
  return resourceBoundary && compareStamps(resourceBoundary, entry.removed) > 0 ? resourceBoundary : entry.removed;
}

/** The addition the user is listed by, if it is listed: tells it without building its record (the tree asks for every user's tokens). */
function currentAdd(entry: UserEntry, resourceBoundary: Stamp | undefined): Stamped<NewUser> | undefined {
  const boundary = userBoundary(entry, resourceBoundary);
  return entry.adds.find((add) => isAfter(add.stamp, boundary));
}

function visibleUser(entry: UserEntry, resourceBoundary: Stamp | undefined): UserRecord | undefined {
  const current = currentAdd(entry, resourceBoundary);
  if (!current) {
    return undefined;
  }
  const boundary = userBoundary(entry, resourceBoundary);
  const { resourceId, userId, createdAt, origin, damaged, kind } = current.value;
  const label = entry.label && isAfter(entry.label.stamp, boundary) ? entry.label.value : undefined;
  const revokedAt = entry.revokedAt && isAfter(entry.revokedAt.stamp, boundary) ? entry.revokedAt.value : undefined;
  return {
    resourceId,
    userId,
    createdAt,
    origin,
    ...(kind === undefined ? {} : { kind }),
    ...(label === undefined ? {} : { label }),
    ...(revokedAt === undefined ? {} : { tokensRevokedAt: revokedAt }),
    ...(damaged ? { damaged } : {}),
  };
}

function visibleTokens(entry: UserEntry, boundary: Stamp | undefined): TokenRecord[] {
  const tokens: TokenRecord[] = [];
  for (const token of entry.tokens.values()) {
    if (token.added && !token.removed && isAfter(token.added.stamp, boundary)) {
      tokens.push(token.added.value);
    }
  }
  return tokens;
}

function* userEvents(
  resourceId: string,
  userId: string,
  entry: UserEntry,
  hiddenForGood: (stamp: Stamp) => boolean,
  forgotten: (stamp: Stamp | undefined) => boolean,
): Generator<RecordEvent> {
  for (const add of entry.adds) {
    if (!hiddenForGood(add.stamp)) {
      yield { kind: 'userAdded', stamp: add.stamp, user: add.value };
    }
  }
  if (entry.label && !hiddenForGood(entry.label.stamp)) {
    yield { kind: 'userLabelSet', stamp: entry.label.stamp, resourceId, userId, ...(entry.label.value === undefined ? {} : { label: entry.label.value }) };
  }
  if (entry.revokedAt && !hiddenForGood(entry.revokedAt.stamp)) {
    yield { kind: 'tokensRevoked', stamp: entry.revokedAt.stamp, resourceId, userId, at: entry.revokedAt.value };
  }
  if (entry.removed && !forgotten(entry.removed)) {
    yield { kind: 'userRemoved', stamp: entry.removed, resourceId, userId };
  }
  for (const [tokenId, token] of entry.tokens) {
    if (token.added && !hiddenForGood(token.added.stamp) && !forgotten(token.removed)) {
      yield { kind: 'tokenAdded', stamp: token.added.stamp, token: token.added.value };
    }
    if (token.removed && !forgotten(token.removed)) {
      yield { kind: 'tokenRemoved', stamp: token.removed, resourceId, userId, tokenId };
    }
  }
}

/** By creation, then by id: plain comparisons (ISO dates sort as text), not the locale's. */
function compareUsers(a: UserRecord, b: UserRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/** Where `user` stands (or would stand) in a list sorted by {@link compareUsers}. */
function sortedIndex(sorted: readonly UserRecord[], user: UserRecord): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareUsers(sorted[middle], user) < 0) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
