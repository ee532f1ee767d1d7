import { networkInterfaces } from 'node:os';
import { formatUrlHost, isLoopbackHost } from '../shared/hosts';

/**
 * The `Host` header values that name this emulator: its listening address and port, as a client
 * that connects to it writes them. Anything else is refused, so that a web page in the person's
 * browser cannot reach it through DNS rebinding: the page's own name resolves to 127.0.0.1, but
 * the browser still sends that name in `Host`, which is not ours. An IP literal cannot be rebound.
 *
 * - A loopback address also answers to `localhost` (which cannot be rebound either), and
 *   `localhost` to 127.0.0.1 and [::1];
 * - a wildcard address (0.0.0.0, ::) answers to every address of this machine's interfaces;
 * - a name given with `--host` answers to that name only.
 */
export class ListeningAddress {
  private names: ReadonlySet<string> = new Set();
  private url = '';
  private hostValue = '';

  /** `host:port` as clients write it, e.g. `127.0.0.1:10300` or `[::1]:10300`. */
  get host(): string {
    return this.hostValue;
  }

  /** `http://127.0.0.1:10300/` (https when serving TLS). */
  get endpoint(): string {
    return this.url;
  }

  /** Called once the server listens, with the port it got. */
  listening(host: string, port: number, scheme: 'http' | 'https'): void {
    this.url = `${scheme}://${formatUrlHost(host)}:${port}/`;
    this.hostValue = new URL(this.url).host;
    const hosts = hostNamesFor(host).map((name) => name.toLowerCase());
    // Clients leave out the scheme's default port: `new URL('http://h:80/').host` is `h`, and so is `new URL('https://h:443/').host`.
    const defaultPort = scheme === 'https' ? 443 : 80;
    const withPorts = hosts.flatMap((name) => (port === defaultPort ? [`${name}:${port}`, name] : [`${name}:${port}`]));
    this.names = new Set(withPorts);
  }

  /** Whether a request's `Host` header names this emulator. A request without one does not. */
  accepts(hostHeader: string | undefined): boolean {
    return hostHeader !== undefined && this.names.has(hostHeader.toLowerCase());
  }
}

function hostNamesFor(host: string): string[] {
  if (host === '0.0.0.0' || host === '::') {
    return ['localhost', ...interfaceAddresses()];
  }
  if (host.toLowerCase() === 'localhost') {
    return ['localhost', '127.0.0.1', '[::1]'];
  }
  if (isLoopbackHost(host)) {
    return [formatUrlHost(host), 'localhost'];
  }
  return [formatUrlHost(host)];
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .map((address) => formatUrlHost(address.address));
}
