import * as vscode from 'vscode';
import { decodeJwt, describeClaims } from '../core/tokenClaims';

import type { Registry } from '../storage/registry';
import type { TokenRecord } from '../core/records';

export const CLAIMS_SCHEME = 'acs-identity-claims';

interface TokenRef {
  readonly resourceId: string;
  readonly userId: string;
  readonly tokenId: string;
}

/**
 * Read-only documents with a token's decoded header and claims (dates spelled out, no signature).
 * The URI names the token by its ids only; the value is read from SecretStorage when the document
 * is rendered and never leaves it except decoded.
 */
export class ClaimsDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly registry: Registry) {}

  static uriFor(token: TokenRecord, title: string): vscode.Uri {
    const ref: TokenRef = { resourceId: token.resourceId, userId: token.userId, tokenId: token.tokenId };
    const fileName = `${vscode.l10n.t('{0} token claims', title.replace(/[\\/:*?"<>|]/g, '_'))}.json`;
    return vscode.Uri.from({ scheme: CLAIMS_SCHEME, path: `/${fileName}`, query: JSON.stringify(ref) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let ref: TokenRef;
    try {
      ref = JSON.parse(uri.query) as TokenRef;
    } catch {
      return vscode.l10n.t('// This link does not name a token.');
    }
    const token = (await this.registry.listTokens(ref.resourceId, ref.userId)).find((candidate) => candidate.tokenId === ref.tokenId);
    const value = token && (await this.registry.getTokenValue(token));
    if (!value) {
      return vscode.l10n.t('// This token is no longer stored in VS Code.');
    }
    return renderClaims(value) ?? vscode.l10n.t('// This token is not a JSON Web Token: it cannot be decoded.');
  }
}

/** `{ header, claims }` as pretty JSON, with exp/iat/nbf as dates; the signature is left out. */
export function renderClaims(token: string): string | undefined {
  const decoded = decodeJwt(token);
  if (!decoded.ok) {
    return undefined;
  }
  return `${JSON.stringify({ header: decoded.header, claims: describeClaims(decoded.claims) }, null, 2)}\n`;
}
