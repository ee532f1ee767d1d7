import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { handleArmRequest } from './arm/armRequest';
import { isArmPath } from './arm/armRoutes';
import { EMULATOR_PATH_PREFIX, handleEmulatorRequest } from './emulatorRoutes';
import { misdirectedRequest, ServiceError } from './errors';
import { EmulatorRequest, EmulatorResponse, EmulatorServices } from './httpExchange';
import { handleServiceRequest } from './serviceRequest';

/** Far above any identity request; only there so that a runaway client cannot fill the memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A certificate and its private key (PEM), to serve https: the SDKs send Entra ID tokens over https only. */
export interface TlsCredentials {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

/**
 * The HTTP plumbing: check the Host, read the body, pick the `/_emulator/` endpoints, Resource
 * Manager or the identity API, write the answer, log one line.
 */
export function createEmulatorServer(services: EmulatorServices, tls?: TlsCredentials): Server {
  const handle = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    void serve(incoming, outgoing, services);
  };
  return tls ? createTlsServer({ cert: tls.cert, key: tls.key }, handle) : createServer(handle);
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse, services: EmulatorServices): Promise<void> {
  const target = incoming.url ?? '/';
  let response: EmulatorResponse;
  try {
    const body = await readBody(incoming);
    const request: EmulatorRequest = { method: incoming.method ?? 'GET', target, headers: incoming.headers, body };
    if (!services.address.accepts(incoming.headers.host)) {
      // Before any route, the side door included: see listeningAddress.ts.
      throw misdirectedRequest();
    }
    response = await route(request, services);
  } catch (error) {
    const failure = error instanceof ServiceError ? error : new ServiceError(400, 'BadRequest', 'The request could not be read.');
    response = { status: failure.status, headers: { 'Content-Type': 'application/json' }, body: failure.toBody() };
  }
  const payload = response.body === undefined ? undefined : JSON.stringify(response.body);
  outgoing.writeHead(response.status, response.headers);
  outgoing.end(payload);
  // The path and status only: never the query, headers or body, which can carry tokens.
  services.log(`${incoming.method ?? '?'} ${target.split('?')[0]} → ${response.status}`);
}

function route(request: EmulatorRequest, services: EmulatorServices): EmulatorResponse | Promise<EmulatorResponse> {
  if (request.target.startsWith(EMULATOR_PATH_PREFIX)) {
    return handleEmulatorRequest(request, services);
  }
  if (isArmPath(new URL(request.target, 'http://emulator.invalid').pathname)) {
    return handleArmRequest(request, services);
  }
  return handleServiceRequest(request, services);
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    incoming.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(new ServiceError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
    incoming.on('error', reject);
  });
}
