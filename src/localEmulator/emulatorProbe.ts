import { request } from 'node:http';

/** Long enough for a busy extension host on loopback, short enough not to hold up a start. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Whether an ACS Identity emulator answers at `endpoint` (loopback http). Any identity API answers
 * an unsigned request with an error carrying `api-supported-versions`; an unrelated program on the
 * port does not, and a port nobody listens on refuses the connection.
 */
export function emulatorAnswersAt(endpoint: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(new URL('/identities?api-version=2023-10-01', endpoint), { method: 'GET', timeout: PROBE_TIMEOUT_MS }, (response) => {
      response.resume();
      resolve(response.headers['api-supported-versions'] !== undefined);
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve(false));
    probe.end();
  });
}
