import { isGuid } from '../shared/identifiers';
import { EMULATED_SUBSCRIPTION_ID, EMULATED_TENANT_ID } from './defaults';

/** A subscription of the emulated cloud, as `GET /subscriptions` lists it. */
export interface EmulatedSubscription {
  readonly subscriptionId: string;
  readonly displayName?: string;
}

/** Where the emulated Communication Services resource sits in Resource Manager, and what it says about itself. */
export interface EmulatedResourceOptions {
  /** Default `local-acs-emulator`. Resource Manager allows `^[-\w]+$`, 1 to 63 characters. */
  readonly name?: string;
  /** Default `acs-emulator-rg`. */
  readonly resourceGroup?: string;
  /** Default the first subscription. */
  readonly subscriptionId?: string;
  /** Default `global`, as for every Communication Services resource. */
  readonly location?: string;
  /** Default `United States`. */
  readonly dataLocation?: string;
}

/** The management plane's view of the emulator: one tenant, its subscriptions, one resource (the emulator itself). */
export interface EmulatedCloud {
  readonly tenantId: string;
  readonly subscriptions: readonly EmulatedSubscription[];
  readonly resource: Required<EmulatedResourceOptions>;
}

const RESOURCE_NAME = /^[-\w]{1,63}$/;
const RESOURCE_GROUP_NAME = /^[-\w._()]{1,90}$/;

/** The cloud the options describe, with defaults; throws an Error that says which option is wrong. */
export function resolveCloud(options: {
  tenantId?: string;
  subscriptions?: readonly EmulatedSubscription[];
  resource?: EmulatedResourceOptions;
}): EmulatedCloud {
  const tenantId = options.tenantId ?? EMULATED_TENANT_ID;
  const subscriptions = options.subscriptions?.length ? options.subscriptions : [{ subscriptionId: EMULATED_SUBSCRIPTION_ID, displayName: 'ACS emulator subscription' }];
  for (const id of [tenantId, ...subscriptions.map((subscription) => subscription.subscriptionId)]) {
    if (!isGuid(id)) {
      throw new Error(`Tenant and subscription ids must be GUIDs, not "${id}".`);
    }
  }
  const resource = {
    name: options.resource?.name ?? 'local-acs-emulator',
    resourceGroup: options.resource?.resourceGroup ?? 'acs-emulator-rg',
    subscriptionId: options.resource?.subscriptionId ?? subscriptions[0].subscriptionId,
    location: options.resource?.location ?? 'global',
    dataLocation: options.resource?.dataLocation ?? 'United States',
  };
  if (!RESOURCE_NAME.test(resource.name)) {
    throw new Error(`The resource name must be 1 to 63 letters, digits, '-' or '_', not "${resource.name}".`);
  }
  if (!RESOURCE_GROUP_NAME.test(resource.resourceGroup) || resource.resourceGroup.endsWith('.')) {
    throw new Error(`"${resource.resourceGroup}" is not a valid resource group name.`);
  }
  if (!subscriptions.some((subscription) => sameId(subscription.subscriptionId, resource.subscriptionId))) {
    throw new Error(`The resource's subscription ${resource.subscriptionId} is not one of the emulated subscriptions.`);
  }
  return { tenantId: tenantId.toLowerCase(), subscriptions, resource };
}

/** Resource Manager ids and names compare without regard to case. */
export function sameId(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

/** `/subscriptions/{sid}/resourceGroups/{rg}/providers/Microsoft.Communication/CommunicationServices/{name}`, as the service writes it. */
export function armResourceId(cloud: EmulatedCloud): string {
  const { subscriptionId, resourceGroup, name } = cloud.resource;
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Communication/CommunicationServices/${name}`;
}
