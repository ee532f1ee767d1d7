import { parseConnectionString } from '../core/connectionString';
import { authenticationOf, type ResourceRecord } from '../core/records';
import { RecordNotFoundError, type Registry } from '../storage/registry';
import { AcsIdentityClient, type AccessTokenCredential } from './identityClient';

/** Thrown when a resource's connection string is missing from SecretStorage (or no longer parses). */
export class MissingConnectionStringError extends Error {
  constructor() {
    super('No connection string stored for this resource');
    this.name = 'MissingConnectionStringError';
  }
}

/** The person's Microsoft Entra ID tokens for a tenant (from VS Code's session: see commands/flows/lazySignIn.ts). */
export type EntraIdCredentials = (tenantId: string) => AccessTokenCredential;

/**
 * The SDK client of each resource, built once per connection string (building its pipeline for
 * every call would cost every call); a rotated key or a moved emulator gets a client of its own.
 * A resource that uses Microsoft Entra ID gets a client per endpoint and tenant, whose credential
 * asks VS Code for each token; those are dropped when the person signs out, with the tokens the
 * SDK holds.
 */
export class IdentityClients {
  private readonly clients = new Map<string, AcsIdentityClient>();

  /** `timeoutMs`: how long one call may take (the setting, read at each call); no limit when absent. */
  constructor(
    private readonly registry: Registry,
    private readonly entraIdCredentials: EntraIdCredentials,
    private readonly timeoutMs?: () => number,
  ) {}

  /** `retries: false`: the SDK's own retries off, for bulk operations that pace themselves. */
  async forResource(resourceId: string, options: { retries?: boolean } = {}): Promise<AcsIdentityClient> {
    const resource = await this.registry.getResource(resourceId);
    if (!resource) {
      throw new RecordNotFoundError('resource');
    }
    const retries = options.retries === false ? 'no-retries' : 'retries';
    return authenticationOf(resource) === 'entraId' ? this.keyless(resource, retries, options) : this.withKey(resourceId, retries, options);
  }

  /** Forgets the clients that hold Entra ID tokens (after a sign-out, or another account or cloud). */
  dropEntraIdClients(): void {
    for (const key of this.clients.keys()) {
      if (key.startsWith(ENTRA_ID)) {
        this.clients.delete(key);
      }
    }
  }

  private keyless(resource: ResourceRecord, retries: string, options: { retries?: boolean }): AcsIdentityClient {
    const tenantId = resource.azure?.tenantId ?? '';
    // A resource removed and added again gets a client of its own: the old one's tokens go with it.
    const key = `${ENTRA_ID}${retries}\n${resource.id}\n${resource.addedAt}\n${resource.endpoint}\n${tenantId}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new AcsIdentityClient({ endpoint: resource.endpoint, credential: this.entraIdCredentials(tenantId) }, { ...options, timeoutMs: this.timeoutMs });
      this.clients.set(key, client);
    }
    return client;
  }

  private async withKey(resourceId: string, retries: string, options: { retries?: boolean }): Promise<AcsIdentityClient> {
    const stored = await this.registry.getConnectionString(resourceId);
    const key = `${retries}\n${stored ?? ''}`;
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

const ENTRA_ID = 'entraId\n';
