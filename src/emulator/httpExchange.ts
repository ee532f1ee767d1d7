import { IncomingHttpHeaders } from 'node:http';
import { AccessTokenIssuer } from './accessTokens';
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
  readonly accessKey: Buffer;
  readonly store: IdentityStore;
  readonly tokens: AccessTokenIssuer;
  /** Absent when throttling is off. */
  readonly throttle: RequestThrottle | undefined;
  readonly faults: FaultInjector;
  readonly clock: () => number;
  readonly log: (line: string) => void;
}
