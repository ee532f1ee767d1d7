// Which Azure cloud the person signs in to, as VS Code's own Microsoft authentication decides it:
// the settings `microsoft-sovereign-cloud.environment` (unset: the public cloud) and, for
// `custom`, `microsoft-sovereign-cloud.customEnvironment` (the shape of @azure/ms-rest-azure-env's
// EnvironmentParameters). The public cloud's sessions come from the provider `microsoft`, every
// other cloud's from `microsoft-sovereign-cloud` (which VS Code registers only when the setting is
// set). Azure's own extensions read the same settings the same way.
import { isLoopbackHost } from '../shared/hosts';

export type AuthenticationProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

export interface AzureCloud {
  readonly providerId: AuthenticationProviderId;
  /** As the settings name it: AzureCloud, ChinaCloud, USGovernment, or the custom environment's `name`. */
  readonly name: string;
  /** Resource Manager's origin followed by `/`. */
  readonly resourceManagerEndpoint: string;
  /** The scope of Resource Manager tokens: the cloud's management endpoint + `/.default`, as Azure's extensions ask (so their tokens are shared). */
  readonly managementScope: string;
}

export type CloudProblem =
  /** `environment` is neither unset nor one of ChinaCloud, USGovernment, custom. */
  | 'unknownEnvironment'
  /** `custom` without an object in `customEnvironment`, or one of its two endpoints missing or not a URL. */
  | 'customEnvironmentInvalid'
  /** The custom Resource Manager endpoint uses plain http on a host that is not this computer: tokens would travel in clear. */
  | 'endpointNotHttps';

export type CloudResolution = { readonly ok: true; readonly cloud: AzureCloud } | { readonly ok: false; readonly problem: CloudProblem };

export const CLOUD_SETTINGS_SECTION = 'microsoft-sovereign-cloud';
export const CLOUD_SETTING_ENVIRONMENT = 'environment';
export const CLOUD_SETTING_CUSTOM_ENVIRONMENT = 'customEnvironment';

/** @azure/ms-rest-azure-env 2.0.0 lib/azureEnvironment.ts: resourceManagerEndpointUrl and managementEndpointUrl. */
const PUBLIC: AzureCloud = cloud('microsoft', 'AzureCloud', 'https://management.azure.com/', 'https://management.core.windows.net');
const PRESETS: Readonly<Record<string, AzureCloud>> = {
  ChinaCloud: cloud('microsoft-sovereign-cloud', 'ChinaCloud', 'https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'),
  USGovernment: cloud('microsoft-sovereign-cloud', 'USGovernment', 'https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'),
};

export function resolveAzureCloud(environment: unknown, customEnvironment: unknown): CloudResolution {
  if (environment === undefined || environment === null || environment === '') {
    return { ok: true, cloud: PUBLIC };
  }
  if (typeof environment === 'string' && Object.hasOwn(PRESETS, environment)) {
    return { ok: true, cloud: PRESETS[environment] };
  }
  if (environment !== 'custom') {
    return { ok: false, problem: 'unknownEnvironment' };
  }
  if (typeof customEnvironment !== 'object' || customEnvironment === null) {
    return { ok: false, problem: 'customEnvironmentInvalid' };
  }
  const { name, resourceManagerEndpointUrl, managementEndpointUrl } = customEnvironment as Record<string, unknown>;
  const resourceManager = httpUrl(resourceManagerEndpointUrl);
  const management = httpUrl(managementEndpointUrl);
  if (!resourceManager || !management) {
    return { ok: false, problem: 'customEnvironmentInvalid' };
  }
  if (resourceManager.protocol === 'http:' && !isLoopbackHost(resourceManager.hostname)) {
    return { ok: false, problem: 'endpointNotHttps' };
  }
  return { ok: true, cloud: cloud('microsoft-sovereign-cloud', typeof name === 'string' && name !== '' ? name : 'custom', resourceManager.href, management.href) };
}

function cloud(providerId: AuthenticationProviderId, name: string, resourceManager: string, management: string): AzureCloud {
  return {
    providerId,
    name,
    resourceManagerEndpoint: `${new URL(resourceManager).origin}/`,
    managementScope: `${management.replace(/\/+$/, '')}/.default`,
  };
}

function httpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
