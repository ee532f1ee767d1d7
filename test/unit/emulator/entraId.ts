import { EMULATED_TENANT_ID } from '../../../src/emulator';
import { unsignedJwt } from './emulatorClient';

export const CALLER_OID = '0b1c0000-0000-4000-8000-0000000000c1';
export const READER_OID = '0b1c0000-0000-4000-8000-0000000000c2';
export const ARM_AUDIENCE = 'https://management.azure.com';
export const COMMUNICATION_AUDIENCE = 'https://communication.azure.com';

/** Claims of an Entra ID access token as the emulator reads them (it cannot check signatures). */
export interface TokenClaims {
  readonly aud: string;
  readonly oid?: string;
  readonly tid?: string;
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

export function entraToken(claims: TokenClaims): string {
  return unsignedJwt({ tid: EMULATED_TENANT_ID, oid: CALLER_OID, exp: Math.floor(Date.now() / 1000) + 3600, ...claims });
}

/**
 * A TokenCredential (structurally the interface of `@azure/core-auth` that `@azure/identity`
 * credentials implement) that hands out a token with these claims, and records the scopes the
 * SDK asked for.
 */
export class StaticTokenCredential {
  readonly requestedScopes: string[] = [];

  constructor(private readonly claims: TokenClaims) {}

  getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number }> {
    this.requestedScopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    const expiresOnTimestamp = (this.claims.exp ?? Math.floor(Date.now() / 1000) + 3600) * 1000;
    return Promise.resolve({ token: entraToken(this.claims), expiresOnTimestamp });
  }
}

// Shared with the integration tests (test/support): the emulator's https in the extension host too.
export { selfSignedCertificate, type SelfSignedCertificate } from '../../support/tlsCertificate';
