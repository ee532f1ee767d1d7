import * as vscode from 'vscode';
import { formatToken, isTokenFormat, TOKEN_FORMATS, tokenFormatOutline, type TokenFormat } from '../core/tokenSnippets';
import { userDisplayName } from '../core/userSummary';
import { putTokenOnClipboard } from './flows/clipboard';
import { optionsOf, type Invocation } from './flows/options';
import { targetUser } from './flows/targets';
import { usableToken } from './flows/usableToken';
import type { Services } from './services';

/**
 * Copies a token (the clicked one, or the user's newest valid one) the way code takes it: JSON
 * `{ userId, token, expiresOn }`, `.env` lines, or TypeScript that builds the chat or calling SDK's
 * credential. From code: `{ userId, tokenId?, format }`. The value is never shown.
 */
export async function copyTokenAs(services: Services, invocation: Invocation): Promise<{ userId: string; expiresOn: string; format: TokenFormat } | undefined> {
  const title = vscode.l10n.t('Copy Token As');
  const target = await targetUser(services, invocation, title);
  if (!target) {
    return undefined;
  }
  const format = await tokenFormat(services, invocation, title);
  const token = format && (await usableToken(services, invocation, target, 'copy'));
  if (!format || !token) {
    return undefined;
  }
  const name = userDisplayName(target.user);
  await putTokenOnClipboard(services, formatToken(format, { userId: target.user.userId, token: token.value, expiresOn: token.expiresOn }), () => copiedAs(format, name));
  return { userId: target.user.userId, expiresOn: token.expiresOn, format };
}

async function tokenFormat(services: Services, invocation: Invocation, title: string): Promise<TokenFormat | undefined> {
  if (invocation.from === 'code') {
    const { format } = optionsOf(invocation);
    if (format !== undefined && isTokenFormat(format)) {
      return format;
    }
    services.messages.error(vscode.l10n.t('Copy Token As: the "format" option must be one of {0}.', TOKEN_FORMATS.join(', ')));
    return undefined;
  }
  return services.prompter.pickOne<TokenFormat>(
    [
      { label: vscode.l10n.t('JSON'), description: tokenFormatOutline('json'), value: 'json', answerId: 'json' },
      { label: vscode.l10n.t('.env lines'), description: tokenFormatOutline('env'), value: 'env', answerId: 'env' },
      {
        label: vscode.l10n.t('TypeScript'),
        description: vscode.l10n.t('AzureCommunicationTokenCredential for the chat and calling SDKs'),
        value: 'typescript',
        answerId: 'typescript',
      },
    ],
    { title, placeHolder: vscode.l10n.t('Copy the token as…') },
  );
}

function copiedAs(format: TokenFormat, name: string): string {
  switch (format) {
    case 'json':
      return vscode.l10n.t('Copied a token of {0} as JSON to the clipboard', name);
    case 'env':
      return vscode.l10n.t('Copied a token of {0} as .env lines to the clipboard', name);
    case 'typescript':
      return vscode.l10n.t('Copied a token of {0} as TypeScript to the clipboard', name);
  }
}
