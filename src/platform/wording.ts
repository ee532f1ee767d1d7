// The localized words the tree, the pickers and the commands share, so that a token or a user is
// described the same way wherever it appears.
import * as vscode from 'vscode';
import type { ConnectionStringFailure } from '../core/connectionString';
import { MAX_LABEL_LENGTH } from '../core/displayText';
import { MAX_USER_ID_LENGTH, type UserIdProblem } from '../core/userIdInput';
import type { ResourceAuthentication, TokenRecord } from '../core/records';
import type { TokenStatus } from '../core/tokenStatus';
import { scopesText, timeLeft } from '../core/userSummary';
import type { TokenScope } from '../shared/scopes';

/** How many of a user's tokens work: "no valid token", "1 valid token", "3 valid tokens". */
export function validTokensText(count: number): string {
  return count === 0 ? vscode.l10n.t('no valid token') : count === 1 ? vscode.l10n.t('1 valid token') : vscode.l10n.t('{0} valid tokens', count);
}

/** A token's short status: "expires in 23 h 12 min", "expired", "revoked". */
export function tokenStatusText(token: TokenRecord, status: TokenStatus, now: Date): string {
  if (status === 'revoked') {
    return vscode.l10n.t('revoked');
  }
  if (status === 'expired') {
    return vscode.l10n.t('expired');
  }
  return expiresInText(token, now);
}

/** A token's status as a sentence, with the date: for tooltips. */
export function tokenStatusSentence(token: TokenRecord, status: TokenStatus, now: Date): string {
  switch (status) {
    case 'revoked':
      return vscode.l10n.t('revoked (it would have expired {0})', formatDate(token.expiresOn));
    case 'expired':
      return vscode.l10n.t('expired {0}', formatDate(token.expiresOn));
    case 'valid':
      return `${expiresInText(token, now)} (${formatDate(token.expiresOn)})`;
  }
}

function expiresInText(token: TokenRecord, now: Date): string {
  return vscode.l10n.t('expires in {0}', timeLeftText(token, now));
}

/** The time a token has left: "23 h 12 min", "12 min", "less than a minute". */
export function timeLeftText(token: Pick<TokenRecord, 'expiresOn'>, now: Date): string {
  const { days, hours, minutes } = timeLeft(token, now);
  const totalHours = days * 24 + hours;
  if (totalHours > 0) {
    return vscode.l10n.t('{0} h {1} min', totalHours, minutes);
  }
  if (minutes > 0) {
    return vscode.l10n.t('{0} min', minutes);
  }
  return vscode.l10n.t('less than a minute');
}

/** How a resource authenticates, in a word or two: "access key", "Microsoft Entra ID". */
export function authenticationName(authentication: ResourceAuthentication): string {
  return authentication === 'entraId' ? vscode.l10n.t('Microsoft Entra ID') : vscode.l10n.t('access key');
}

/** The name the local emulator is listed under when it is first started. */
export function localEmulatorName(): string {
  return vscode.l10n.t('Local emulator');
}

/**
 * A date (a stored ISO one, or a Date) in the local time zone, written as VS Code's display
 * language writes it ("3/12/2026, 2:05:00 PM", "12/03/2026 14:05:00"), as VS Code writes its own.
 */
export function formatDate(value: string | Date): string {
  return new Date(value).toLocaleString(vscode.env.language);
}

/** A count as VS Code's display language writes it ("1,000", "1 000"). */
export function formatNumber(value: number): string {
  return value.toLocaleString(vscode.env.language);
}

export function scopeDescription(scope: TokenScope): string {
  switch (scope) {
    case 'chat':
      return vscode.l10n.t('Chat');
    case 'voip':
      return vscode.l10n.t('Calling');
    case 'chat.join':
      return vscode.l10n.t('Chat, without creating, deleting or updating threads');
    case 'chat.join.limited':
      return vscode.l10n.t('Chat like chat.join, without adding or removing participants');
    case 'voip.join':
      return vscode.l10n.t('Calling without starting new calls (Rooms)');
  }
}

/**
 * What is wrong with a connection string, in plain words that say what to paste instead. Built
 * from the problem code (and, for another service's string, that service's name) only, so it can
 * never echo the key (the SDK's own parse error does, which is why it is never shown).
 */
export function describeConnectionStringProblem(failure: ConnectionStringFailure): string {
  switch (failure.problem) {
    case 'empty':
      return vscode.l10n.t('Paste the connection string from the Keys page of the resource in the Azure portal.');
    case 'severalConnectionStrings':
      return vscode.l10n.t('The text holds more than one connection string: paste only one of them (the primary or the secondary).');
    case 'otherService':
      return vscode.l10n.t(
        'This is a connection string of {0}, not of Azure Communication Services: copy the one on the Keys page of your Communication Services resource (endpoint=https://<name>.communication.azure.com/;accesskey=…).',
        failure.service ?? '',
      );
    case 'onlyAccessKey':
      return vscode.l10n.t('This is an access key alone: paste the whole connection string (endpoint=…;accesskey=…) from the Keys page of the resource.');
    case 'onlyEndpoint':
      return vscode.l10n.t('This is an endpoint alone: paste the whole connection string (endpoint=…;accesskey=…) from the Keys page of the resource.');
    case 'missingEndpoint':
      return vscode.l10n.t('The connection string has no "endpoint=" field.');
    case 'missingAccessKey':
      return vscode.l10n.t('The connection string has no "accesskey=" field.');
    case 'duplicateField':
      return vscode.l10n.t('The connection string has the same field twice.');
    case 'unknownField':
      return vscode.l10n.t('The connection string has a field other than "endpoint" and "accesskey": paste it as the Keys page of the resource shows it.');
    case 'endpointNotUrl':
      return vscode.l10n.t('The endpoint is not a URL such as https://<name>.communication.azure.com/.');
    case 'endpointNotHttps':
      return vscode.l10n.t('The endpoint must use https (plain http is accepted only for localhost).');
    case 'endpointHasPath':
      return vscode.l10n.t('The endpoint must not have a path: use only https://<name>.communication.azure.com/.');
    case 'endpointHasQuery':
      return vscode.l10n.t('The endpoint must not have a query or a fragment.');
    case 'endpointIsIpv6':
      return vscode.l10n.t('The endpoint is an IPv6 address, which the Azure SDK cannot connect to: use 127.0.0.1 instead of [::1] for the local emulator, or a host name.');
    case 'accessKeyNotBase64':
      return vscode.l10n.t('The access key is not valid base64 (copy it again from the Azure portal).');
    case 'accessKeyIncomplete':
      return vscode.l10n.t('The access key is cut off or has extra characters: copy it again, whole, from the Keys page of the resource.');
    case 'accessKeyTooShort':
      return vscode.l10n.t('The access key is too short to be a Communication Services key (those are 88 characters long): copy the connection string again from the Keys page of the resource.');
  }
}

/** What is wrong with a user ID, in plain words; built from the problem code only (the text could be a pasted secret). */
export function describeUserIdProblem(problem: UserIdProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Enter the ID of an existing Communication Services user: 8:acs:<resource id>_<user id>.');
    case 'tooLong':
      return vscode.l10n.t('This is too long to be a Communication Services user ID (at most {0} characters): paste the ID alone.', MAX_USER_ID_LENGTH);
    case 'controlCharacters':
      return vscode.l10n.t('The user ID contains a line break, a tab or another invisible character: paste the ID alone.');
    case 'teamsUser':
      return vscode.l10n.t('This is the ID of a Microsoft Teams user or guest, not of a Communication Services user (8:acs:<resource id>_<user id>).');
    case 'phoneNumber':
      return vscode.l10n.t('This is a phone number, not a Communication Services user ID (8:acs:<resource id>_<user id>).');
    case 'notAcs':
      return vscode.l10n.t('This is not a Communication Services user ID (8:acs:<resource id>_<user id>).');
  }
}

/** A label refused for its length (typed: in the input box; from code: naming the option). */
export function labelTooLongText(length: number): string {
  return vscode.l10n.t('A label is at most {0} characters long; this one has {1}.', MAX_LABEL_LENGTH, formatNumber(length));
}

/** A token's scopes as a person reads them; a Teams user's token has the scopes the service chose, not always readable from it. */
export function tokenScopesText(token: Pick<TokenRecord, 'scopes'>): string {
  return scopesText(token) || vscode.l10n.t('access token');
}
