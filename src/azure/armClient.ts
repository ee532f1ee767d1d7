// The four Resource Manager calls the extension makes, over plain `fetch`: a typed client of a
// few hundred bytes where the ARM SDKs would add 115 to 150 KB (see README, "Signing in to Azure").
// Paths, api-versions and shapes: azure-rest-api-specs, Microsoft.Resources subscriptions
// 2022-12-01 and Microsoft.Communication CommunicationServices 2023-04-01.
import type { AzureCoordinates } from '../core/records';
import { AzureFailure } from './azureFailure';

const SUBSCRIPTIONS_API = '2022-12-01';
const COMMUNICATION_API = '2023-04-01';
/** A listing longer than this many pages is not what Resource Manager sends: stop rather than loop. */
const MAX_PAGES = 100;

export interface AzureTenant {
  readonly tenantId: string;
  readonly displayName?: string;
  readonly defaultDomain?: string;
}

export interface AzureSubscription {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly displayName: string;
  /** Enabled, Disabled, Warned, PastDue, Deleted. */
  readonly state?: string;
}

export interface CommunicationServiceResource {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  readonly dataLocation?: string;
  /** The identity API: `https://<hostName>/`, as Resource Manager gives the host. */
  readonly endpoint: string;
  /** The endpoint's host (with its port, if not 443). */
  readonly host: string;
}

export interface CommunicationServiceKeys {
  readonly primaryKey?: string;
  readonly primaryConnectionString?: string;
}

type Json = Record<string, unknown>;

/**
 * Resource Manager at one endpoint. Every call takes the bearer token to send (the caller decides
 * which tenant it is for) and the signal that cancels it. Errors are `AzureFailure`s: Resource
 * Manager's own (status, code, message), an unreachable endpoint, or an answer of the wrong shape.
 */
export class ArmClient {
  constructor(
    private readonly endpoint: string,
    private readonly fetchJson: typeof fetch = fetch,
  ) {}

  async listTenants(token: string, signal?: AbortSignal): Promise<AzureTenant[]> {
    const items = await this.list(`tenants?api-version=${SUBSCRIPTIONS_API}`, token, signal);
    return items.flatMap((item) =>
      isText(item.tenantId) ? [{ tenantId: item.tenantId, displayName: optionalText(item.displayName), defaultDomain: optionalText(item.defaultDomain) }] : [],
    );
  }

  /** The subscriptions of the token's tenant. */
  async listSubscriptions(token: string, signal?: AbortSignal): Promise<AzureSubscription[]> {
    const items = await this.list(`subscriptions?api-version=${SUBSCRIPTIONS_API}`, token, signal);
    return items.flatMap((item) =>
      isText(item.subscriptionId) && isText(item.tenantId)
        ? [{ subscriptionId: item.subscriptionId, tenantId: item.tenantId, displayName: optionalText(item.displayName) ?? item.subscriptionId, state: optionalText(item.state) }]
        : [],
    );
  }

  async listCommunicationServices(subscriptionId: string, token: string, signal?: AbortSignal): Promise<CommunicationServiceResource[]> {
    const items = await this.list(`subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Communication/communicationServices?api-version=${COMMUNICATION_API}`, token, signal);
    return items.flatMap((item) => {
      const coordinates = typeof item.id === 'string' ? coordinatesOf(item.id) : undefined;
      const properties = isObject(item.properties) ? item.properties : {};
      const endpoint = dataPlaneEndpoint(properties.hostName);
      return coordinates && endpoint && isText(item.name)
        ? [
            {
              subscriptionId: coordinates.subscriptionId,
              resourceGroup: coordinates.resourceGroup,
              name: item.name,
              location: optionalText(item.location) ?? '',
              dataLocation: optionalText(properties.dataLocation),
              ...endpoint,
            },
          ]
        : [];
    });
  }

  /** Needs `Microsoft.Communication/CommunicationServices/ListKeys/action` on the resource (Reader does not have it). */
  async listKeys(resource: Omit<AzureCoordinates, 'tenantId'>, token: string, signal?: AbortSignal): Promise<CommunicationServiceKeys> {
    const path = `subscriptions/${encodeURIComponent(resource.subscriptionId)}/resourceGroups/${encodeURIComponent(resource.resourceGroup)}/providers/Microsoft.Communication/communicationServices/${encodeURIComponent(resource.name)}/listKeys?api-version=${COMMUNICATION_API}`;
    const body = await this.request('POST', new URL(path, this.endpoint), token, signal);
    return { primaryKey: optionalText(body.primaryKey), primaryConnectionString: optionalText(body.primaryConnectionString) };
  }

  /** Every page of a `{ value, nextLink }` listing. A nextLink elsewhere than this endpoint is not followed: it would get the token. */
  private async list(path: string, token: string, signal: AbortSignal | undefined): Promise<Json[]> {
    const items: Json[] = [];
    let url: URL | undefined = new URL(path, this.endpoint);
    for (let page = 0; url; page++) {
      if (page === MAX_PAGES || url.origin !== new URL(this.endpoint).origin) {
        throw new AzureFailure('unexpectedAnswer', { message: `Resource Manager's listing went on to ${url.origin} or past ${MAX_PAGES} pages` });
      }
      const body = await this.request('GET', url, token, signal);
      if (!Array.isArray(body.value)) {
        throw new AzureFailure('unexpectedAnswer', { message: `GET ${url.pathname} answered without a "value" list` });
      }
      items.push(...body.value.filter(isObject));
      url = typeof body.nextLink === 'string' && body.nextLink !== '' ? new URL(body.nextLink) : undefined;
    }
    return items;
  }

  private async request(method: 'GET' | 'POST', url: URL, token: string, signal: AbortSignal | undefined): Promise<Json> {
    let response: Response;
    try {
      response = await this.fetchJson(url, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
    } catch (error) {
      // A cancellation stays what it is; anything else thrown by fetch is the network's doing.
      if (error instanceof Error && error.name === 'AbortError') {
        throw error;
      }
      throw new AzureFailure('unreachable', { message: `Cannot reach ${url.origin}`, cause: error });
    }
    const text = await response.text();
    const body = parseJson(text);
    if (!response.ok) {
      const error = isObject(body?.error) ? body.error : {};
      throw new AzureFailure('resourceManager', {
        status: response.status,
        code: optionalText(error.code),
        message: optionalText(error.message) ?? `${method} ${url.pathname} answered ${response.status}`,
      });
    }
    if (!body) {
      throw new AzureFailure('unexpectedAnswer', { message: `${method} ${url.pathname} answered ${response.status} without a JSON object` });
    }
    return body;
  }
}

/** The subscription and resource group in a resource id (`/subscriptions/{s}/resourceGroups/{rg}/providers/…`). */
function coordinatesOf(resourceId: string): { subscriptionId: string; resourceGroup: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\//i.exec(resourceId);
  return match ? { subscriptionId: decodeURIComponent(match[1]), resourceGroup: decodeURIComponent(match[2]) } : undefined;
}

/** `https://<hostName>/`, when the host is a plain host (and port): nothing else may become the endpoint tokens are sent to. */
function dataPlaneEndpoint(hostName: unknown): { endpoint: string; host: string } | undefined {
  if (!isText(hostName) || /[/?#@\\\s]/.test(hostName)) {
    return undefined;
  }
  try {
    const url = new URL(`https://${hostName}/`);
    return { endpoint: `${url.origin}/`, host: url.host };
  } catch {
    return undefined;
  }
}

function parseJson(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function optionalText(value: unknown): string | undefined {
  return isText(value) ? value : undefined;
}
