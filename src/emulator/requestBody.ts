import { TokenScope, TOKEN_LIFETIME_MINUTES, isValidTokenLifetime } from '../shared/scopes';
import { ApiVersionFeatures } from './apiVersions';
import { ServiceError, validationError } from './errors';
import { exceedsJsonNesting, MAX_JSON_NESTING } from './jsonNesting';

export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * The request body as a JSON object; an empty body (the SDK sends none for a plain create) or
 * `null` reads as `{}`. UNCONFIRMED: the service's answer to malformed or too deeply nested JSON;
 * ours is 400 `ValidationError` in the service's error shape.
 */
export function parseJsonBody(body: Buffer): JsonObject {
  if (body.length === 0) {
    return {};
  }
  const text = body.toString('utf8');
  if (exceedsJsonNesting(text)) {
    throw new ServiceError(400, 'ValidationError', `The request body nests arrays and objects deeper than ${MAX_JSON_NESTING} levels.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServiceError(400, 'ValidationError', 'The request body is not valid JSON.');
  }
  if (value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ServiceError(400, 'ValidationError', 'The request body must be a JSON object.');
  }
  return value as JsonObject;
}

/**
 * A non-null scope list, checked against the scopes of the request's api-version. An empty list
 * has the service's recorded message (§1.5). UNCONFIRMED: the wording for a non-list and for an
 * unknown scope (e.g. the retired `pstn`); ours follows the recorded "Invalid scopes - …" pattern.
 */
export function parseScopes(value: unknown, features: ApiVersionFeatures, target: string): TokenScope[] {
  if (!Array.isArray(value)) {
    throw validationError('Invalid scopes - Scopes must be a list of scope names.', target);
  }
  if (value.length === 0) {
    throw validationError('Invalid scopes - Scopes field is required.', target);
  }
  const scopes: TokenScope[] = [];
  for (const item of value) {
    const scope = features.scopes.find((candidate) => candidate === item);
    if (scope === undefined) {
      throw validationError(`Invalid scopes - '${String(item)}' is not a supported scope in api-version ${features.version}.`, target);
    }
    if (!scopes.includes(scope)) {
      scopes.push(scope);
    }
  }
  return scopes;
}

/** `expiresInMinutes`, where the api-version has it: an integer in [60, 1440], default 1440, recorded message (§1.5). */
export function parseTokenLifetime(value: unknown, features: ApiVersionFeatures): number {
  if (!features.customTokenLifetime || value === undefined || value === null) {
    return TOKEN_LIFETIME_MINUTES.default;
  }
  if (typeof value === 'number' && isValidTokenLifetime(value)) {
    return value;
  }
  throw validationError(
    `ExpiresInMinutes value ${JSON.stringify(value)} is invalid. Value must be within the [${TOKEN_LIFETIME_MINUTES.min}, ${TOKEN_LIFETIME_MINUTES.max}] interval.`,
    'ExpiresInMinutes',
  );
}
