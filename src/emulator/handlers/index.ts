import { OperationName } from '../operations';
import { createIdentity } from './createIdentity';
import { deleteIdentity } from './deleteIdentity';
import { exchangeTeamsUserAccessToken } from './exchangeTeamsUserAccessToken';
import { issueAccessToken } from './issueAccessToken';
import { OperationHandler } from './operationContext';
import { revokeAccessTokens } from './revokeAccessTokens';

export const OPERATION_HANDLERS: Readonly<Record<OperationName, OperationHandler>> = {
  createIdentity,
  deleteIdentity,
  revokeAccessTokens,
  issueAccessToken,
  exchangeTeamsUserAccessToken,
};
