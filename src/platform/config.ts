import * as vscode from 'vscode';
import { CLEAR_CLIPBOARD_SECONDS, REQUEST_TIMEOUT_SECONDS } from '../core/settingRanges';
import { isTokenScope, TOKEN_LIFETIME_MINUTES, type TokenScope } from '../shared/scopes';

/** The settings section and keys; package.json `contributes.configuration` declares the same. */
export const CONFIG_SECTION = 'acsIdentity';
export const ConfigKey = {
  defaultScopes: 'defaultScopes',
  tokenLifetimeMinutes: 'tokenLifetimeMinutes',
  statusBarEnabled: 'statusBar.enabled',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  clearClipboardAfterSeconds: 'clearClipboardAfterSeconds',
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

  get requestTimeoutSeconds(): number {
    return wholeNumberSetting(ConfigKey.requestTimeoutSeconds, REQUEST_TIMEOUT_SECONDS);
  }

  get clearClipboardAfterSeconds(): number {
    return wholeNumberSetting(ConfigKey.clearClipboardAfterSeconds, CLEAR_CLIPBOARD_SECONDS);
  }

  get tokenLifetimeMinutes(): number {
    return wholeNumberSetting(ConfigKey.tokenLifetimeMinutes, TOKEN_LIFETIME_MINUTES);
  }
}

/** A whole-number setting within its range, else its default. */
function wholeNumberSetting(key: string, range: { readonly min: number; readonly max: number; readonly default: number }): number {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(key);
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? value : range.default;
}
