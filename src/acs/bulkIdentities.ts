import { classifyServiceError } from '../core/serviceErrors';
import type { TokenScope } from '../shared/scopes';
import type { NewToken, Registry } from '../storage/registry';
import { runInBulk, type BulkOptions, type BulkOutcome } from './bulkRunner';
import type { IdentityClients } from './identityClients';

export interface BulkCreation {
  readonly resourceId: string;
  readonly count: number;
  /** Users are labelled `<prefix>001`, `<prefix>002`, …; none when empty. */
  readonly labelPrefix?: string;
  /** Absent: users only, no token. */
  readonly token?: { readonly scopes: readonly TokenScope[]; readonly lifetimeMinutes: number };
}

export interface BulkCreationOutcome extends BulkOutcome {
  readonly userIds: string[];
}

/** Created users reach the records in batches: one write per batch, not one per user. */
const BATCH_SIZE = 100;
const BATCH_DELAY_MS = 100;

interface CreatedUser {
  readonly userId: string;
  readonly label?: string;
  readonly createdAt: Date;
  readonly token?: NewToken;
}

/** Many users at once, at the pace the service allows, recorded as they come. */
export class BulkIdentities {
  constructor(
    private readonly registry: Registry,
    private readonly clients: IdentityClients,
  ) {}

  async createUsers(request: BulkCreation, options: BulkOptions = {}): Promise<BulkCreationOutcome> {
    const client = await this.clients.forResource(request.resourceId, { retries: false });
    const digits = String(request.count).length;
    const labelOf = (index: number): string | undefined => (request.labelPrefix ? `${request.labelPrefix}${String(index + 1).padStart(digits, '0')}` : undefined);
    const userIds: string[] = [];
    const batch = new RecordBatch<CreatedUser>((created) =>
      this.registry.recordCreatedUsers(
        request.resourceId,
        created.map(({ userId, label, createdAt, token }) => ({ user: { userId, label, createdAt, origin: 'created' }, token })),
      ),
    );
    const operation = await this.registry.beginOperation('createUsers', request.resourceId);
    const outcome = await runInBulk(
      request.count,
      async (index, signal) => {
        const token = request.token;
        let created: CreatedUser;
        if (token) {
          const { userId, token: value, expiresOn } = await client.createUserAndToken(token.scopes, token.lifetimeMinutes, signal);
          const issuedAt = new Date();
          created = { userId, label: labelOf(index), createdAt: issuedAt, token: { value, scopes: token.scopes, issuedAt, expiresOn } };
        } else {
          const { userId } = await client.createUser(signal);
          created = { userId, label: labelOf(index), createdAt: new Date() };
        }
        userIds.push(created.userId);
        batch.add(created);
      },
      options,
    );
    try {
      await batch.flush();
    } finally {
      await operation.end();
    }
    return { ...outcome, userIds };
  }

  /** Deletes users in ACS, and from the list in batches; one the service no longer has just leaves the list. */
  async deleteUsers(resourceId: string, userIds: readonly string[], options: BulkOptions = {}): Promise<BulkDeletionOutcome> {
    const client = await this.clients.forResource(resourceId, { retries: false });
    const deleted: string[] = [];
    const batch = new RecordBatch<string>((ids) => this.registry.forgetUsers(resourceId, ids));
    const outcome = await runInBulk(
      userIds.length,
      async (index, signal) => {
        try {
          await client.deleteUser(userIds[index], signal);
        } catch (error) {
          if (classifyServiceError(error).kind !== 'userNotFound') {
            throw error;
          }
        }
        deleted.push(userIds[index]);
        batch.add(userIds[index]);
      },
      options,
    );
    await batch.flush();
    return { ...outcome, userIds: deleted };
  }
}

export interface BulkDeletionOutcome extends BulkOutcome {
  /** The users deleted in ACS (or found already deleted there), all gone from the list. */
  readonly userIds: string[];
}

/** Collects what was done and records it when a batch is full or a moment has passed. */
class RecordBatch<T> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The first failed write (the resource removed meanwhile, a full disk): the last flush reports it. */
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  add(item: T): void {
    this.pending.push(item);
    if (this.pending.length >= BATCH_SIZE) {
      this.startWrite();
    } else {
      this.timer ??= setTimeout(() => this.startWrite(), BATCH_DELAY_MS);
    }
  }

  /** Writes what is pending after the writes under way, and throws the first failure, if any. */
  async flush(): Promise<void> {
    this.startWrite();
    await this.writing;
    if (this.failure) {
      throw this.failure.error;
    }
  }

  private startWrite(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const items = this.pending;
    this.pending = [];
    if (items.length > 0) {
      this.writing = this.writing.then(() => this.write(items)).catch((error: unknown) => {
        this.failure ??= { error };
      });
    }
  }
}
