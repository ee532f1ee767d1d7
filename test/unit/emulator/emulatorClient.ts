import * as assert from 'node:assert/strict';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { DEVELOPMENT_ACCESS_KEY } from '../../../src/emulator';
import { RawResponse, signedRequest } from './signedRequest';

/** The official SDK as the extension will use it against the emulator: http allowed, no retries to wait for. */
export function sdkClient(connectionString: string): CommunicationIdentityClient {
  return new CommunicationIdentityClient(connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
}

/** The fields of the SDK's `RestError` that the tests read (a structural type: core-rest-pipeline is not our dependency). */
export interface RestErrorFields {
  readonly name: string;
  readonly message: string;
  readonly statusCode?: number;
  readonly code?: string;
  readonly response?: { readonly headers: { get(name: string): string | undefined }; readonly bodyAsText?: string | null };
}

/** The `target` of the service's error body, as the client received it. */
export function errorTarget(error: RestErrorFields): string | undefined {
  const body = JSON.parse(error.response?.bodyAsText ?? '{}') as { error?: { target?: string } };
  return body.error?.target;
}

export async function assertRestError(call: Promise<unknown>, statusCode: number, code: string): Promise<RestErrorFields> {
  try {
    await call;
  } catch (caught) {
    const error = caught as RestErrorFields;
    assert.equal(error.name, 'RestError', `expected a RestError, got ${String(caught)}`);
    assert.equal(error.statusCode, statusCode, error.message);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${statusCode} ${code}, but the call succeeded`);
}

export type TokenValidation = { valid: true; claims: Record<string, unknown> } | { valid: false; reason: string };

/**
 * A request to the emulator's test-only `/_emulator/` routes, signed with the resource's key as
 * they require (the development key unless told otherwise). Integration tests can use it too.
 */
export function emulatorRequest(
  endpoint: string,
  method: string,
  path: string,
  body?: unknown,
  accessKey: string = DEVELOPMENT_ACCESS_KEY,
  ca?: string,
): Promise<RawResponse> {
  return signedRequest({ endpoint, accessKey, method, target: path, body: body === undefined ? undefined : JSON.stringify(body), ca });
}

/** Asks the emulator's test-only endpoint whether it would still accept `token` (`ca`: the certificate of an https emulator). */
export async function validateToken(endpoint: string, token: string, accessKey?: string, ca?: string): Promise<TokenValidation> {
  const response = await emulatorRequest(endpoint, 'POST', '/_emulator/validateToken', { token }, accessKey, ca);
  assert.equal(response.status, 200, response.text);
  return JSON.parse(response.text) as TokenValidation;
}

export async function listIdentityIds(endpoint: string, accessKey?: string): Promise<string[]> {
  const response = await emulatorRequest(endpoint, 'GET', '/_emulator/identities', undefined, accessKey);
  assert.equal(response.status, 200, response.text);
  return (JSON.parse(response.text) as { identities: { id: string }[] }).identities.map((identity) => identity.id);
}

export function decodeClaims(token: string): Record<string, unknown> {
  const parts = token.split('.');
  assert.equal(parts.length, 3, 'a JWT has three parts');
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A stand-in for a Teams user's Entra ID token: only its claims matter to the emulator. */
export function entraIdToken(claims: { appid: string; oid: string; exp: number; aud?: string }): string {
  return unsignedJwt({ aud: 'https://auth.msft.communication.azure.com', ...claims });
}

/** A JWT with these claims and a dummy signature: the emulator cannot verify Entra ID signatures anyway. */
export function unsignedJwt(claims: object): string {
  const segment = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${segment({ alg: 'RS256', typ: 'JWT' })}.${segment(claims)}.c2lnbmF0dXJl`;
}
