import * as vscode from 'vscode';
import { decodeJwt } from '../core/tokenClaims';
import { entraTokenProblem } from '../core/teamsUsers';
import { userDisplayName } from '../core/userSummary';
import { isGuid } from '../shared/identifiers';
import { formatDate } from '../platform/wording';
import { copyIssuedTokenAction } from './flows/clipboard';
import { issuedTokenResult, type IssuedTokenResult } from './flows/issueToken';
import { optionsOf, type Invocation } from './flows/options';
import { targetResource } from './flows/targets';
import type { Services } from './services';

interface ExchangeRequest {
  readonly teamsToken: string;
  readonly appId: string;
  readonly userObjectId: string;
}

/**
 * Exchanges a Teams user's Entra ID access token for a Communication Services token, as
 * `az communication user-identity token get-for-teams-user` does. The Entra ID token is asked as a
 * password, passed to the service and dropped: never stored, logged or shown. The Teams user joins
 * the resource's "Teams users" with its new token. From code: `{ resource, teamsToken, appId,
 * userObjectId }`, never prompting.
 */
export async function exchangeTeamsUserToken(services: Services, invocation: Invocation): Promise<IssuedTokenResult | undefined> {
  const title = vscode.l10n.t('Exchange Teams User Token');
  const resource = await targetResource(services, invocation, title);
  if (!resource) {
    return undefined;
  }
  const request = invocation.from === 'code' ? requestOfOptions(services, invocation) : await askRequest(services, title);
  if (!request) {
    return undefined;
  }
  const failed = vscode.l10n.t('Could not exchange the Teams user token in "{0}".', resource.name);
  try {
    const issued = await services.progress.run(vscode.l10n.t('Exchanging the Teams user token in "{0}"…', resource.name), (signal) =>
      services.workflows.exchangeTeamsUserToken(resource.id, { ...request, signal }),
    );
    services.resourceInUse.note(resource.id);
    const user = await services.registry.getUser(resource.id, issued.userId);
    const name = userDisplayName(user ?? { userId: issued.userId });
    services.messages.info(
      vscode.l10n.t('Teams user {0} has a Communication Services token, valid until {1}.', name, formatDate(issued.expiresOn)),
      copyIssuedTokenAction(services, name, issued.token),
    );
    return issuedTokenResult(issued);
  } catch (error) {
    services.errors.presentTeamsExchangeFailure(error, { failed, resource, appId: request.appId, userObjectId: request.userObjectId });
    return undefined;
  }
}

/** From code every input is required; their format is the service's to judge, as for any caller of its API. */
function requestOfOptions(services: Services, invocation: Invocation): ExchangeRequest | undefined {
  const { teamsToken = '', appId = '', userObjectId = '' } = optionsOf(invocation);
  const request: ExchangeRequest = { teamsToken: teamsToken.trim(), appId: appId.trim(), userObjectId: userObjectId.trim() };
  const missing = (Object.keys(request) as (keyof ExchangeRequest)[]).find((option) => request[option] === '');
  if (missing) {
    services.messages.error(vscode.l10n.t('Exchange Teams User Token: the "{0}" option is required.', missing));
    return undefined;
  }
  return request;
}

/**
 * The token as a password, then the two ids, each prefilled from the token's own `appid` and `oid`
 * claims when it has them (the service checks them against the token all the same).
 */
async function askRequest(services: Services, title: string): Promise<ExchangeRequest | undefined> {
  const teamsToken = await services.prompter.input({
    title,
    prompt: vscode.l10n.t("The Teams user's Entra ID access token, for the audience https://auth.msft.communication.azure.com (used once, never stored)"),
    placeHolder: 'eyJ0eXAiOiJKV1QiLCJhbGciOi…',
    password: true,
    validate: (value) => {
      switch (entraTokenProblem(value)) {
        case 'empty':
          return vscode.l10n.t('Paste the access token the Teams user got from Entra ID.');
        case 'notJwt':
          return vscode.l10n.t('This is not an access token: an Entra ID access token is a JWT, three base64url parts separated by dots.');
        default:
          return undefined;
      }
    },
  });
  if (teamsToken === undefined) {
    return undefined;
  }
  const decoded = decodeJwt(teamsToken.trim());
  const claim = (name: string): string | undefined => {
    const value = decoded.ok ? decoded.claims[name] : undefined;
    return typeof value === 'string' && isGuid(value) ? value : undefined;
  };
  const guidProblem = (value: string): string | undefined =>
    isGuid(value.trim()) ? undefined : vscode.l10n.t('Enter a GUID, such as 00000000-0000-0000-0000-000000000000.');
  const appId = await services.prompter.input({
    title,
    prompt: vscode.l10n.t('The application (client) ID of the Entra ID app the Teams user signed in to'),
    placeHolder: '00000000-0000-0000-0000-000000000000',
    value: claim('appid'),
    validate: guidProblem,
  });
  if (appId === undefined) {
    return undefined;
  }
  const userObjectId = await services.prompter.input({
    title,
    prompt: vscode.l10n.t("The Teams user's Entra ID object ID"),
    placeHolder: '00000000-0000-0000-0000-000000000000',
    value: claim('oid'),
    validate: guidProblem,
  });
  if (userObjectId === undefined) {
    return undefined;
  }
  return { teamsToken: teamsToken.trim(), appId: appId.trim(), userObjectId: userObjectId.trim() };
}
