import { parseScopes, parseTokenLifetime } from '../requestBody';
import { OperationHandler } from './operationContext';

/**
 * `POST /identities` → 201 `{identity, accessToken?}`. The body is validated in full before the
 * identity is created, so a rejected request creates nothing (§1.5). `createTokenWithScopes`
 * absent or null creates the identity alone (recorded). UNCONFIRMED: an empty list; we reject it
 * like an empty `scopes` on issue, as `createUserAndToken([])` is surely a caller's mistake.
 */
export const createIdentity: OperationHandler = async (context) => {
  const requested = context.body.createTokenWithScopes;
  const scopes = requested === undefined || requested === null ? undefined : parseScopes(requested, context.features, 'createTokenWithScopes');
  const lifetimeMinutes = parseTokenLifetime(context.body.expiresInMinutes, context.features);
  const identity = await context.store.create();
  const identityBody = { id: identity.id };
  if (!scopes) {
    return { status: 201, body: { identity: identityBody } };
  }
  return { status: 201, body: { identity: identityBody, accessToken: context.tokens.issueForIdentity(identity.id, scopes, lifetimeMinutes) } };
};
