import { routeNotFound } from './errors';

/** The five operations of the identity API (acs-identity-api.md §1.2). */
export type OperationName =
  | 'createIdentity'
  | 'deleteIdentity'
  | 'revokeAccessTokens'
  | 'issueAccessToken'
  | 'exchangeTeamsUserAccessToken';

export interface OperationRequest {
  readonly operation: OperationName;
  /** The decoded `{id}` path segment, for the operations on one identity. */
  readonly identityId?: string;
}

/**
 * Matches a request to an operation. `pathname` is still percent-encoded, as sent: the SDK encodes
 * the id (`8%3Aacs%3A…`) but not the colon of `/:issueAccessToken` (§1.6).
 */
export function matchOperation(method: string, pathname: string): OperationRequest {
  const segments = pathname.split('/').slice(1);
  if (method === 'POST' && pathname === '/identities') {
    return { operation: 'createIdentity' };
  }
  if (method === 'POST' && pathname === '/teamsUser/:exchangeAccessToken') {
    return { operation: 'exchangeTeamsUserAccessToken' };
  }
  if (segments[0] !== 'identities' || segments.length < 2 || segments.length > 3 || segments[1] === '') {
    throw routeNotFound();
  }
  const identityId = decodePathSegment(segments[1]);
  const action = segments[2];
  if (method === 'DELETE' && action === undefined) {
    return { operation: 'deleteIdentity', identityId };
  }
  if (method === 'POST' && action === ':issueAccessToken') {
    return { operation: 'issueAccessToken', identityId };
  }
  if (method === 'POST' && action === ':revokeAccessTokens') {
    return { operation: 'revokeAccessTokens', identityId };
  }
  throw routeNotFound();
}

/** A segment with a broken escape is kept as sent: it cannot name an identity of this resource anyway. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
