// The changes to the records, as every window writes them to its journal: the records are what
// these events add up to (see recordState.ts). Each event carries a stamp, so that windows that
// change the same record at the same time agree on the outcome whatever order they read it in.
import { isTokenScope } from '../shared/scopes';
import type { AzureCoordinates, ResourceRecord, TokenRecord, UserRecord } from './records';

/** When and by whom: milliseconds (never going back within a writer), then the writer's id to break ties. */
export type Stamp = readonly [at: number, writer: string];

export function compareStamps(a: Stamp, b: Stamp): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** Whether `a` is after `b`; nothing is after a missing stamp's absence, everything is after "never". */
export function isAfter(a: Stamp, b: Stamp | undefined): boolean {
  return b === undefined || compareStamps(a, b) > 0;
}

/** A user as first recorded; its label, revocation and tokens change through events of their own. */
export type NewUser = Pick<UserRecord, 'resourceId' | 'userId' | 'createdAt' | 'origin' | 'label' | 'damaged' | 'kind'>;

export type RecordEvent =
  /** A resource added, or its connection's endpoint changed: the whole record, last writer wins. */
  | { readonly kind: 'resourceSet'; readonly stamp: Stamp; readonly resource: ResourceRecord }
  | { readonly kind: 'resourceRemoved'; readonly stamp: Stamp; readonly resourceId: string }
  | { readonly kind: 'userAdded'; readonly stamp: Stamp; readonly user: NewUser }
  /** `label` absent: the label was cleared. */
  | { readonly kind: 'userLabelSet'; readonly stamp: Stamp; readonly resourceId: string; readonly userId: string; readonly label?: string }
  | { readonly kind: 'tokensRevoked'; readonly stamp: Stamp; readonly resourceId: string; readonly userId: string; readonly at: string }
  | { readonly kind: 'userRemoved'; readonly stamp: Stamp; readonly resourceId: string; readonly userId: string }
  | { readonly kind: 'tokenAdded'; readonly stamp: Stamp; readonly token: TokenRecord }
  | { readonly kind: 'tokenRemoved'; readonly stamp: Stamp; readonly resourceId: string; readonly userId: string; readonly tokenId: string }
  /**
   * A call to the service whose outcome only its answer tells (a creation: the new id is in the
   * answer, and the service cannot list users). Written before the call, ended after its result is
   * recorded: one left open by a window that is gone may have created users nobody recorded.
   */
  | { readonly kind: 'operationStarted'; readonly stamp: Stamp; readonly operation: PendingOperation }
  | { readonly kind: 'operationEnded'; readonly stamp: Stamp; readonly operationId: string };

export interface PendingOperation {
  readonly id: string;
  readonly kind: 'createUser' | 'createUsers';
  readonly resourceId: string;
  /** ISO 8601. */
  readonly startedAt: string;
}

/**
 * The event a journal line holds, or why it is not one. Every field is checked: a line written by
 * a damaged disk or a hand edit must not make a half-valid record.
 */
export function parseRecordEvent(value: unknown): RecordEvent | undefined {
  if (!isObject(value) || !isStamp(value.stamp)) {
    return undefined;
  }
  const stamp = value.stamp;
  switch (value.kind) {
    case 'resourceSet':
      return isResourceRecord(value.resource) ? { kind: value.kind, stamp, resource: value.resource } : undefined;
    case 'resourceRemoved':
      return isId(value.resourceId) ? { kind: value.kind, stamp, resourceId: value.resourceId } : undefined;
    case 'userAdded':
      return isNewUser(value.user) ? { kind: value.kind, stamp, user: value.user } : undefined;
    case 'userLabelSet':
      return isUserKey(value) && (value.label === undefined || typeof value.label === 'string')
        ? { kind: value.kind, stamp, resourceId: value.resourceId, userId: value.userId, ...(value.label === undefined ? {} : { label: value.label }) }
        : undefined;
    case 'tokensRevoked':
      return isUserKey(value) && isIsoDate(value.at) ? { kind: value.kind, stamp, resourceId: value.resourceId, userId: value.userId, at: value.at } : undefined;
    case 'userRemoved':
      return isUserKey(value) ? { kind: value.kind, stamp, resourceId: value.resourceId, userId: value.userId } : undefined;
    case 'tokenAdded':
      return isTokenRecord(value.token) ? { kind: value.kind, stamp, token: value.token } : undefined;
    case 'tokenRemoved':
      return isUserKey(value) && isId(value.tokenId) ? { kind: value.kind, stamp, resourceId: value.resourceId, userId: value.userId, tokenId: value.tokenId } : undefined;
    case 'operationStarted':
      return isPendingOperation(value.operation) ? { kind: value.kind, stamp, operation: value.operation } : undefined;
    case 'operationEnded':
      return isId(value.operationId) ? { kind: value.kind, stamp, operationId: value.operationId } : undefined;
    default:
      return undefined;
  }
}

type Unknown<T> = { readonly [K in keyof T]?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStamp(value: unknown): value is Stamp {
  return Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && typeof value[1] === 'string';
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A text `Date` reads as a moment, as every date of a record must be. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isUserKey(value: Record<string, unknown>): value is Record<string, unknown> & { resourceId: string; userId: string } {
  return isId(value.resourceId) && isId(value.userId);
}

function isResourceRecord(value: unknown): value is ResourceRecord {
  if (!isObject(value)) {
    return false;
  }
  const candidate: Unknown<ResourceRecord> = value;
  return (
    isId(candidate.id) &&
    typeof candidate.name === 'string' &&
    typeof candidate.endpoint === 'string' &&
    typeof candidate.host === 'string' &&
    isIsoDate(candidate.addedAt) &&
    typeof candidate.isLocalEmulator === 'boolean' &&
    (candidate.azure === undefined || isAzureCoordinates(candidate.azure)) &&
    // A resource that uses Entra ID asks tokens for its tenant: without coordinates it could not be used.
    (candidate.authentication === undefined || candidate.authentication === 'key' || (candidate.authentication === 'entraId' && candidate.azure !== undefined))
  );
}

function isAzureCoordinates(value: unknown): value is AzureCoordinates {
  if (!isObject(value)) {
    return false;
  }
  const candidate: Unknown<AzureCoordinates> = value;
  return isId(candidate.tenantId) && isId(candidate.subscriptionId) && isId(candidate.resourceGroup) && isId(candidate.name);
}

function isNewUser(value: unknown): value is NewUser {
  if (!isObject(value) || !isUserKey(value)) {
    return false;
  }
  const candidate: Unknown<NewUser> = value;
  return (
    isIsoDate(candidate.createdAt) &&
    (candidate.origin === 'created' || candidate.origin === 'added') &&
    (candidate.label === undefined || typeof candidate.label === 'string') &&
    (candidate.damaged === undefined || typeof candidate.damaged === 'boolean') &&
    (candidate.kind === undefined || candidate.kind === 'teamsUser')
  );
}

/** A complete, valid token record (the journal refuses any other). */
export function isTokenRecord(value: unknown): value is TokenRecord {
  if (!isObject(value) || !isUserKey(value)) {
    return false;
  }
  const candidate: Unknown<TokenRecord> = value;
  return (
    isId(candidate.tokenId) &&
    Array.isArray(candidate.scopes) &&
    candidate.scopes.every((scope) => typeof scope === 'string' && isTokenScope(scope)) &&
    isIsoDate(candidate.issuedAt) &&
    isIsoDate(candidate.expiresOn)
  );
}

function isPendingOperation(value: unknown): value is PendingOperation {
  if (!isObject(value)) {
    return false;
  }
  const candidate: Unknown<PendingOperation> = value;
  return isId(candidate.id) && (candidate.kind === 'createUser' || candidate.kind === 'createUsers') && isId(candidate.resourceId) && isIsoDate(candidate.startedAt);
}
