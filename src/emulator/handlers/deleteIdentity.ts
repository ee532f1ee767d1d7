import { OperationHandler, findOwnedIdentity } from './operationContext';

/** `DELETE /identities/{id}` → 204; the identity's tokens stop being valid with it. */
export const deleteIdentity: OperationHandler = async (context) => {
  await context.store.delete(findOwnedIdentity(context).id);
  return { status: 204 };
};
