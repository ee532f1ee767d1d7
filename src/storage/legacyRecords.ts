// Reads the records of version 0.1 (one JSON file per resource, user and token under resources/)
// once, to turn them into journal events. A damaged file is recovered as far as its path and its
// secrets allow, and reported; nothing is dropped without a word.
import { readdir, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseConnectionString } from '../core/connectionString';
import type { Log } from '../core/log';
import { isIsoDate, isTokenRecord, type NewUser } from '../core/recordEvents';
import type { ResourceRecord, TokenRecord, UserRecord } from '../core/records';
import { isMissing, readFileIfExists } from '../shared/atomicFile';

export interface LegacyRecords {
  readonly resources: ResourceRecord[];
  readonly users: (NewUser & Pick<UserRecord, 'tokensRevokedAt'>)[];
  readonly tokens: TokenRecord[];
  /** Secrets of tokens whose record could not be read: no record will ever point to them again. */
  readonly orphanedSecretKeys: string[];
}

export interface LegacySecrets {
  get(key: string): Thenable<string | undefined>;
}

/** The legacy records under `directory`, or undefined when there are none. */
export async function readLegacyRecords(
  directory: string,
  secrets: LegacySecrets,
  log: Log,
  keys: { connectionString(resourceId: string): string; token(resourceId: string, tokenId: string): string },
): Promise<LegacyRecords | undefined> {
  const resourceNames = await entries(directory);
  if (resourceNames === undefined) {
    return undefined;
  }
  const records: LegacyRecords = { resources: [], users: [], tokens: [], orphanedSecretKeys: [] };
  for (const resourceName of resourceNames) {
    const resourceId = decodeURIComponent(resourceName);
    const resourceDirectory = path.join(directory, resourceName);
    const resource = await readResource(resourceDirectory, resourceId, secrets, log, keys);
    if (!resource) {
      continue;
    }
    records.resources.push(resource);
    for (const userName of (await entries(path.join(resourceDirectory, 'users'))) ?? []) {
      const userDirectory = path.join(resourceDirectory, 'users', userName);
      const user = await readUser(userDirectory, resourceId, decodeURIComponent(userName), log);
      records.users.push(user);
      for (const tokenName of (await entries(path.join(userDirectory, 'tokens'))) ?? []) {
        const tokenId = decodeURIComponent(tokenName.replace(/\.json$/, ''));
        const token = parseToken(await readFileIfExists(path.join(userDirectory, 'tokens', tokenName)), resourceId, user.userId, tokenId);
        if (token) {
          records.tokens.push(token);
        } else {
          log.warn(`The record of a token of ${user.userId} was damaged; its value is deleted (issue a new token).`);
          records.orphanedSecretKeys.push(keys.token(resourceId, tokenId));
        }
      }
    }
  }
  return records;
}

export async function removeLegacyRecords(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}

/** Folder entries, temporary files of interrupted writes left out (and never read). */
async function entries(directory: string): Promise<string[] | undefined> {
  try {
    return (await readdir(directory)).filter((name) => !name.endsWith('.tmp'));
  } catch (error) {
    if (isMissing(error)) {
      return undefined;
    }
    throw error;
  }
}

async function readResource(
  directory: string,
  resourceId: string,
  secrets: LegacySecrets,
  log: Log,
  keys: { connectionString(resourceId: string): string },
): Promise<ResourceRecord | undefined> {
  const parsed = parseObject(await readFileIfExists(path.join(directory, 'resource.json')));
  if (parsed && typeof parsed.name === 'string' && typeof parsed.endpoint === 'string' && typeof parsed.host === 'string') {
    return {
      id: resourceId,
      name: parsed.name,
      endpoint: parsed.endpoint,
      host: parsed.host,
      addedAt: isIsoDate(parsed.addedAt) ? parsed.addedAt : new Date().toISOString(),
      isLocalEmulator: parsed.isLocalEmulator === true,
    };
  }
  // Its connection string says where it is.
  const stored = await secrets.get(keys.connectionString(resourceId));
  const connection = stored === undefined ? undefined : parseConnectionString(stored);
  if (!connection?.ok) {
    log.warn(`The record of resource ${resourceId} was damaged and has no connection string: it is dropped.`);
    return undefined;
  }
  log.warn(`The record of resource ${connection.value.host} was damaged; it is kept under its host name.`);
  return {
    id: resourceId,
    name: connection.value.host,
    endpoint: connection.value.endpoint,
    host: connection.value.host,
    addedAt: new Date().toISOString(),
    isLocalEmulator: connection.value.isLoopback,
  };
}

async function readUser(directory: string, resourceId: string, userId: string, log: Log): Promise<NewUser & Pick<UserRecord, 'tokensRevokedAt'>> {
  const parsed = parseObject(await readFileIfExists(path.join(directory, 'user.json')));
  // Checked as the journal checks them: a record it would refuse on the next start must not be moved there.
  if (parsed && isIsoDate(parsed.createdAt) && (parsed.origin === 'created' || parsed.origin === 'added')) {
    return {
      resourceId,
      userId,
      createdAt: parsed.createdAt,
      origin: parsed.origin,
      ...(typeof parsed.label === 'string' ? { label: parsed.label } : {}),
      ...(isIsoDate(parsed.tokensRevokedAt) ? { tokensRevokedAt: parsed.tokensRevokedAt } : {}),
    };
  }
  // The user still exists in ACS: keep it, with what its folder tells.
  log.warn(`The record of user ${userId} was damaged: it is kept, without its label.`);
  const createdAt = await stat(directory).then(
    (info) => info.mtime.toISOString(),
    () => new Date().toISOString(),
  );
  return { resourceId, userId, createdAt, origin: 'added', damaged: true };
}

function parseToken(text: string | undefined, resourceId: string, userId: string, tokenId: string): TokenRecord | undefined {
  const parsed = parseObject(text);
  const token = parsed && { resourceId, userId, tokenId, scopes: parsed.scopes, issuedAt: parsed.issuedAt, expiresOn: parsed.expiresOn };
  return isTokenRecord(token) ? token : undefined;
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
