// The localized words the tree, the pickers and the commands share, so that a token or a user is
// described the same way wherever it appears.
import * as vscode from 'vscode';
import type { ConnectionStringProblem } from '../core/connectionString';
import type { ResourceAuthentication, TokenRecord } from '../core/records';
import type { TokenStatus } from '../core/tokenStatus';
import { timeLeft } from '../core/userSummary';
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
  const { days, hours, minutes } = timeLeft(token, now);
  const totalHours = days * 24 + hours;
  if (totalHours > 0) {
    return vscode.l10n.t('expires in {0} h {1} min', totalHours, minutes);
  }
  if (minutes > 0) {
    return vscode.l10n.t('expires in {0} min', minutes);
  }
  return vscode.l10n.t('expires in less than a minute');
}

/** How a resource authenticates, in a word or two: "access key", "Microsoft Entra ID". */
export function authenticationName(authentication: ResourceAuthentication): string {
  return authentication === 'entraId' ? vscode.l10n.t('Microsoft Entra ID') : vscode.l10n.t('access key');
}

/** A stored ISO date in the person's locale. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString();
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
 * What is wrong with a connection string, in plain words. Built from the problem code only, so it
 * can never echo the key (the SDK's own parse error does, which is why it is never shown).
 */
export function describeConnectionStringProblem(problem: ConnectionStringProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Paste the connection string from the Keys page of the resource in the Azure portal.');
    case 'missingEndpoint':
      return vscode.l10n.t('The connection string has no "endpoint=" field.');
    case 'missingAccessKey':
      return vscode.l10n.t('The connection string has no "accesskey=" field.');
    case 'duplicateField':
      return vscode.l10n.t('The connection string has the same field twice.');
    case 'unknownField':
      return vscode.l10n.t('The connection string has a field other than "endpoint" and "accesskey".');
    case 'endpointNotUrl':
      return vscode.l10n.t('The endpoint is not a URL such as https://<name>.communication.azure.com/.');
    case 'endpointNotHttps':
      return vscode.l10n.t('The endpoint must use https (plain http is accepted only for localhost).');
    case 'endpointHasPath':
      return vscode.l10n.t('The endpoint must not have a path: use only https://<name>.communication.azure.com/.');
    case 'endpointHasQuery':
      return vscode.l10n.t('The endpoint must not have a query or a fragment.');
    case 'accessKeyNotBase64':
      return vscode.l10n.t('The access key is not valid base64 (copy it again from the Azure portal).');
  }
}
