import { parseArgs } from 'node:util';
import { EmulatedSubscription } from './cloud';
import { DEFAULT_EMULATOR_HOST, DEFAULT_EMULATOR_PORT, EMULATED_SUBSCRIPTION_ID, EMULATED_TENANT_ID } from './defaults';
import { MAX_LATENCY_MS } from './faults';
import { EmulatorOptions } from './startEmulator';

export const CLI_HELP = `ACS Identity emulator: the Azure Communication Services identity API on your machine.

Usage: npm run emulator -- [options]      (or: node dist/emulator.js [options])

  --port N                 Port to listen on (default ${DEFAULT_EMULATOR_PORT}; 0 picks a free port)
  --host H                 Address to listen on (default ${DEFAULT_EMULATOR_HOST}). A non-loopback
                           address exposes the emulator to your network; it is allowed only here.
  --access-key KEY         Base64 access key clients must sign with (default: the development key)
  --secondary-access-key KEY  The resource's second key, also accepted (default: the public
                           secondary development key)
  --resource-id GUID       GUID of the emulated resource (ids are 8:acs:<GUID>_<user>)
  --data FILE              Keep identities in FILE across restarts (default: in memory)
  --no-throttle            Turn off the service's per-30-second request limits (on by default)
  --latency MS             Delay every identity API response by MS milliseconds
  --fail-next N[:STATUS]   Fail the next N identity API requests with STATUS (default 500)
  --fail-rate F[:STATUS]   Fail a fraction F (0 to 1) of identity API requests with STATUS (default 500)
  --tls-cert FILE          Serve https with this PEM certificate (with --tls-key). The SDKs send
  --tls-key FILE           Entra ID tokens over https only; clients must trust the certificate.

Management plane (Resource Manager routes on the same address; bearer tokens whose signatures
are NOT verified: the emulator trusts the claims of any well-formed, unexpired token):
  --tenant GUID            The emulated Entra ID tenant (default ${EMULATED_TENANT_ID})
  --subscription GUID[=NAME]  An emulated subscription; repeat for several (default ${EMULATED_SUBSCRIPTION_ID})
  --resource-group NAME    The resource's group (default acs-emulator-rg)
  --resource-name NAME     The resource's name (default local-acs-emulator)
  --location LOCATION      The resource's location (default global)
  --data-location PLACE    The resource's data location (default "United States")
  --deny-list-keys OID     Refuse listKeys to this Entra ID object id (403); repeat for several

  --quiet                  Do not log one line per request
  -h, --help               Show this help

Prints the connection string, then serves until Ctrl+C (SIGINT) or SIGTERM.`;

export type CliCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'serve';
      readonly options: EmulatorOptions;
      readonly quiet: boolean;
      /** PEM files to read before starting, when serving https. */
      readonly tlsFiles?: { readonly cert: string; readonly key: string };
    };

/** Reads the command line; throws an Error whose message says what is wrong with it. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'access-key': { type: 'string' },
      'resource-id': { type: 'string' },
      data: { type: 'string' },
      'no-throttle': { type: 'boolean' },
      latency: { type: 'string' },
      'fail-next': { type: 'string' },
      'fail-rate': { type: 'string' },
      quiet: { type: 'boolean' },
      'secondary-access-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      tenant: { type: 'string' },
      subscription: { type: 'string', multiple: true },
      'resource-group': { type: 'string' },
      'resource-name': { type: 'string' },
      location: { type: 'string' },
      'data-location': { type: 'string' },
      'deny-list-keys': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    return { kind: 'help' };
  }
  const options: EmulatorOptions = {
    port: values.port === undefined ? undefined : parseWholeNumber('--port', values.port, 0, 65535),
    host: values.host,
    // Naming a host on the command line is the explicit consent to leave loopback.
    allowNonLoopbackHost: values.host !== undefined,
    accessKey: values['access-key'],
    resourceId: values['resource-id'],
    dataFile: values.data,
    throttle: !values['no-throttle'],
    latencyMs: values.latency === undefined ? undefined : parseWholeNumber('--latency', values.latency, 0, MAX_LATENCY_MS),
    faults: {
      failNext: values['fail-next'] === undefined ? undefined : parseFailNext(values['fail-next']),
      failureRate: values['fail-rate'] === undefined ? undefined : parseFailRate(values['fail-rate']),
    },
    secondaryAccessKey: values['secondary-access-key'],
    tenantId: values.tenant,
    subscriptions: values.subscription?.map(parseSubscription),
    resource: {
      resourceGroup: values['resource-group'],
      name: values['resource-name'],
      location: values.location,
      dataLocation: values['data-location'],
    },
    listKeysDeniedTo: values['deny-list-keys'],
  };
  return { kind: 'serve', options, quiet: values.quiet === true, tlsFiles: parseTlsFiles(values['tls-cert'], values['tls-key']) };
}

/** `GUID[=NAME]`: the display name is optional. */
function parseSubscription(text: string): EmulatedSubscription {
  const separator = text.indexOf('=');
  return separator === -1 ? { subscriptionId: text } : { subscriptionId: text.slice(0, separator), displayName: text.slice(separator + 1) };
}

function parseTlsFiles(cert: string | undefined, key: string | undefined): { cert: string; key: string } | undefined {
  if ((cert === undefined) !== (key === undefined)) {
    throw new Error('--tls-cert and --tls-key go together.');
  }
  return cert !== undefined && key !== undefined ? { cert, key } : undefined;
}

/** `N[:STATUS]`: a whole number of requests, then an optional error status. */
function parseFailNext(text: string): { count: number; status?: number } {
  const [count, status] = splitValueAndStatus('--fail-next', text);
  return { count: parseWholeNumber('--fail-next count', count, 0, Number.MAX_SAFE_INTEGER), status: parseStatus('--fail-next', status) };
}

/** `F[:STATUS]`: a fraction from 0 to 1, then an optional error status. */
function parseFailRate(text: string): { fraction: number; status?: number } {
  const [fraction, status] = splitValueAndStatus('--fail-rate', text);
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(fraction) || Number(fraction) > 1) {
    throw new Error(`--fail-rate needs a fraction from 0 to 1 (such as 0.25), not "${fraction}".`);
  }
  return { fraction: Number(fraction), status: parseStatus('--fail-rate', status) };
}

function splitValueAndStatus(flag: string, text: string): [string, string | undefined] {
  const parts = text.split(':');
  if (parts.length > 2) {
    throw new Error(`${flag} takes a value and at most one :STATUS, not "${text}".`);
  }
  return [parts[0], parts[1]];
}

function parseStatus(flag: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseWholeNumber(`${flag} status`, text, 400, 599);
}

/**
 * Plain decimal digits only, within [min, max]. `Number()` alone would take `1e12`, ` 80`,
 * `0x50` and `80.0`, and a value past what the option can use would be clamped or wrapped
 * somewhere later without a word (a 1e12 ms latency became 1 ms).
 */
function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new Error(`${flag} needs a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}
