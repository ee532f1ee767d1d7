import { isTokenScope, type TokenScope } from '../../shared/scopes';
import { isIdentityNode, type IdentityNode } from '../../tree/nodes';

/**
 * What a command takes from code (`executeCommand(id, options)`: other extensions, keybindings with
 * `args`, tests). A command called with an options object never prompts: it acts, or it shows an
 * error naming what is missing or wrong and returns `undefined`.
 * - `resource` may be left out when there is only one resource, or when `userId` names a user
 *   of a listed resource; otherwise it is an error that names the option. Remove Resource always
 *   needs it.
 * - `userId` is required by the commands that act on a user; a user not in the list is an error,
 *   except for Issue Token and Revoke Tokens (the user then joins the list, or is acted on by id).
 * - Copy Token fails if the user has no valid token (it does not offer to issue one).
 * - Rename User requires `label` (`''` clears it); Add Resource requires `connectionString`.
 * - `label`, `scopes` and `lifetimeMinutes` default to no label and the settings.
 * Delete User, Revoke Tokens, Remove User from List and Remove Resource skip their confirmation
 * only for a target named here (`userId`, or `resource`): the caller decided.
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
    return { from: 'code', options: arg };
  }
  // Menus of other views and keybindings without args pass nothing usable: treat it as the palette.
  return { from: 'palette' };
}

/** True when code named the target in its options (then a destructive command does not ask for confirmation). */
export function namedByCaller(invocation: Invocation, option: 'userId' | 'resource'): boolean {
  return invocation.from === 'code' && invocation.options[option] !== undefined;
}

export function optionsOf(invocation: Invocation): CommandOptions {
  return invocation.from === 'code' ? invocation.options : {};
}

/** The token a command was asked about: the clicked token row, or the `tokenId` option. */
export function tokenIdOf(invocation: Invocation): string | undefined {
  return invocation.from === 'tree' && invocation.node.kind === 'token' ? invocation.node.token.tokenId : optionsOf(invocation).tokenId;
}

/** Scopes given in options, or the invalid ones (to name them in the error). */
export function parseScopesOption(scopes: readonly string[]): { ok: true; scopes: TokenScope[] } | { ok: false; invalid: string[] } {
  const invalid = scopes.filter((scope) => typeof scope !== 'string' || !isTokenScope(scope));
  return invalid.length > 0 ? { ok: false, invalid: invalid.map(String) } : { ok: true, scopes: [...new Set(scopes as TokenScope[])] };
}
