// Users listed in bulk, quickly, as another window would record them: a registry of this
// process over the extension's storage folder appends them (with a token each) to a journal of
// its own, which the extension reads as it grows. Their token values go to a map, not to
// SecretStorage (a store there takes tens of milliseconds in the headless host: 10,000 of them
// would take minutes); nothing measured reads them.
import { randomUUID } from 'node:crypto';
import { Registry } from '../../src/storage/registry';
import { MemorySecrets } from '../../test/unit/support/memorySecrets';

const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Records `count` users of the emulated resource `acsResourceId` under the listed resource `resourceId`, each with a token. */
export async function recordUsers(storageDirectory: string, resourceId: string, acsResourceId: string, count: number): Promise<void> {
  const registry = new Registry(storageDirectory, new MemorySecrets());
  try {
    await registry.whenLoaded();
    const now = new Date();
    const userIds = Array.from({ length: count }, () => `8:acs:${acsResourceId}_${randomUUID()}`);
    await registry.addUsers(
      resourceId,
      userIds.map((userId) => ({ userId, origin: 'created' as const, createdAt: now })),
    );
    await registry.addTokens(
      userIds.map((userId) => ({ resourceId, userId, value: `bench-token-${randomUUID()}`, scopes: ['chat' as const], issuedAt: now, expiresOn: new Date(now.getTime() + TOKEN_LIFETIME_MS) })),
    );
  } finally {
    await registry.dispose();
  }
}
