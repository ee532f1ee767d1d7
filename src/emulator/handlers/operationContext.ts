import { AccessTokenIssuer } from '../accessTokens';
import { ApiVersionFeatures } from '../apiVersions';
import { identityNotFound, identityNotOwned } from '../errors';
import { IdentityRecord, IdentityStore } from '../identityStore';
import { JsonObject } from '../requestBody';

/** What an operation handler gets: the authenticated, routed, version-checked request and the emulator's state. */
export interface OperationContext {
  readonly features: ApiVersionFeatures;
  /** The decoded `{id}` of the operations on one identity. */
  readonly identityId: string | undefined;
  readonly body: JsonObject;
  readonly store: IdentityStore;
  readonly tokens: AccessTokenIssuer;
  readonly nowMs: number;
}

export interface OperationResult {
  readonly status: 200 | 201 | 204;
  readonly body?: object;
}

export type OperationHandler = (context: OperationContext) => OperationResult | Promise<OperationResult>;

/**
 * The identity the path names. Ids of another resource get the recorded 401 `IdentityNotOwned`.
 * UNCONFIRMED: ids that are not `8:acs:…` at all (e.g. `abc`); we treat them the same way, since
 * they cannot belong to this resource either.
 */
export function findOwnedIdentity(context: OperationContext): IdentityRecord {
  const id = context.identityId;
  if (id === undefined || !context.store.owns(id)) {
    throw identityNotOwned();
  }
  const identity = context.store.find(id);
  if (!identity) {
    throw identityNotFound();
  }
  return identity;
}
