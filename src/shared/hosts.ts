import { isIPv6 } from 'node:net';

/**
 * Loopback: `localhost`, all of 127.0.0.0/8 and `::1`, written bare (as `--host` and `listen` take
 * it) or in brackets (as a URL's `hostname` gives it).
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** The host as it appears in a URL: IPv6 addresses go in brackets. */
export function formatUrlHost(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}
