import { isTokenScope, type TokenScope } from '../core/scopes';
import { isIdentityNode, type IdentityNode } from '../tree/nodes';

/**
 * What a command takes from code (`executeCommand(id, options)`), instead of prompting. Every field
 * is optional: a missing resource or user is asked for (or skipped when there is only one
 * resource), missing label/scopes/lifetime take their defaults (no label, the settings).
 * Destructive commands run from code do not ask for confirmation: the caller decided.
 */
export interface CommandOptions {
  /** The resource: its id (as returned by addResource), its name or its endpoint host. */
  readonly resource?: string;
  readonly userId?: string;
  /** showTokenClaims / copyToken: a specific token rather than the user's newest. */
  readonly tokenId?: string;
  readonly label?: string;
  readonly scopes?: readonly string[];
  readonly lifetimeMinutes?: number;
  /** addResource */
  readonly connectionString?: string;
  /** addResource: the display name. */
  readonly name?: string;
}

/** How a command was invoked: with a tree node, with an options object, or from the palette (nothing). */
export type Invocation =
  | { readonly from: 'tree'; readonly node: IdentityNode }
  | { readonly from: 'code'; readonly options: CommandOptions }
  | { readonly from: 'palette' };

export function invocationOf(arg: unknown): Invocation {
  if (isIdentityNode(arg)) {
    return { from: 'tree', node: arg };
  }
  if (typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
    return { from: 'code', options: arg as CommandOptions };
  }
  // Menus of other views and keybindings without args pass nothing usable: treat it as the palette.
  return { from: 'palette' };
}

export function optionsOf(invocation: Invocation): CommandOptions {
  return invocation.from === 'code' ? invocation.options : {};
}

/** Scopes given in options, or the invalid ones (to name them in the error). */
export function parseScopesOption(scopes: readonly string[]): { ok: true; scopes: TokenScope[] } | { ok: false; invalid: string[] } {
  const invalid = scopes.filter((scope) => typeof scope !== 'string' || !isTokenScope(scope));
  return invalid.length > 0 ? { ok: false, invalid: invalid.map(String) } : { ok: true, scopes: [...new Set(scopes as TokenScope[])] };
}
