// Context values of the tree items, built deterministically so that the menus in package.json can
// match them with anchored regexes: the base comes first, then the flags sorted, joined by ';'.
//   acsResource;localEmulator
//   acsResource;entraId;fromAzure
//   acsUser;hasValidToken
//   acsTeamsUser;hasToken;hasValidToken
//   acsToken;valid
// A menu matches a base with /^acsUser(;|$)/ and a flag with /^acsToken;(.*;)?valid(;|$)/.
// This module must not import vscode: it is unit-tested without an extension host.

export const ContextValueBase = {
  resource: 'acsResource',
  /** The "Teams users" row of a resource. */
  teamsUsers: 'acsTeamsUsers',
  user: 'acsUser',
  /** A Teams user: only the commands that need no ACS user (copy, claims, rename, remove from list). */
  teamsUser: 'acsTeamsUser',
  token: 'acsToken',
  error: 'acsError',
  damaged: 'acsDamaged',
  userRange: 'acsUserRange',
} as const;
export type ContextValueBase = (typeof ContextValueBase)[keyof typeof ContextValueBase];

export const ContextValueFlag = {
  /** resource: it is the in-process local emulator. */
  localEmulator: 'localEmulator',
  /** resource: added from Azure (its key can be fetched again through Resource Manager). */
  fromAzure: 'fromAzure',
  /** resource: called with the person's Microsoft Entra ID sign-in instead of its access key. */
  entraId: 'entraId',
  /** user: at least one of its tokens is neither expired nor revoked. */
  hasValidToken: 'hasValidToken',
  /** user: at least one token is recorded, whatever its status. */
  hasToken: 'hasToken',
  /** token: usable now. */
  valid: 'valid',
  /** token: past its expiry. */
  expired: 'expired',
  /** token: issued before the user's tokens were revoked. */
  revoked: 'revoked',
  /** user: its record was damaged and recovered from what was left (its label may be lost). */
  damaged: 'damaged',
} as const;
export type ContextValueFlag = (typeof ContextValueFlag)[keyof typeof ContextValueFlag];

/** `base;flagA;flagB` with the true flags in alphabetical order; duplicates collapse. */
export function buildContextValue(base: ContextValueBase, flags: Partial<Record<ContextValueFlag, boolean>> = {}): string {
  const set = Object.entries(flags)
    .filter(([, on]) => on === true)
    .map(([flag]) => flag)
    .sort();
  return [base, ...new Set(set)].join(';');
}

/** The `when` regex bodies used in package.json, kept here so that a unit test can check them. */
export function baseRegex(base: ContextValueBase): RegExp {
  return new RegExp(`^${base}(;|$)`);
}

export function flagRegex(base: ContextValueBase, flag: ContextValueFlag): RegExp {
  return new RegExp(`^${base};(.*;)?${flag}(;|$)`);
}
