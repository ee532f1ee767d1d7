import * as vscode from 'vscode';
import { quoteForMessage } from '../../core/displayText';
import { TOKEN_LIFETIME_MINUTES, isValidTokenLifetime, type TokenScope } from '../../shared/scopes';
import { optionsOf, parseScopesOption, type Invocation } from './options';
import type { Services } from '../services';

export interface TokenParameters {
  readonly scopes: TokenScope[];
  readonly lifetimeMinutes: number;
}

/**
 * Scopes and lifetime of a token to issue. From code: the options, else the settings (no prompt).
 * From the palette or the tree: a multi-select preselected from the settings, then the lifetime
 * prefilled from the settings, so Enter twice gives the configured defaults.
 */
export async function tokenParameters(services: Services, invocation: Invocation, title: string): Promise<TokenParameters | undefined> {
  if (invocation.from === 'code') {
    const options = optionsOf(invocation);
    let scopes = services.config.defaultScopes;
    if (options.scopes !== undefined) {
      const parsed = parseScopesOption(options.scopes);
      if (!parsed.ok) {
        services.messages.error(vscode.l10n.t('Unknown token scope: {0}. The scopes are chat, voip, chat.join, chat.join.limited and voip.join.', parsed.invalid.map((scope) => quoteForMessage(scope, 30)).join(', ')));
        return undefined;
      }
      scopes = parsed.scopes;
    }
    if (scopes.length === 0) {
      services.messages.error(vscode.l10n.t('Choose at least one scope: the service does not issue a token without scopes.'));
      return undefined;
    }
    const lifetimeMinutes = options.lifetimeMinutes ?? services.config.tokenLifetimeMinutes;
    if (!isValidTokenLifetime(lifetimeMinutes)) {
      services.messages.error(
        vscode.l10n.t('A token lifetime is a whole number of minutes from {0} to {1}, not {2}.', TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max, String(lifetimeMinutes)),
      );
      return undefined;
    }
    return { scopes, lifetimeMinutes };
  }
  const scopes = await services.pickers.scopes(title);
  if (!scopes) {
    return undefined;
  }
  const lifetimeMinutes = await services.pickers.lifetime(title);
  return lifetimeMinutes === undefined ? undefined : { scopes, lifetimeMinutes };
}
