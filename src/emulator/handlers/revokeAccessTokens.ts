import { OperationHandler, findOwnedIdentity } from './operationContext';

/** `POST /identities/{id}/:revokeAccessTokens` → 204. Immediate here; Azure takes up to 15 minutes (§3.3). */
export const revokeAccessTokens: OperationHandler = async (context) => {
  await context.store.revokeTokens(findOwnedIdentity(context).id);
  return { status: 204 };
};
