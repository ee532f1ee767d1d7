// Access tokens like Microsoft Entra ID's, for tests that sign in without the internet: the
// claims the emulator (and Resource Manager) read, and a dummy signature, since the emulator cannot
// verify Entra ID signatures anyway.
import { EMULATED_TENANT_ID } from '../../src/emulator/defaults';

/** Who the tokens say the person is. */
export interface TestAccount {
  /** The `oid` claim, which Resource Manager names a caller by (and the emulator's listKeys deny list holds). */
  readonly objectId: string;
  /** The `upn` claim and the account's label in VS Code. */
  readonly userName: string;
  readonly homeTenantId: string;
}

export const TEST_ACCOUNT: TestAccount = {
  objectId: '0b1c0000-0000-4000-8000-0000000000c1',
  userName: 'dev@contoso.example',
  homeTenantId: EMULATED_TENANT_ID,
};

/** Someone whose role lets them read the resource but not its keys (the emulator is told to refuse them listKeys). */
export const READER_ACCOUNT: TestAccount = {
  objectId: '0b1c0000-0000-4000-8000-0000000000c2',
  userName: 'reader@contoso.example',
  homeTenantId: EMULATED_TENANT_ID,
};

const TENANT_SCOPE = 'VSCODE_TENANT:';

/**
 * A token for the first real scope (`https://x/.default` gives audience `https://x`), in the
 * tenant a `VSCODE_TENANT:<id>` pseudo-scope names, else the account's home tenant, as VS Code's
 * Microsoft authentication reads its scopes.
 */
export function mintAccessToken(account: TestAccount, scopes: readonly string[], options: { lifetimeSeconds?: number; nowMs?: number } = {}): string {
  const scope = scopes.find((candidate) => !candidate.startsWith('VSCODE_')) ?? '';
  const tenantId = scopes.find((candidate) => candidate.startsWith(TENANT_SCOPE))?.slice(TENANT_SCOPE.length) ?? account.homeTenantId;
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const claims = {
    aud: scope.replace(/\/\.default$/, ''),
    iss: `https://sts.windows.net/${tenantId}/`,
    tid: tenantId,
    oid: account.objectId,
    upn: account.userName,
    iat: now,
    nbf: now - 60,
    exp: now + (options.lifetimeSeconds ?? 3600),
  };
  const segment = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${segment({ alg: 'RS256', typ: 'JWT' })}.${segment(claims)}.${Buffer.from('not signed').toString('base64url')}`;
}

/** The audience, tenant and expiry a minted token carries (what the tests check a request got). */
export function claimsOf(token: string): { aud: string; tid: string; oid: string; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { aud: string; tid: string; oid: string; exp: number };
}
