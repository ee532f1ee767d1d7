import * as vscode from 'vscode';
import { isTokenScope, isValidTokenLifetime, TOKEN_LIFETIME_MINUTES, type TokenScope } from '../shared/scopes';

/** The settings section and keys; package.json `contributes.configuration` declares the same. */
export const CONFIG_SECTION = 'acsIdentity';
export const ConfigKey = {
  defaultScopes: 'defaultScopes',
  tokenLifetimeMinutes: 'tokenLifetimeMinutes',
  statusBarEnabled: 'statusBar.enabled',
} as const;

const DEFAULT_SCOPES: readonly TokenScope[] = ['chat', 'voip'];

/** Typed, sanitized reads of the extension's settings (a hand-edited settings.json can hold anything). */
export class Config {
  get defaultScopes(): TokenScope[] {
    const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(ConfigKey.defaultScopes);
    if (!Array.isArray(value)) {
      return [...DEFAULT_SCOPES];
    }
    const scopes = value.filter((scope): scope is TokenScope => typeof scope === 'string' && isTokenScope(scope));
    return [...new Set(scopes)];
  }

  /** Whether the status bar shows the resource in use and its soonest token expiry. */
  get statusBarEnabled(): boolean {
    return vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(ConfigKey.statusBarEnabled) !== false;
  }

  get tokenLifetimeMinutes(): number {
    const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(ConfigKey.tokenLifetimeMinutes);
    return typeof value === 'number' && isValidTokenLifetime(value) ? value : TOKEN_LIFETIME_MINUTES.default;
  }
}
