import { randomUUID } from 'node:crypto';
import { EventStamps } from './stamps';

export interface IdentityRecord {
  /** `8:acs:<resourceId>_<user part>` (acs-identity-api.md §3.2). */
  readonly id: string;
  readonly createdAtMs: number;
  /** Tokens stamped at or before this moment are revoked. */
  readonly tokensRevokedAtMs?: number;
}

/**
 * The identities of the emulated resource. Every change is handed to `persist` and the change's
 * promise resolves only once it is saved, so an acknowledged create survives a crash.
 */
export class IdentityStore {
  private readonly identities = new Map<string, IdentityRecord>();

  constructor(
    readonly resourceId: string,
    private readonly stamps: EventStamps,
    private readonly persist: () => Promise<void>,
    initial: readonly IdentityRecord[] = [],
  ) {
    for (const identity of initial) {
      this.identities.set(identity.id, identity);
    }
  }

  /** Whether `id` names an identity of this resource, existing or not. */
  owns(id: string): boolean {
    return id.startsWith(`8:acs:${this.resourceId}_`);
  }

  find(id: string): IdentityRecord | undefined {
    return this.identities.get(id);
  }

  list(): IdentityRecord[] {
    return [...this.identities.values()];
  }

  async create(): Promise<IdentityRecord> {
    // The real user part is GUID-shaped too (e.g. 00000005-14a2-493b-8a72-5a3a0d000081).
    const identity: IdentityRecord = { id: `8:acs:${this.resourceId}_${randomUUID()}`, createdAtMs: this.stamps.next() };
    this.identities.set(identity.id, identity);
    await this.persist();
    return identity;
  }

  async delete(id: string): Promise<boolean> {
    const deleted = this.identities.delete(id);
    if (deleted) {
      await this.persist();
    }
    return deleted;
  }

  async revokeTokens(id: string): Promise<void> {
    const identity = this.identities.get(id);
    if (identity) {
      this.identities.set(id, { ...identity, tokensRevokedAtMs: this.stamps.next() });
      await this.persist();
    }
  }
}
