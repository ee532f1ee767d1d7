import * as vscode from 'vscode';
import type { ConnectionStringProblem } from '../core/connectionString';

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
