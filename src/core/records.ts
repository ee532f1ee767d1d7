import type { TokenScope } from '../shared/scopes';

/**
 * How the extension authenticates to a resource: with its access key (the connection string, in
 * SecretStorage), or with Microsoft Entra ID (the person's Azure sign-in; nothing is stored).
 */
export type ResourceAuthentication = 'key' | 'entraId';

/** Where a resource added from Azure sits in Resource Manager. */
export interface AzureCoordinates {
  /** The directory (tenant) whose tokens the resource accepts. */
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** The resource's name in Resource Manager. */
  readonly name: string;
}

/** What the extension remembers about a resource; its connection string is in SecretStorage only. */
export interface ResourceRecord {
  /** Local id (a UUID), not the ACS resource's GUID, which the connection string does not reveal. */
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly host: string;
  readonly addedAt: string;
  readonly isLocalEmulator: boolean;
  /** Absent: `key` (every record written before sign-in to Azure existed). */
  readonly authentication?: ResourceAuthentication;
  /** Present for a resource added from Azure; required for `entraId`, whose tokens are asked for its tenant. */
  readonly azure?: AzureCoordinates;
}

export function authenticationOf(resource: Pick<ResourceRecord, 'authentication'>): ResourceAuthentication {
  return resource.authentication ?? 'key';
}

/** A user the extension created or was given by id: the service has no way to list them. */
export interface UserRecord {
  readonly resourceId: string;
  readonly userId: string;
  readonly label?: string;
  /** When the user was created; for a user added by id, when it was added. */
  readonly createdAt: string;
  readonly origin: 'created' | 'added';
  /**
   * Absent for a Communication Services user. `teamsUser`: a Teams user (id `8:orgid:<object id>`)
   * whose Entra ID token was exchanged for ACS tokens; the service issues it no other way.
   */
  readonly kind?: 'teamsUser';
  /** Tokens issued before this moment were revoked. */
  readonly tokensRevokedAt?: string;
  /** Its record was damaged and recovered from what was left: the label and creation time may be lost. */
  readonly damaged?: boolean;
}

/** A token's metadata; its value is a credential and lives in SecretStorage. */
export interface TokenRecord {
  readonly resourceId: string;
  readonly userId: string;
  readonly tokenId: string;
  readonly scopes: readonly TokenScope[];
  readonly issuedAt: string;
  readonly expiresOn: string;
}
