import { isIPv6 } from 'node:net';

/** Loopback: `localhost`, `::1` and all of 127.0.0.0/8. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host as it appears in a URL: IPv6 addresses go in brackets. */
export function formatUrlHost(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}
