import { TokenScope } from '../shared/scopes';
import { IdentityStore } from './identityStore';
import { signJwt, verifyJwt } from './jwt';
import { EventStamps } from './stamps';

export interface IssuedAccessToken {
  readonly token: string;
  /** The service's format: 7 fractional digits and `+00:00` (acs-identity-api.md §1.3). */
  readonly expiresOn: string;
}

export type AccessTokenCheck =
  | { readonly valid: true; readonly claims: Record<string, unknown> }
  | { readonly valid: false; readonly reason: 'malformed' | 'expired' | 'revoked' | 'identityDeleted' };

/**
 * UNCONFIRMED (§3.3): what the bits of `scp` mean. We always send 1792, the value in the one
 * sanitized real token on record.
 */
const SCP = 1792;

/**
 * UNCONFIRMED: the claims of a token exchanged for a Teams user. Ours: `skypeid` `orgid:<oid>`
 * (the Teams-user raw id prefix, §3.2), scopes `chat,voip`, and the Entra ID token's expiry.
 */
const TEAMS_USER_SCOPES = 'chat,voip';

/**
 * Mints and checks the emulator's access tokens: JWTs with the service's claims (§3.3) plus a
 * private `issuedAtMs` stamp, because revocation must order a revoke and an issue in the same second.
 */
export class AccessTokenIssuer {
  constructor(
    private readonly signingKey: Buffer,
    private readonly store: IdentityStore,
    private readonly stamps: EventStamps,
    private readonly clock: () => number,
  ) {}

  issueForIdentity(identityId: string, scopes: readonly TokenScope[], lifetimeMinutes: number): IssuedAccessToken {
    const issuedAtMs = this.stamps.next();
    const iat = Math.floor(issuedAtMs / 1000);
    // Whole seconds, so that `exp` equals `expiresOn` exactly.
    return this.mint({ skypeid: identityId.replace(/^8:/, ''), acsScope: scopes.join(','), iat, exp: iat + lifetimeMinutes * 60, issuedAtMs });
  }

  issueForTeamsUser(objectId: string, expiresAtSeconds: number): IssuedAccessToken {
    const issuedAtMs = this.stamps.next();
    return this.mint({ skypeid: `orgid:${objectId}`, acsScope: TEAMS_USER_SCOPES, iat: Math.floor(issuedAtMs / 1000), exp: expiresAtSeconds, issuedAtMs });
  }

  check(token: string): AccessTokenCheck {
    const claims = verifyJwt(token, this.signingKey);
    if (!claims || typeof claims.exp !== 'number' || typeof claims.skypeid !== 'string' || typeof claims.issuedAtMs !== 'number') {
      return { valid: false, reason: 'malformed' };
    }
    if (claims.exp * 1000 <= this.clock()) {
      return { valid: false, reason: 'expired' };
    }
    if (claims.skypeid.startsWith('acs:')) {
      const identity = this.store.find(`8:${claims.skypeid}`);
      if (!identity) {
        return { valid: false, reason: 'identityDeleted' };
      }
      if (identity.tokensRevokedAtMs !== undefined && claims.issuedAtMs <= identity.tokensRevokedAtMs) {
        return { valid: false, reason: 'revoked' };
      }
    }
    return { valid: true, claims };
  }

  private mint(fields: { skypeid: string; acsScope: string; iat: number; exp: number; issuedAtMs: number }): IssuedAccessToken {
    const claims = {
      skypeid: fields.skypeid,
      scp: SCP,
      csi: String(fields.iat),
      exp: fields.exp,
      acsScope: fields.acsScope,
      resourceId: this.store.resourceId,
      iat: fields.iat,
      issuedAtMs: fields.issuedAtMs,
    };
    return { token: signJwt(claims, this.signingKey), expiresOn: formatExpiresOn(fields.exp * 1000) };
  }
}

/** `2025-04-08T01:46:39.1550000+00:00`: the service writes 7 fractional digits and an explicit offset. */
export function formatExpiresOn(epochMs: number): string {
  // toISOString always ends in `.sssZ`.
  return new Date(epochMs).toISOString().replace('Z', '0000+00:00');
}
