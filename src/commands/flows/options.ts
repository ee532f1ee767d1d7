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
 * - Add Resource from Azure requires `azureResourceId`, and never shows VS Code's sign-in: the
 *   person must be signed in already. It takes the access key unless `authentication` is `entraId`.
 * - `label`, `scopes` and `lifetimeMinutes` default to no label and the settings.
 * - Create Users in Bulk requires `count`; `scopes: []` creates users without tokens.
 * - Exchange Teams User Token requires `teamsToken`, `appId` and `userObjectId`.
 * - Export Users and Import Users require `file`; `format` defaults to the file's extension.
 * - Copy Token As requires `format`.
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
  /** createUsersInBulk: how many users (1 to 10,000). */
  readonly count?: number;
  /** createUsersInBulk: the users are labelled `<labelPrefix>001`, …; none when absent. */
  readonly labelPrefix?: string;
  /** exchangeTeamsUserToken: the Teams user's Entra ID access token (passed to the service, never kept). */
  readonly teamsToken?: string;
  /** exchangeTeamsUserToken: the application (client) ID the Entra ID token was issued to. */
  readonly appId?: string;
  /** exchangeTeamsUserToken: the Teams user's Entra ID object ID. */
  readonly userObjectId?: string;
  /** exportUsers / importUsers: the file's path (or a `file:` URI). */
  readonly file?: string;
  /** exportUsers / importUsers: `json` or `csv`; copyTokenAs: `json`, `env` or `typescript`. */
  readonly format?: string;
  /** addResourceFromAzure: `/subscriptions/<id>/resourceGroups/<name>/providers/Microsoft.Communication/communicationServices/<name>`. */
  readonly azureResourceId?: string;
  /** addResourceFromAzure: the directory of the subscription; found by listing when absent. */
  readonly tenantId?: string;
  /** addResourceFromAzure: `key` (default) or `entraId`. */
  readonly authentication?: string;
}

/** How a command was invoked: with a tree node, with an options object, or from the palette (nothing). */
export type Invocation =
  /** `selection`: every node selected when the menu was opened (the clicked one included); just it otherwise. */
  | { readonly from: 'tree'; readonly node: IdentityNode; readonly selection: readonly IdentityNode[] }
  | { readonly from: 'code'; readonly options: CommandOptions }
  | { readonly from: 'palette' };

/** VS Code passes a tree command the clicked node and, for a view that allows several, the selected ones. */
export function invocationOf(arg: unknown, selection?: unknown): Invocation {
  if (isIdentityNode(arg)) {
    const selected = Array.isArray(selection) ? selection.filter(isIdentityNode) : [];
    return { from: 'tree', node: arg, selection: selected.includes(arg) ? selected : [arg] };
  }
  if (typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
    return { from: 'code', options: arg };
  }
  // Menus of other views and keybindings without args pass nothing usable: treat it as the palette.
  return { from: 'palette' };
}

const OPTION_TYPES: Readonly<Record<keyof CommandOptions, 'string' | 'number' | 'strings'>> = {
  resource: 'string',
  userId: 'string',
  tokenId: 'string',
  label: 'string',
  scopes: 'strings',
  lifetimeMinutes: 'number',
  connectionString: 'string',
  name: 'string',
  count: 'number',
  labelPrefix: 'string',
  teamsToken: 'string',
  appId: 'string',
  userObjectId: 'string',
  file: 'string',
  format: 'string',
  azureResourceId: 'string',
  tenantId: 'string',
  authentication: 'string',
};

/**
 * The options whose value has the wrong type (`{ userId: 42 }`), named with the type they need.
 * Values are never repeated back: a misplaced one could be a key.
 */
export function optionTypeProblems(options: object): { readonly option: string; readonly expected: 'string' | 'number' | 'strings' }[] {
  const problems: { option: string; expected: 'string' | 'number' | 'strings' }[] = [];
  for (const [option, expected] of Object.entries(OPTION_TYPES)) {
    const value: unknown = (options as Record<string, unknown>)[option];
    const fits =
      value === undefined ||
      (expected === 'string' && typeof value === 'string') ||
      (expected === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (expected === 'strings' && Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!fits) {
      problems.push({ option, expected });
    }
  }
  return problems;
}

/**
 * The options that no command takes (`{ lifetime: 60 }` for `lifetimeMinutes`): refused rather
 * than ignored, or the command would run with a default the caller meant to change.
 */
export function unknownOptions(options: object): string[] {
  return Object.keys(options).filter((option) => !Object.hasOwn(OPTION_TYPES, option));
}

/** The names of every option, for the message that refuses an unknown one. */
export const OPTION_NAMES: readonly string[] = Object.keys(OPTION_TYPES);

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
