import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

export interface SelfSignedCertificate {
  readonly cert: string;
  readonly key: string;
}

let certificate: Promise<SelfSignedCertificate> | undefined;

/**
 * A throw-away certificate for 127.0.0.1 and localhost, made once per run with openssl: the SDKs
 * send bearer tokens over https only, so the Entra ID tests need the emulator to serve TLS, and
 * the clients trust this certificate through their `tlsOptions.ca`.
 */
export function selfSignedCertificate(): Promise<SelfSignedCertificate> {
  certificate ??= (async () => {
    const directory = await mkdtemp(join(tmpdir(), 'acs-emulator-tls-'));
    try {
      await promisify(execFile)('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem'),
      ]);
      return { cert: await readFile(join(directory, 'cert.pem'), 'utf8'), key: await readFile(join(directory, 'key.pem'), 'utf8') };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  })();
  return certificate;
}
