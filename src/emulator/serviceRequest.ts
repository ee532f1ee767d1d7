import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { resolveApiVersion, SUPPORTED_API_VERSIONS_HEADER } from './apiVersions';
import { verifyRequestSignature } from './auth';
import { checkBearerToken, hasBearerToken } from './bearerToken';
import { denied, internalError, ServiceError } from './errors';
import { OPERATION_HANDLERS } from './handlers';
import { OperationResult } from './handlers/operationContext';
import { EmulatorRequest, EmulatorResponse, EmulatorServices, logUnexpectedError } from './httpExchange';
import { matchOperation } from './operations';
import { parseJsonBody } from './requestBody';

/**
 * One request to the identity API, in the order the service's layers would see it: injected
 * faults (a failing gateway), authentication (access key or Entra ID), routing, api-version,
 * throttling, then the operation.
 * Unauthenticated requests therefore never count against the limits.
 */
export async function handleServiceRequest(request: EmulatorRequest, services: EmulatorServices): Promise<EmulatorResponse> {
  try {
    const result = await runOperation(request, services);
    const headers = serviceHeaders(request, result.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' });
    return { status: result.status, headers, body: result.body };
  } catch (error) {
    const serviceError = error instanceof ServiceError ? error : internalError();
    if (!(error instanceof ServiceError)) {
      logUnexpectedError(services, error);
    }
    // The service sends error bodies as plain `application/json` (§1.5).
    const headers = serviceHeaders(request, { ...serviceError.headers, 'Content-Type': 'application/json' });
    return { status: serviceError.status, headers, body: serviceError.toBody() };
  }
}

async function runOperation(request: EmulatorRequest, services: EmulatorServices): Promise<OperationResult> {
  if (services.faults.latencyMs > 0) {
    await delay(services.faults.latencyMs);
  }
  const fault = services.faults.takeFault();
  if (fault) {
    throw fault;
  }
  authenticate(request, services);
  const url = new URL(request.target, 'http://emulator.invalid');
  const { operation, identityId } = matchOperation(request.method, url.pathname);
  const features = resolveApiVersion(url.searchParams.get('api-version'), operation, `http://${request.headers.host ?? ''}${url.pathname}`);
  services.throttle?.admit(operation);
  const body = parseJsonBody(request.body);
  return OPERATION_HANDLERS[operation]({ features, identityId, body, store: services.store, tokens: services.tokens, nowMs: services.clock() });
}

/**
 * The audiences of Entra ID tokens for the identity API: the SDK asks for the scope
 * `https://communication.azure.com//.default`, i.e. the resource `https://communication.azure.com/`.
 */
const IDENTITY_AUDIENCES: readonly string[] = ['https://communication.azure.com', 'https://communication.azure.com/'];

/**
 * Access key (HMAC-SHA256) or Entra ID (`Authorization: Bearer`), as the service takes either.
 * The one recorded answer to a refused Entra ID token is 401 `Denied` "Denied by the resource
 * provider." (Azure/azure-sdk-for-js#22312); we give it for every bearer failure (expired,
 * malformed, wrong audience, no `oid`) — UNCONFIRMED whether the service words them apart.
 * Signatures of Entra ID tokens are not verified (see bearerToken.ts).
 */
function authenticate(request: EmulatorRequest, services: EmulatorServices): void {
  if (!hasBearerToken(request.headers)) {
    verifyRequestSignature(request, services.hmacKeys, services.clock());
    return;
  }
  if (!checkBearerToken(request.headers, IDENTITY_AUDIENCES, services.clock()).ok) {
    throw denied('Denied by the resource provider.');
  }
}

/** The headers the service puts on every response (§1.5). */
function serviceHeaders(request: EmulatorRequest, extra: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = { 'api-supported-versions': SUPPORTED_API_VERSIONS_HEADER, 'MS-CV': newCorrelationVector(), ...extra };
  const clientRequestId = request.headers['x-ms-client-request-id'];
  if (typeof clientRequestId === 'string') {
    headers['x-ms-client-request-id'] = clientRequestId;
  }
  return headers;
}

/** Shaped like the service's, e.g. `mc/LXoQxLEq2/r4ClD7GGw.0`: 16 random bytes in base64 and a counter. */
function newCorrelationVector(): string {
  return `${randomBytes(16).toString('base64').replace(/=+$/, '')}.0`;
}
