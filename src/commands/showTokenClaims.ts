import * as vscode from 'vscode';
import { userDisplayName } from '../core/userSummary';
import { ClaimsDocuments } from '../ui/claimsDocuments';
import { tokenIdOf, type Invocation } from './flows/options';
import type { Services } from './services';
import { targetUser } from './flows/targets';

/** Opens a read-only document with a token's decoded claims (dates spelled out, no signature). */
export async function showTokenClaims(services: Services, invocation: Invocation): Promise<{ userId: string; tokenId: string; uri: string } | undefined> {
  const title = vscode.l10n.t('Show Token Claims');
  const target = await targetUser(services, invocation, title);
  if (!target) {
    return undefined;
  }
  const { resource, user } = target;
  const tokens = await services.registry.listTokens(resource.id, user.userId);
  const wantedTokenId = tokenIdOf(invocation);
  const token =
    wantedTokenId !== undefined
      ? tokens.find((candidate) => candidate.tokenId === wantedTokenId)
      : invocation.from === 'palette'
        ? await services.pickers.token(user, tokens, title)
        : tokens[0];
  if (!token) {
    if (tokens.length === 0 || wantedTokenId !== undefined) {
      services.messages.info(vscode.l10n.t('No token of {0} is stored in VS Code.', userDisplayName(user)));
    }
    return undefined;
  }
  const uri = ClaimsDocuments.uriFor(token, userDisplayName(user));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  return { userId: user.userId, tokenId: token.tokenId, uri: uri.toString() };
}
