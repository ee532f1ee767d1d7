import { isGuid } from '../../shared/identifiers';
import { decodeJwt } from '../../shared/jwt';
import { invalidAccessToken, validationError } from '../errors';
import { OperationHandler } from './operationContext';

/**
 * `POST /teamsUser/:exchangeAccessToken` → 200 `{token, expiresOn}`, with the recorded messages (§1.5).
 * The emulator cannot verify an Entra ID signature offline, so it checks what it can: the token
 * is a JWT, not expired, and its `appid` and `oid` claims match `appId` and `userId`.
 * UNCONFIRMED: the messages for a missing or malformed `userId`, written like the recorded `appId` ones.
 */
export const exchangeTeamsUserAccessToken: OperationHandler = (context) => {
  const appId = requiredGuid(context.body.appId, 'AppId', 'appId');
  const userId = requiredGuid(context.body.userId, 'UserId', 'userId');
  const token = context.body.token;
  const decoded = typeof token === 'string' ? decodeJwt(token) : undefined;
  if (!decoded?.ok) {
    throw invalidAccessToken();
  }
  const { exp, appid, oid } = decoded.claims;
  if (typeof exp !== 'number' || exp * 1000 <= context.nowMs) {
    throw invalidAccessToken();
  }
  if (!sameGuid(appid, appId)) {
    throw validationError('AAD application is not the expected one.', 'appId');
  }
  if (!sameGuid(oid, userId)) {
    throw validationError('Provided AAD token issued for unexpected user.', 'userId');
  }
  return { status: 200, body: context.tokens.issueForTeamsUser(userId, exp) };
};

function requiredGuid(value: unknown, modelName: string, jsonName: string): string {
  if (value === undefined || value === null || value === '') {
    throw validationError(`${modelName}: The ${modelName} field is required.`, modelName);
  }
  if (typeof value !== 'string' || !isGuid(value)) {
    throw validationError(`Provided ${modelName} has invalid format.`, jsonName);
  }
  return value;
}

function sameGuid(claim: unknown, expected: string): boolean {
  return typeof claim === 'string' && claim.toLowerCase() === expected.toLowerCase();
}
