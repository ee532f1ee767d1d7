import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SelfSignedCertificate {
  readonly cert: string;
  readonly key: string;
}

let certificate: Promise<SelfSignedCertificate> | undefined;

/**
 * A throw-away certificate for 127.0.0.1 and localhost, made once per run with openssl: the SDKs
 * send bearer tokens over https only, so the Entra ID tests need the emulator to serve TLS, and
 * the clients trust this certificate through their `tlsOptions.ca`. (The extension host trusts
 * the one the runner makes: test/host/testCertificate.mjs.)
 */
export function selfSignedCertificate(): Promise<SelfSignedCertificate> {
  certificate ??= (async () => {
    const directory = await mkdtemp(join(tmpdir(), 'acs-emulator-tls-'));
    try {
      await promisify(execFile)('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem'),
      ]);
      return { cert: await readFile(join(directory, 'cert.pem'), 'utf8'), key: await readFile(join(directory, 'key.pem'), 'utf8') };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  })();
  return certificate;
}
