import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Server } from 'node:http';
import { dirname } from 'node:path';
import { AddressInfo } from 'node:net';
import { AccessTokenIssuer } from './accessTokens';
import { ListKeysAccess } from './arm/listKeysAccess';
import { removeStaleTemporaryFiles } from '../shared/atomicFile';
import { isBase64Key } from '../shared/base64';
import { isLoopbackHost } from '../shared/hosts';
import { isGuid } from '../shared/identifiers';
import { armResourceId, EmulatedCloud, EmulatedResourceOptions, EmulatedSubscription, resolveCloud } from './cloud';
import { DEFAULT_EMULATOR_HOST, DEFAULT_EMULATOR_PORT, DEVELOPMENT_ACCESS_KEY, DEVELOPMENT_SECONDARY_ACCESS_KEY, EMULATED_RESOURCE_ID } from './defaults';
import { checkFaultSettings, FailureOptions, FaultInjector } from './faults';
import { connectionStringOf } from './httpExchange';
import { IdentityStore } from './identityStore';
import { ListeningAddress } from './listeningAddress';
import { CoalescingWriter } from './coalescingWriter';
import { createEmulatorServer, TlsCredentials } from './server';
import { EventStamps } from './stamps';
import { EmulatorState, loadState, saveState } from './stateFile';
import { RequestThrottle, type ThrottleScale } from './throttle';

export interface EmulatorOptions {
  /** Default {@link DEFAULT_EMULATOR_PORT}; 0 picks a free port. */
  port?: number;
  /** Default {@link DEFAULT_EMULATOR_HOST}. Hosts other than loopback need `allowNonLoopbackHost`. */
  host?: string;
  allowNonLoopbackHost?: boolean;
  /** Base64; default {@link DEVELOPMENT_ACCESS_KEY}. */
  accessKey?: string;
  /** The resource's second key (Azure resources have two; either signs). Default {@link DEVELOPMENT_SECONDARY_ACCESS_KEY}. */
  secondaryAccessKey?: string;
  /** The emulated resource's GUID; default the data file's, else {@link EMULATED_RESOURCE_ID}. */
  resourceId?: string;
  /** Keep identities in this JSON file across restarts; in memory only when absent. */
  dataFile?: string;
  /**
   * The service's per-30-second limits; on by default, as in Azure. A scale keeps them in
   * proportion over a shorter window (tests: `{ windowMs: 2000, limitFactor: 0.02 }` is 20 creations per 2 s).
   */
  throttle?: boolean | ThrottleScale;
  /** Delay every identity API response by this many milliseconds. */
  latencyMs?: number;
  faults?: FailureOptions;
  /** One line per request (method, path, status) and unexpected errors; never keys or tokens. */
  log?: (line: string) => void;
  /** The time source, epoch milliseconds; for tests. */
  clock?: () => number;
  /** The emulated Entra ID tenant; default {@link EMULATED_TENANT_ID}. */
  tenantId?: string;
  /** The emulated subscriptions; default one, {@link EMULATED_SUBSCRIPTION_ID}. */
  subscriptions?: readonly EmulatedSubscription[];
  /** Where Resource Manager lists the emulated resource, and its location and data location. */
  resource?: EmulatedResourceOptions;
  /** Entra ID object ids (`oid`) that Resource Manager refuses listKeys to (403 AuthorizationFailed). */
  listKeysDeniedTo?: readonly string[];
  /** Serve https with this certificate: the SDKs send Entra ID tokens over https only. */
  tls?: TlsCredentials;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>/` (https with `tls`) */
  readonly endpoint: string;
  /** `endpoint=http://127.0.0.1:<port>/;accesskey=<key>` */
  readonly connectionString: string;
  /** The same with the secondary key. */
  readonly secondaryConnectionString: string;
  readonly resourceId: string;
  readonly port: number;
  readonly tenantId: string;
  /** `/subscriptions/…/resourceGroups/…/providers/Microsoft.Communication/CommunicationServices/…` */
  readonly armResourceId: string;
  /** Fail the next `count` identity API requests with `status` (default 500). */
  failNext(count: number, status?: number): void;
  /** Fail this fraction (0 to 1) of identity API requests with `status` (default 500). */
  setFailureRate(fraction: number, status?: number): void;
  setLatency(milliseconds: number): void;
  clearFaults(): void;
  /** Replaces the object ids Resource Manager refuses listKeys to. */
  denyListKeys(objectIds: readonly string[]): void;
  /** Stops listening, drops open connections and waits for pending writes of the data file. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // Everything is checked before anything is written or listened on, so that bad options have no effect at all.
  const { host, keys, faultSettings, cloud, listKeysAccess } = checkOptions(options);
  const clock = options.clock ?? Date.now;
  const log = options.log ?? (() => undefined);
  const state = await openState(options.dataFile, options.resourceId, log);
  const latestStamp = state.identities.reduce((latest, identity) => Math.max(latest, identity.tokensRevokedAtMs ?? identity.createdAtMs), 0);
  const stamps = new EventStamps(clock, latestStamp);
  const dataFile = options.dataFile;
  const writer: CoalescingWriter | undefined =
    dataFile === undefined ? undefined : new CoalescingWriter((): Promise<void> => saveState(dataFile, { ...state, identities: store.list() }));
  const store: IdentityStore = new IdentityStore(state.resourceId, stamps, () => writer?.save() ?? Promise.resolve(), state.identities);
  // Saved at once, so that the signing key is on disk before the first token is issued.
  await writer?.save();

  const faults = new FaultInjector();
  faults.configure(faultSettings);
  const address = new ListeningAddress();
  const server = createEmulatorServer(
    {
      address,
      accessKeys: keys,
      hmacKeys: [Buffer.from(keys.primary, 'base64'), Buffer.from(keys.secondary, 'base64')],
      cloud,
      listKeysAccess,
      store,
      tokens: new AccessTokenIssuer(state.tokenSigningKey, store, stamps, clock),
      throttle: options.throttle === false ? undefined : new RequestThrottle(clock, typeof options.throttle === 'object' ? options.throttle : undefined),
      faults,
      clock,
      log,
    },
    options.tls,
  );
  const port = await listen(server, options.port ?? DEFAULT_EMULATOR_PORT, host);
  address.listening(host, port, options.tls ? 'https' : 'http');
  let closing: Promise<void> | undefined;
  return {
    endpoint: address.endpoint,
    connectionString: connectionStringOf(address.endpoint, keys.primary),
    secondaryConnectionString: connectionStringOf(address.endpoint, keys.secondary),
    resourceId: state.resourceId,
    port,
    tenantId: cloud.tenantId,
    armResourceId: armResourceId(cloud),
    failNext: (count, status) => faults.failNext(count, status),
    setFailureRate: (fraction, status) => faults.setFailureRate(fraction, status),
    setLatency: (milliseconds) => faults.setLatency(milliseconds),
    clearFaults: () => faults.clear(),
    denyListKeys: (objectIds) => listKeysAccess.deny(objectIds),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => writer?.idle());
      return closing;
    },
  };
}

function checkOptions(options: EmulatorOptions): {
  host: string;
  keys: { primary: string; secondary: string };
  faultSettings: ReturnType<typeof checkFaultSettings>;
  cloud: EmulatedCloud;
  listKeysAccess: ListKeysAccess;
} {
  const host = options.host ?? DEFAULT_EMULATOR_HOST;
  if (!isLoopbackHost(host) && !options.allowNonLoopbackHost) {
    throw new Error(`Refusing to listen on ${host}: it is not a loopback address. Set allowNonLoopbackHost (CLI: --host) to expose the emulator.`);
  }
  const keys = { primary: options.accessKey ?? DEVELOPMENT_ACCESS_KEY, secondary: options.secondaryAccessKey ?? DEVELOPMENT_SECONDARY_ACCESS_KEY };
  if (!isBase64Key(keys.primary) || !isBase64Key(keys.secondary)) {
    throw new Error('The access keys must be base64 (as Azure access keys are), e.g. the output of `openssl rand -base64 64`.');
  }
  return {
    host,
    keys,
    faultSettings: checkFaultSettings({ ...options.faults, latencyMs: options.latencyMs }),
    cloud: resolveCloud(options),
    listKeysAccess: new ListKeysAccess(options.listKeysDeniedTo),
  };
}

/**
 * The saved state of `dataFile`, or a fresh one: a new signing key per instance, the default
 * resource. Temporary files a crashed writer left next to the data file go first: they hold the
 * signing key too, and nothing else would ever remove them.
 */
async function openState(dataFile: string | undefined, requestedResourceId: string | undefined, log: (line: string) => void): Promise<EmulatorState> {
  if (dataFile !== undefined) {
    const removed = await removeStaleTemporaryFiles(dataFile);
    if (removed.length > 0) {
      log(`Removed ${removed.length} temporary file(s) a crashed write left next to ${dataFile}.`);
    }
  }
  const saved = dataFile === undefined ? undefined : await loadState(dataFile);
  const resourceId = requestedResourceId ?? saved?.resourceId ?? EMULATED_RESOURCE_ID;
  if (!isGuid(resourceId) || resourceId !== resourceId.toLowerCase()) {
    throw new Error(`The resource id must be a lowercase GUID, not "${resourceId}".`);
  }
  if (saved && saved.resourceId !== resourceId) {
    throw new Error(`${dataFile} holds identities of resource ${saved.resourceId}, not ${resourceId}.`);
  }
  if (dataFile !== undefined && !saved) {
    await mkdir(dirname(dataFile), { recursive: true });
  }
  return saved ?? { resourceId, tokenSigningKey: randomBytes(32), identities: [] };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; choose another with --port (0 picks a free one).`) : error),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
