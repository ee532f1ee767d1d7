import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { EMULATOR_PATH_PREFIX, handleEmulatorRequest } from './emulatorRoutes';
import { misdirectedRequest, ServiceError } from './errors';
import { EmulatorRequest, EmulatorResponse, EmulatorServices } from './httpExchange';
import { handleServiceRequest } from './serviceRequest';

/** Far above any identity request; only there so that a runaway client cannot fill the memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The HTTP plumbing: read the body, pick the service or the `/_emulator/` endpoints, write the answer, log one line. */
export function createEmulatorServer(services: EmulatorServices): Server {
  return createServer((incoming, outgoing) => {
    void serve(incoming, outgoing, services);
  });
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
    response = target.startsWith(EMULATOR_PATH_PREFIX)
      ? await handleEmulatorRequest(request, services)
      : await handleServiceRequest(request, services);
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
