import { validationError } from '../errors';
import { parseScopes, parseTokenLifetime } from '../requestBody';
import { OperationHandler, findOwnedIdentity } from './operationContext';

/**
 * `POST /identities/{id}/:issueAccessToken` → 200 `{token, expiresOn}`. A missing or null
 * `scopes` has the recorded model-validation message (§1.5). The body is checked before the id,
 * as model validation runs before the service looks anything up.
 */
export const issueAccessToken: OperationHandler = (context) => {
  const requested = context.body.scopes;
  if (requested === undefined || requested === null) {
    throw validationError('Scopes: The Scopes field is required.', 'Scopes');
  }
  const scopes = parseScopes(requested, context.features, 'scopes');
  const lifetimeMinutes = parseTokenLifetime(context.body.expiresInMinutes, context.features);
  const identity = findOwnedIdentity(context);
  return { status: 200, body: context.tokens.issueForIdentity(identity.id, scopes, lifetimeMinutes) };
};
