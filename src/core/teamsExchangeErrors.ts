// The refusals of the Teams token exchange, from the service's answers as recorded by the Azure
// SDKs' live tests (see src/emulator/handlers/exchangeTeamsUserAccessToken.ts): each says which of
// the three inputs to fix.

export type TeamsExchangeProblem =
  /** 401 InvalidAccessToken: the Entra ID token is not a token, has expired, or is for another audience. */
  | 'teamsTokenRejected'
  /** 400 ValidationError on AppId: missing or not a GUID. */
  | 'appIdInvalid'
  /** 400 ValidationError on UserId: missing or not a GUID. */
  | 'userObjectIdInvalid'
  /** 400 "AAD application is not the expected one.": the token was issued to another application. */
  | 'wrongApp'
  /** 400 "Provided AAD token issued for unexpected user.": the token is another user's. */
  | 'wrongUser';

interface ErrorFields {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly response?: { readonly parsedBody?: unknown };
}

/** Which input the service refused, or undefined when the failure is not one of the exchange's own. */
export function classifyTeamsExchangeError(error: unknown): TeamsExchangeProblem | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { statusCode, code, message, response } = error as ErrorFields;
  if (statusCode === 401 && code === 'InvalidAccessToken') {
    return 'teamsTokenRejected';
  }
  if (statusCode !== 400 || code !== 'ValidationError') {
    return undefined;
  }
  const target = errorTarget(response?.parsedBody)?.toLowerCase();
  const text = typeof message === 'string' ? message : '';
  // "AppId: The AppId field is required." / "Provided AppId has invalid format." name the field; a
  // wrong app or user is said in words of its own, with the field as its target.
  const malformed = /required|invalid format/i.test(text);
  if (target === 'appid' || /\bAppId\b/.test(text) || /AAD application/i.test(text)) {
    return malformed ? 'appIdInvalid' : 'wrongApp';
  }
  if (target === 'userid' || /\bUserId\b/.test(text) || /unexpected user/i.test(text)) {
    return malformed ? 'userObjectIdInvalid' : 'wrongUser';
  }
  return undefined;
}

function errorTarget(body: unknown): string | undefined {
  const target = (body as { error?: { target?: unknown } } | undefined)?.error?.target;
  return typeof target === 'string' ? target : undefined;
}
