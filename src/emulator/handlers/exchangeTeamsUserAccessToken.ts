import { isGuid } from '../../shared/identifiers';
import { invalidAccessToken, validationError } from '../errors';
import { entraIdClaimsProblem } from '../bearerToken';
import { decodeUnverifiedJwt } from '../jwt';
import { OperationHandler } from './operationContext';

/**
 * `POST /teamsUser/:exchangeAccessToken` → 200 `{token, expiresOn}`.
 *
 * What the real service answers to bad requests, and in which order, from recordings of the live
 * service (the request bodies are sanitized, so each recording is read together with the test
 * that made it):
 *
 * 1. The Teams user's token, before anything else: empty, not a JWT or expired → 401
 *    `InvalidAccessToken` "Provided access token is not valid." (no target). It wins over an empty
 *    `userId`: the Python tests send `("invalid" | "", <app id>, "")` and get this 401
 *    (azure-sdk-for-python sdk/communication/azure-communication-identity/tests/
 *    test_communication_identity_client.py `test_get_token_for_teams_user_with_invalid_token`,
 *    recordings `…with_invalid_token[invalid_token-invalid].json` and `…[empty_token-].json`,
 *    whose bodies keep the empty `userId`). Java records the same 401 body
 *    (azure-sdk-for-java sdk/communication/azure-communication-identity/src/test/resources/
 *    session-records/CommunicationIdentityAsyncTests.getTokenForTeamsUserWithInvalidToken[1].json);
 *    the JS tests send an empty, invalid or expired token with a wrong `userId` and get 401 too
 *    (Azure/azure-sdk-assets js/sdk/communication/communication-identity/recordings/node/
 *    get_token_for_teams_user_playbacklive/…_ltan_empty_teamsuseraadtokengt.json,
 *    …_ltan_expired_teamsuseraadtokengt.json). Expired alone: python
 *    `…with_expired_token.json`.
 * 2. Required fields, by model validation: "AppId: The AppId field is required." (target
 *    `AppId`), "UserId: The UserId field is required." (target `UserId`) — python
 *    `…with_invalid_client_id[empty_client_id-].json`, `…with_invalid_user_object_id[empty_user_object_id-].json`,
 *    net `GetTokenForTeamsUserWithEmptyClientIdShouldThrow.json`. Inferred: since an invalid token
 *    beats an empty `userId`, it beats an empty `appId` (the same validation stage) too.
 * 3. Formats: "Provided AppId has invalid format." (target `appId`), "Provided UserId has invalid
 *    format." (target `userId`) — python `…[invalid_client_id-invalid].json`,
 *    `…[invalid_user_object_id-invalid].json`. These responses carry `api-supported-versions`
 *    while those of steps 1 and 2 do not: they come from a later stage, so a required field
 *    that is missing wins over a malformed one.
 * 4. The token's claims: "AAD application is not the expected one." (target `appId`), "Provided
 *    AAD token issued for unexpected user." (target `userId`) — python
 *    `…with_wrong_client_id.json`, `…with_wrong_user_object_id.json`.
 *
 * UNCONFIRMED, our choice: AppId before UserId within steps 2 to 4 (the order the request model
 * declares them); a non-string `appId`/`userId` reads as a malformed one; a token whose `aud` is
 * not the Teams audience, or that is not yet valid (`nbf`), is invalid like an expired one.
 * The emulator cannot verify an Entra ID signature offline: it checks the token's shape and
 * claims only.
 */
export const exchangeTeamsUserAccessToken: OperationHandler = (context) => {
  const claims = validTeamsUserToken(context.body.token, context.nowMs);
  const appId = context.body.appId;
  const userId = context.body.userId;
  requireField(appId, 'AppId');
  requireField(userId, 'UserId');
  const checkedAppId = requireGuid(appId, 'AppId', 'appId');
  const checkedUserId = requireGuid(userId, 'UserId', 'userId');
  if (!sameGuid(claims.appid, checkedAppId)) {
    throw validationError('AAD application is not the expected one.', 'appId');
  }
  if (!sameGuid(claims.oid, checkedUserId)) {
    throw validationError('Provided AAD token issued for unexpected user.', 'userId');
  }
  return { status: 200, body: context.tokens.issueForTeamsUser(checkedUserId, claims.exp) };
};

/** The audience of the Entra ID tokens the exchange takes (scopes `…/Teams.ManageCalls`, `…/Teams.ManageChats`). */
const TEAMS_AUDIENCE = 'https://auth.msft.communication.azure.com';

type TeamsUserClaims = Record<string, unknown> & { readonly exp: number };

function validTeamsUserToken(token: unknown, nowMs: number): TeamsUserClaims {
  const claims = typeof token === 'string' ? decodeUnverifiedJwt(token) : undefined;
  if (!claims || entraIdClaimsProblem(claims, [TEAMS_AUDIENCE], nowMs)) {
    throw invalidAccessToken();
  }
  return claims as TeamsUserClaims;
}

function requireField(value: unknown, modelName: string): void {
  if (value === undefined || value === null || value === '') {
    throw validationError(`${modelName}: The ${modelName} field is required.`, modelName);
  }
}

function requireGuid(value: unknown, modelName: string, jsonName: string): string {
  if (typeof value !== 'string' || !isGuid(value)) {
    throw validationError(`Provided ${modelName} has invalid format.`, jsonName);
  }
  return value;
}

function sameGuid(claim: unknown, expected: string): boolean {
  return typeof claim === 'string' && claim.toLowerCase() === expected.toLowerCase();
}
