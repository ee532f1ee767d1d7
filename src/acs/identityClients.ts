import { parseConnectionString } from '../core/connectionString';
import type { Registry } from '../storage/registry';
import { AcsIdentityClient } from './identityClient';

/** Thrown when a resource's connection string is missing from SecretStorage (or no longer parses). */
export class MissingConnectionStringError extends Error {
  constructor() {
    super('No connection string stored for this resource');
    this.name = 'MissingConnectionStringError';
  }
}

/**
 * The SDK client of each resource, built once per connection string (building its pipeline for
 * every call would cost every call); a rotated key or a moved emulator gets a client of its own.
 */
export class IdentityClients {
  private readonly clients = new Map<string, AcsIdentityClient>();

  /** `timeoutMs`: how long one call may take (the setting, read at each call); no limit when absent. */
  constructor(
    private readonly registry: Registry,
    private readonly timeoutMs?: () => number,
  ) {}

  /** `retries: false`: the SDK's own retries off, for bulk operations that pace themselves. */
  async forResource(resourceId: string, options: { retries?: boolean } = {}): Promise<AcsIdentityClient> {
    const stored = await this.registry.getConnectionString(resourceId);
    const key = `${options.retries === false ? 'no-retries' : 'retries'}\n${stored ?? ''}`;
    const cached = this.clients.get(key);
    if (cached) {
      return cached;
    }
    const parsed = stored === undefined ? undefined : parseConnectionString(stored);
    if (!parsed?.ok) {
      throw new MissingConnectionStringError();
    }
    const client = new AcsIdentityClient(parsed.value, { ...options, timeoutMs: this.timeoutMs });
    this.clients.set(key, client);
    return client;
  }
}
