import * as assert from 'node:assert/strict';
import { classifyTeamsExchangeError } from '../../../src/core/teamsExchangeErrors';
import { entraTokenProblem, exchangedTokenScopes, teamsUserId, teamsUserObjectId } from '../../../src/core/teamsUsers';

const OID = '0b1c0000-0000-4000-8000-0000000000c1';

function jwt(claims: object): string {
  const segment = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(claims)}.c2lnbmF0dXJl`;
}

suite('Teams users', () => {
  test("the ACS id comes from the token's skypeid when it names the user, else it is 8:orgid:<object id>", () => {
    assert.equal(teamsUserId(jwt({ skypeid: `orgid:${OID}` }), OID), `8:orgid:${OID}`);
    assert.equal(teamsUserId(jwt({ skypeid: `gcch:${OID.toUpperCase()}` }), OID.toUpperCase()), `8:gcch:${OID}`);
    // Another user's id in the claim, no claim, no JWT at all: the public cloud's form.
    assert.equal(teamsUserId(jwt({ skypeid: 'orgid:11111111-0000-4000-8000-000000000000' }), OID), `8:orgid:${OID}`);
    assert.equal(teamsUserId(jwt({}), ` ${OID.toUpperCase()} `), `8:orgid:${OID}`);
    assert.equal(teamsUserId('opaque', OID), `8:orgid:${OID}`);
  });

  test('the object id is read back from a Teams user id only', () => {
    assert.equal(teamsUserObjectId(`8:orgid:${OID}`), OID);
    assert.equal(teamsUserObjectId(`8:dod:${OID}`), OID);
    assert.equal(teamsUserObjectId('8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-5a3a0d000081'), undefined);
  });

  test("an exchanged token's scopes are those of its acsScope claim that the extension knows", () => {
    assert.deepEqual(exchangedTokenScopes(jwt({ acsScope: 'chat,voip' })), ['chat', 'voip']);
    assert.deepEqual(exchangedTokenScopes(jwt({ acsScope: 'voip, teams.unknown ,voip' })), ['voip']);
    assert.deepEqual(exchangedTokenScopes(jwt({})), []);
    assert.deepEqual(exchangedTokenScopes('opaque'), []);
  });

  test('a pasted Entra ID token must look like a JWT', () => {
    assert.equal(entraTokenProblem('  '), 'empty');
    assert.equal(entraTokenProblem('not-a-token'), 'notJwt');
    assert.equal(entraTokenProblem(` ${jwt({ oid: OID })}\n`), undefined);
  });

  test('the refusals of the exchange name the input to fix', () => {
    const restError = (statusCode: number, code: string, message: string, target?: string) => ({
      name: 'RestError',
      statusCode,
      code,
      message,
      response: { parsedBody: { error: { code, message, ...(target === undefined ? {} : { target }) } } },
    });
    assert.equal(classifyTeamsExchangeError(restError(401, 'InvalidAccessToken', 'Provided access token is not valid.')), 'teamsTokenRejected');
    assert.equal(classifyTeamsExchangeError(restError(400, 'ValidationError', 'AppId: The AppId field is required.', 'AppId')), 'appIdInvalid');
    assert.equal(classifyTeamsExchangeError(restError(400, 'ValidationError', 'Provided AppId has invalid format.', 'appId')), 'appIdInvalid');
    assert.equal(classifyTeamsExchangeError(restError(400, 'ValidationError', 'UserId: The UserId field is required.', 'UserId')), 'userObjectIdInvalid');
    assert.equal(classifyTeamsExchangeError(restError(400, 'ValidationError', 'Provided UserId has invalid format.', 'userId')), 'userObjectIdInvalid');
    assert.equal(classifyTeamsExchangeError(restError(400, 'ValidationError', 'AAD application is not the expected one.', 'appId')), 'wrongApp');
    assert.equal(classifyTeamsExchangeError(restError(400, 'ValidationError', 'Provided AAD token issued for unexpected user.', 'userId')), 'wrongUser');
    // Without a parsed body, the words alone.
    assert.equal(classifyTeamsExchangeError({ statusCode: 400, code: 'ValidationError', message: 'Provided AAD token issued for unexpected user.' }), 'wrongUser');
    // Not the exchange's own: the access key refused, throttling, anything else.
    assert.equal(classifyTeamsExchangeError(restError(401, 'Denied', 'Denied by the resource provider.')), undefined);
    assert.equal(classifyTeamsExchangeError(restError(429, 'TooManyRequests', 'slow down')), undefined);
    assert.equal(classifyTeamsExchangeError(new Error('boom')), undefined);
    assert.equal(classifyTeamsExchangeError(undefined), undefined);
  });
});
