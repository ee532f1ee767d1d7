// The throw-away TLS certificate of a test run: the emulator serves https with it when it plays
// the Azure cloud (the SDKs send Entra ID tokens over https only), and the extension host trusts
// it through Node's NODE_EXTRA_CA_CERTS, which every VS Code version honours for both `https`
// and `fetch`. Nothing in the product trusts it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Made again once older than this: it is valid a day, and a run takes well under the rest. */
const REUSE_MS = 12 * 60 * 60 * 1000;

/**
 * A certificate for 127.0.0.1 and localhost, valid a day, as cert.pem and key.pem in `dir`: the
 * one already there if it is recent (each test configuration loads this, and runs share it).
 */
export function makeCertificate(dir) {
  mkdirSync(dir, { recursive: true });
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  if (existsSync(keyFile) && existsSync(certFile) && Date.now() - statSync(certFile).mtimeMs < REUSE_MS) {
    return { certFile, keyFile };
  }
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile,
  ], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl could not make the emulator's certificate: ${r.stderr}`);
  return { certFile, keyFile };
}

/**
 * The environment variable that makes the extension host trust the certificate: Node's extra CA
 * certificates, those the caller already had first. (VS Code's network patch replaces Node's CA
 * list with the system's when it adds system certificates: `http.systemCertificates` false, in
 * the user settings, turns that off.)
 */
export function trustEnv(certFile, dir) {
  const bundle = join(dir, 'trusted.pem');
  const inherited = process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS) ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
  writeFileSync(bundle, `${inherited.trimEnd()}\n${readFileSync(certFile, 'utf8')}`);
  return { NODE_EXTRA_CA_CERTS: bundle };
}
