import { verifyRequestSignature } from './auth';
import { ServiceError } from './errors';
import { EmulatorRequest, EmulatorResponse, EmulatorServices, jsonResponse } from './httpExchange';
import { IdentityRecord } from './identityStore';
import { exceedsJsonNesting, MAX_JSON_NESTING } from './jsonNesting';

/** Endpoints the real service does not have, for tests only; the extension must never call them. */
export const EMULATOR_PATH_PREFIX = '/_emulator/';

/**
 * Requests must be signed with the resource's access key exactly like the identity API's
 * (HMAC-SHA256, same checks, same 401 `Denied`): these routes reveal tokens' validity and can
 * make the emulator fail, so they need the same key as everything else.
 *
 * - `GET /_emulator/identities` → `{identities: [{id, createdOn, tokensRevokedOn?}]}`
 * - `POST /_emulator/validateToken` `{token}` → `{valid: true, claims}` or `{valid: false, reason}`
 * - `PUT /_emulator/faults` `{failNext?: {count, status?}, failureRate?: {fraction, status?}, latencyMs?}` → 204
 * - `DELETE /_emulator/faults` → 204, clears every fault
 * - `PUT /_emulator/listKeysDeniedTo` `{objectIds: [oid, …]}` → 204: Resource Manager refuses
 *   listKeys to these callers (403 AuthorizationFailed); `GET` → `{objectIds}`
 */
export function handleEmulatorRequest(request: EmulatorRequest, services: EmulatorServices): EmulatorResponse {
  const route = `${request.method} ${new URL(request.target, 'http://emulator.invalid').pathname}`;
  try {
    verifyRequestSignature(request, services.hmacKeys, services.clock());
    switch (route) {
      case 'GET /_emulator/identities':
        return jsonResponse(200, { identities: services.store.list().map(describeIdentity) });
      case 'POST /_emulator/validateToken': {
        const { token } = parseObject(request.body);
        if (typeof token !== 'string') {
          return badRequest('Expected a JSON body {"token": "<access token>"}.');
        }
        return jsonResponse(200, services.tokens.check(token));
      }
      case 'PUT /_emulator/faults':
        services.faults.configure(parseObject(request.body));
        return { status: 204, headers: {} };
      case 'DELETE /_emulator/faults':
        services.faults.clear();
        return { status: 204, headers: {} };
      case 'GET /_emulator/listKeysDeniedTo':
        return jsonResponse(200, { objectIds: services.listKeysAccess.list() });
      case 'PUT /_emulator/listKeysDeniedTo': {
        const { objectIds } = parseObject(request.body);
        if (!Array.isArray(objectIds)) {
          return badRequest('Expected a JSON body {"objectIds": ["<Entra ID object id>", …]}.');
        }
        services.listKeysAccess.deny(objectIds);
        return { status: 204, headers: {} };
      }
      default:
        return jsonResponse(404, { error: { code: 'NotFound', message: `No emulator endpoint ${route}.` } });
    }
  } catch (error) {
    if (error instanceof ServiceError) {
      return jsonResponse(error.status, error.toBody());
    }
    // Bad JSON, or fault settings out of range.
    return badRequest(error instanceof Error ? error.message : String(error));
  }
}

function describeIdentity(identity: IdentityRecord): object {
  return {
    id: identity.id,
    createdOn: new Date(identity.createdAtMs).toISOString(),
    ...(identity.tokensRevokedAtMs === undefined ? {} : { tokensRevokedOn: new Date(identity.tokensRevokedAtMs).toISOString() }),
  };
}

function parseObject(body: Buffer): Record<string, unknown> {
  const text = body.length === 0 ? '{}' : body.toString('utf8');
  if (exceedsJsonNesting(text)) {
    throw new Error(`Expected a JSON object nested at most ${MAX_JSON_NESTING} levels deep.`);
  }
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('Expected a JSON object.');
  }
  return value as Record<string, unknown>;
}


function badRequest(message: string): EmulatorResponse {
  return jsonResponse(400, { error: { code: 'BadRequest', message } });
}
