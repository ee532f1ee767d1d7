import { parseArgs } from 'node:util';
import { DEFAULT_EMULATOR_HOST, DEFAULT_EMULATOR_PORT } from './defaults';
import { EmulatorOptions } from './startEmulator';

export const CLI_HELP = `ACS Identity emulator: the Azure Communication Services identity API on your machine.

Usage: npm run emulator -- [options]      (or: node dist/emulator.js [options])

  --port N                 Port to listen on (default ${DEFAULT_EMULATOR_PORT}; 0 picks a free port)
  --host H                 Address to listen on (default ${DEFAULT_EMULATOR_HOST}). A non-loopback
                           address exposes the emulator to your network; it is allowed only here.
  --access-key KEY         Base64 access key clients must sign with (default: the development key)
  --resource-id GUID       GUID of the emulated resource (ids are 8:acs:<GUID>_<user>)
  --data FILE              Keep identities in FILE across restarts (default: in memory)
  --no-throttle            Turn off the service's per-30-second request limits (on by default)
  --latency MS             Delay every identity API response by MS milliseconds
  --fail-next N[:STATUS]   Fail the next N identity API requests with STATUS (default 500)
  --fail-rate F[:STATUS]   Fail a fraction F (0 to 1) of identity API requests with STATUS (default 500)
  --quiet                  Do not log one line per request
  -h, --help               Show this help

Prints the connection string, then serves until Ctrl+C (SIGINT) or SIGTERM.`;

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'serve'; readonly options: EmulatorOptions; readonly quiet: boolean };

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    return { kind: 'help' };
  }
  const options: EmulatorOptions = {
    port: values.port === undefined ? undefined : parseNumber('--port', values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535),
    host: values.host,
    // Naming a host on the command line is the explicit consent to leave loopback.
    allowNonLoopbackHost: values.host !== undefined,
    accessKey: values['access-key'],
    resourceId: values['resource-id'],
    dataFile: values.data,
    throttle: !values['no-throttle'],
    latencyMs: values.latency === undefined ? undefined : parseNumber('--latency', values.latency, (n) => n >= 0),
    faults: {
      failNext: values['fail-next'] === undefined ? undefined : parseFailNext(values['fail-next']),
      failureRate: values['fail-rate'] === undefined ? undefined : parseFailRate(values['fail-rate']),
    },
  };
  return { kind: 'serve', options, quiet: values.quiet === true };
}

function parseFailNext(text: string): { count: number; status?: number } {
  const [count, status] = text.split(':');
  return {
    count: parseNumber('--fail-next', count, (n) => Number.isInteger(n) && n >= 0),
    status: status === undefined ? undefined : parseStatus('--fail-next', status),
  };
}

function parseFailRate(text: string): { fraction: number; status?: number } {
  const [fraction, status] = text.split(':');
  return {
    fraction: parseNumber('--fail-rate', fraction, (n) => n >= 0 && n <= 1),
    status: status === undefined ? undefined : parseStatus('--fail-rate', status),
  };
}

function parseStatus(flag: string, text: string): number {
  return parseNumber(`${flag} status`, text, (n) => Number.isInteger(n) && n >= 400 && n <= 599);
}

function parseNumber(flag: string, text: string, isValid: (value: number) => boolean): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!isValid(value)) {
    throw new Error(`Invalid value for ${flag}: "${text}".`);
  }
  return value;
}
