import * as vscode from 'vscode';
import { authenticationOf } from '../core/records';
import { tokenStatus } from '../core/tokenStatus';
import { scopesText, summarizeUser } from '../core/userSummary';
import { authenticationName, formatDate, formatNumber, tokenScopesText, tokenStatusSentence, tokenStatusText, validTokensText } from '../platform/wording';
import { buildContextValue, ContextValueBase } from './contextValues';
import { teamsUserObjectId } from '../core/teamsUsers';
import type { DamagedNode, ErrorNode, IdentityNode, ResourceNode, TeamsUsersNode, TokenNode, UserNode, UserRangeNode } from './nodes';
import { resourceContextValue, tokenContextValue, userContextValue } from './treeModel';

/** Maps a node to what VS Code shows; `now` decides every expiry-dependent word. */
export function toTreeItem(node: IdentityNode, now: Date): vscode.TreeItem {
  switch (node.kind) {
    case 'resource':
      return resourceItem(node);
    case 'teamsUsers':
      return teamsUsersItem(node);
    case 'userRange':
      return userRangeItem(node);
    case 'user':
      return userItem(node, now);
    case 'token':
      return tokenItem(node, now);
    case 'error':
      return errorItem(node);
    case 'damaged':
      return damagedItem(node);
  }
}

function resourceItem(node: ResourceNode): vscode.TreeItem {
  const { resource } = node;
  const item = new vscode.TreeItem(resource.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  const authentication = authenticationOf(resource);
  // A resource added without a name is labelled with its host: saying it twice adds nothing. One
  // added from Azure says how it authenticates (there, both ways are possible).
  const description = [...(resource.name === resource.host ? [] : [resource.host]), ...(resource.azure ? [authenticationName(authentication)] : [])];
  item.description = description.length > 0 ? description.join(' · ') : undefined;
  item.tooltip = [
    resource.name,
    resource.endpoint,
    authentication === 'entraId'
      ? vscode.l10n.t('Authenticates with Microsoft Entra ID: your Azure sign-in in VS Code; no key is stored')
      : vscode.l10n.t("Authenticates with its access key (the connection string, in VS Code's secret storage)"),
    ...(resource.azure
      ? [vscode.l10n.t('In Azure: {0}, resource group {1}, subscription {2}', resource.azure.name, resource.azure.resourceGroup, resource.azure.subscriptionId)]
      : []),
    ...(resource.isLocalEmulator ? [vscode.l10n.t('Local emulator, run inside VS Code')] : []),
  ].join('\n');
  item.iconPath = new vscode.ThemeIcon(resource.isLocalEmulator ? 'vm' : authentication === 'entraId' ? 'azure' : 'cloud');
  item.contextValue = resourceContextValue(resource);
  return item;
}

function userRangeItem(node: UserRangeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Users {0}–{1}', formatNumber(node.start + 1), formatNumber(node.start + node.count)), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.tooltip = vscode.l10n.t('Users {0} to {1} of "{2}", in the order they were created', formatNumber(node.start + 1), formatNumber(node.start + node.count), node.resource.name);
  item.iconPath = new vscode.ThemeIcon('folder');
  item.contextValue = buildContextValue(ContextValueBase.userRange);
  return item;
}

function teamsUsersItem(node: TeamsUsersNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Teams users'), vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.tooltip = vscode.l10n.t('Teams users whose Entra ID token was exchanged for Communication Services tokens in "{0}"', node.resource.name);
  item.iconPath = new vscode.ThemeIcon('organization');
  item.contextValue = buildContextValue(ContextValueBase.teamsUsers);
  return item;
}

function userItem(node: UserNode, now: Date): vscode.TreeItem {
  const { user, tokens } = node;
  const summary = summarizeUser(user, tokens, now);
  const item = new vscode.TreeItem(
    summary.displayName,
    tokens.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = user.damaged ? vscode.l10n.t('{0}, damaged record', validTokensText(summary.validTokenCount)) : validTokensText(summary.validTokenCount);
  const lines = [
    vscode.l10n.t('User ID: {0}', user.userId),
    user.origin === 'created'
      ? vscode.l10n.t('Created: {0}', formatDate(user.createdAt))
      : vscode.l10n.t('Added to the list: {0}', formatDate(user.createdAt)),
  ];
  const objectId = user.kind === 'teamsUser' ? teamsUserObjectId(user.userId) : undefined;
  if (objectId) {
    lines.unshift(vscode.l10n.t('Teams user, Entra ID object ID: {0}', objectId));
  }
  if (user.label) {
    lines.unshift(user.label);
  }
  if (user.damaged) {
    lines.push(vscode.l10n.t('Its record was damaged and recovered from what was left: its label and creation time may be lost. It still exists in Azure Communication Services; "Remove User from List" removes it here.'));
  }
  if (summary.latestToken && summary.latestTokenStatus) {
    lines.push(
      vscode.l10n.t(
        'Latest token: {0}, {1}',
        scopesText(summary.latestToken),
        tokenStatusSentence(summary.latestToken, summary.latestTokenStatus, now),
      ),
    );
  } else {
    lines.push(vscode.l10n.t('No token issued through VS Code'));
  }
  item.tooltip = lines.join('\n');
  item.iconPath = new vscode.ThemeIcon(user.kind === 'teamsUser' ? 'account' : 'person');
  item.contextValue = userContextValue(user, tokens, now);
  return item;
}

function tokenItem(node: TokenNode, now: Date): vscode.TreeItem {
  const { token, user } = node;
  const status = tokenStatus(token, user, now);
  const scopes = tokenScopesText(token);
  const item = new vscode.TreeItem(scopes, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = tokenStatusText(token, status, now);
  item.tooltip = [
    vscode.l10n.t('Scopes: {0}', scopes),
    vscode.l10n.t('Issued: {0}', formatDate(token.issuedAt)),
    tokenStatusSentence(token, status, now),
  ].join('\n');
  item.iconPath =
    status === 'valid'
      ? new vscode.ThemeIcon('key')
      : new vscode.ThemeIcon(status === 'revoked' ? 'circle-slash' : 'history', new vscode.ThemeColor('disabledForeground'));
  item.contextValue = tokenContextValue(status);
  return item;
}

function damagedItem(node: DamagedNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.count === 1 ? vscode.l10n.t('1 damaged record could not be read') : vscode.l10n.t('{0} damaged records could not be read', node.count),
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.contextValue = buildContextValue(ContextValueBase.damaged);
  item.tooltip = vscode.l10n.t('Lines of the records that are not records (a damaged disk, an edit by hand) are kept out of the list. The "ACS Identities" output says where they are; "Remove Damaged Records" removes them.');
  return item;
}

function errorItem(node: ErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = buildContextValue(ContextValueBase.error);
  item.tooltip = vscode.l10n.t('See the "ACS Identities" output for details.');
  return item;
}
