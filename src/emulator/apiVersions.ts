import { TOKEN_SCOPES, TokenScope } from '../shared/scopes';
import { ServiceError } from './errors';
import { OperationName } from './operations';

/** What each GA api-version offers (acs-identity-api.md §1.4). */
export interface ApiVersionFeatures {
  readonly version: string;
  readonly scopes: readonly TokenScope[];
  /** `expiresInMinutes` exists from 2022-10-01; earlier versions ignore the field, as unknown JSON members are ignored. */
  readonly customTokenLifetime: boolean;
  readonly teamsUserExchange: boolean;
}

const CHAT_AND_VOIP: readonly TokenScope[] = ['chat', 'voip'];

const API_VERSIONS: readonly ApiVersionFeatures[] = [
  { version: '2021-03-07', scopes: CHAT_AND_VOIP, customTokenLifetime: false, teamsUserExchange: false },
  { version: '2022-06-01', scopes: CHAT_AND_VOIP, customTokenLifetime: false, teamsUserExchange: true },
  { version: '2022-10-01', scopes: CHAT_AND_VOIP, customTokenLifetime: true, teamsUserExchange: true },
  { version: '2023-10-01', scopes: TOKEN_SCOPES, customTokenLifetime: true, teamsUserExchange: true },
];

/** The `api-supported-versions` response header: the versions this emulator serves, not every version Azure lists. */
export const SUPPORTED_API_VERSIONS_HEADER = API_VERSIONS.map((features) => features.version).join(', ');

/**
 * The features of the requested version, or 400 `UnsupportedApiVersion` in the service's message
 * shape (§1.5, recorded). UNCONFIRMED: the answer to a missing `api-version`, and to the Teams
 * exchange under 2021-03-07 (which has no such route); we give both the same error, whose wording
 * ("the HTTP resource that matches the request URI does not support…") fits them.
 */
export function resolveApiVersion(requested: string | null, operation: OperationName, requestUri: string): ApiVersionFeatures {
  const features = API_VERSIONS.find((candidate) => candidate.version === requested);
  if (features && (operation !== 'exchangeTeamsUserAccessToken' || features.teamsUserExchange)) {
    return features;
  }
  const message =
    requested === null
      ? `The HTTP resource that matches the request URI '${requestUri}' requires the 'api-version' query parameter, but none was specified.`
      : `The HTTP resource that matches the request URI '${requestUri}' does not support the API version '${requested}'.`;
  throw new ServiceError(400, 'UnsupportedApiVersion', message);
}
