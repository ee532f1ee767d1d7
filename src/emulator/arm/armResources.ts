import { EmulatedCloud, EmulatedSubscription, armResourceId } from '../cloud';
import { hasNetworkAndLocalAuthProperties } from './armApiVersions';
import { connectionStringOf } from '../httpExchange';

/** The JSON Resource Manager answers with, in the shapes of the specs named in armRoutes.ts. */

/** TenantIdDescription (the emulated tenant is the caller's home tenant). */
export function tenantJson(cloud: EmulatedCloud): object {
  return {
    id: `/tenants/${cloud.tenantId}`,
    tenantId: cloud.tenantId,
    tenantCategory: 'Home',
    displayName: 'ACS emulator tenant',
    defaultDomain: 'acs-emulator.localhost',
    domains: ['acs-emulator.localhost'],
    tenantType: 'AAD',
  };
}

/** Subscription. */
export function subscriptionJson(cloud: EmulatedCloud, subscription: EmulatedSubscription): object {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: subscription.subscriptionId,
    tenantId: cloud.tenantId,
    displayName: subscription.displayName ?? subscription.subscriptionId,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

/**
 * CommunicationServiceResource. `hostName` is the emulator's own host:port, so a client that
 * builds the data-plane endpoint from it reaches the emulator (over http unless it serves TLS);
 * `immutableResourceId` is the GUID inside its user ids.
 */
export function communicationServiceJson(cloud: EmulatedCloud, details: { hostName: string; immutableResourceId: string; apiVersion: string }): object {
  return {
    id: armResourceId(cloud),
    name: cloud.resource.name,
    type: 'Microsoft.Communication/CommunicationServices',
    location: cloud.resource.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      hostName: details.hostName,
      dataLocation: cloud.resource.dataLocation,
      immutableResourceId: details.immutableResourceId,
      ...(hasNetworkAndLocalAuthProperties(details.apiVersion) ? { disableLocalAuth: false, publicNetworkAccess: 'Enabled' } : {}),
    },
  };
}

/** CommunicationServiceKeys: both keys and a connection string for each. */
export function communicationServiceKeysJson(endpoint: string, keys: { primary: string; secondary: string }): object {
  return {
    primaryKey: keys.primary,
    secondaryKey: keys.secondary,
    primaryConnectionString: connectionStringOf(endpoint, keys.primary),
    secondaryConnectionString: connectionStringOf(endpoint, keys.secondary),
  };
}
