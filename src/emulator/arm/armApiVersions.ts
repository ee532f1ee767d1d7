import { missingApiVersion, unsupportedApiVersion } from './armErrors';
import { ArmRouteKind } from './armRoutes';

/**
 * The api-versions the emulator serves per route family: stable versions of
 * Microsoft.Resources subscriptions (2022-12-01 is the spec read; the older ones are the
 * versions SDKs in use still send) and of Microsoft.Communication (azure-rest-api-specs
 * specification/communication/resource-manager/Microsoft.Communication/stable/{2020-08-20,
 * 2023-03-31, 2023-04-01, 2025-05-01, 2025-09-01}); `@azure/arm-communication` 4.2 sends 2025-09-01.
 */
const SUBSCRIPTION_VERSIONS = ['2016-06-01', '2020-01-01', '2021-01-01', '2022-12-01'] as const;
const COMMUNICATION_VERSIONS = ['2020-08-20', '2023-03-31', '2023-04-01', '2025-05-01', '2025-09-01'] as const;

/** The requested api-version, or a 400 in ARM's shape. */
export function checkArmApiVersion(kind: ArmRouteKind, requested: string | null): string {
  const supported: readonly string[] = kind === 'listTenants' || kind === 'listSubscriptions' ? SUBSCRIPTION_VERSIONS : COMMUNICATION_VERSIONS;
  if (requested === null || requested === '') {
    throw missingApiVersion();
  }
  if (!supported.includes(requested)) {
    throw unsupportedApiVersion(requested, supported);
  }
  return requested;
}

/** 2025-09-01 added `disableLocalAuth` and `publicNetworkAccess` to the resource's properties. */
export function hasNetworkAndLocalAuthProperties(apiVersion: string): boolean {
  return apiVersion >= '2025-09-01';
}

