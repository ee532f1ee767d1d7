import { IncomingHttpHeaders } from 'node:http';
import { AccessTokenIssuer } from './accessTokens';
import { ListKeysAccess } from './arm/listKeysAccess';
import { EmulatedCloud } from './cloud';
import { FaultInjector } from './faults';
import { IdentityStore } from './identityStore';
import { ListeningAddress } from './listeningAddress';
import { RequestThrottle } from './throttle';

/** A request with its body read; `target` is the raw request target (path and query, still encoded). */
export interface EmulatorRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: object;
}

/** The state and policies one running emulator serves requests with. */
export interface EmulatorServices {
  /** Which `Host` headers name this emulator; every request is checked against it first. */
  readonly address: ListeningAddress;
  /** The resource's two keys, base64 as listKeys returns them; either signs requests. */
  readonly accessKeys: { readonly primary: string; readonly secondary: string };
  /** The same keys as HMAC keys: base64-decoded, as the SDK decodes them. */
  readonly hmacKeys: readonly Buffer[];
  /** The management plane's view: tenant, subscriptions, where the resource sits. */
  readonly cloud: EmulatedCloud;
  readonly listKeysAccess: ListKeysAccess;
  readonly store: IdentityStore;
  readonly tokens: AccessTokenIssuer;
  /** Absent when throttling is off. */
  readonly throttle: RequestThrottle | undefined;
  readonly faults: FaultInjector;
  readonly clock: () => number;
  readonly log: (line: string) => void;
}

/** A JSON answer, as the emulator's own routes and Resource Manager send them. */
export function jsonResponse(status: number, body: object): EmulatorResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
}

/** Logs a failure of the emulator itself (a bug, not a refused request), with its stack. */
export function logUnexpectedError(services: EmulatorServices, error: unknown): void {
  services.log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** A connection string for one of the emulator's keys, as the portal writes them. */
export function connectionStringOf(endpoint: string, accessKey: string): string {
  return `endpoint=${endpoint};accesskey=${accessKey}`;
}
