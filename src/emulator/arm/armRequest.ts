import { BearerTokenCheck, checkBearerToken, EntraIdCaller } from '../bearerToken';
import { EmulatedCloud, sameId } from '../cloud';
import { ServiceError } from '../errors';
import { EmulatorRequest, EmulatorResponse, EmulatorServices, jsonResponse, logUnexpectedError } from '../httpExchange';
import { checkArmApiVersion } from './armApiVersions';
import {
  ARM_AUDIENCES,
  armAuthenticationError,
  armRouteNotFound,
  authorizationFailed,
  resourceGroupNotFound,
  resourceNotFound,
  subscriptionNotFound,
  wrongTenant,
} from './armErrors';
import { communicationServiceJson, communicationServiceKeysJson, subscriptionJson, tenantJson } from './armResources';
import { ArmRoute, matchArmRoute } from './armRoutes';

const LIST_KEYS_ACTION = 'Microsoft.Communication/communicationServices/listKeys/action';

/**
 * One Resource Manager request, in the order ARM's front door works: authentication (a bearer
 * token for the management audience), routing, api-version, the caller's tenant, then the
 * subscription, authorization, the resource group and the resource.
 */
export function handleArmRequest(request: EmulatorRequest, services: EmulatorServices): EmulatorResponse {
  try {
    const url = new URL(request.target, 'http://emulator.invalid');
    const check: BearerTokenCheck = checkBearerToken(request.headers, ARM_AUDIENCES, services.clock());
    if (!check.ok) {
      throw armAuthenticationError(check, services.clock());
    }
    const route = matchArmRoute(request.method, url.pathname);
    if (!route) {
      throw armRouteNotFound(request.method, url.pathname);
    }
    const apiVersion = checkArmApiVersion(route.kind, url.searchParams.get('api-version'));
    return jsonResponse(200, answer(route, check.caller, apiVersion, services));
  } catch (error) {
    if (error instanceof ServiceError) {
      return jsonResponse(error.status, error.toBody());
    }
    logUnexpectedError(services, error);
    return jsonResponse(500, { error: { code: 'InternalServerError', message: 'The emulator failed to handle the request.' } });
  }
}

function answer(route: ArmRoute, caller: EntraIdCaller, apiVersion: string, services: EmulatorServices): object {
  const { cloud } = services;
  switch (route.kind) {
    case 'listTenants':
      return { value: [tenantJson(cloud)] };
    case 'listSubscriptions':
      // A token of another tenant sees that tenant's subscriptions: none here.
      return { value: inCallersTenant(caller, cloud) ? cloud.subscriptions.map((subscription) => subscriptionJson(cloud, subscription)) : [] };
    case 'listBySubscription':
      checkSubscription(route.subscriptionId, caller, cloud);
      return { value: sameId(route.subscriptionId, cloud.resource.subscriptionId) ? [resourceJson(services, apiVersion)] : [] };
    case 'listByResourceGroup':
      checkResourceGroup(route, caller, cloud);
      return { value: [resourceJson(services, apiVersion)] };
    case 'getResource':
      checkResource(route, caller, cloud);
      return resourceJson(services, apiVersion);
    case 'listKeys':
      checkSubscription(route.subscriptionId, caller, cloud);
      if (services.listKeysAccess.isDenied(caller.objectId)) {
        const scope = `/subscriptions/${route.subscriptionId}/resourceGroups/${route.resourceGroup}/providers/Microsoft.Communication/communicationServices/${route.name}`;
        throw authorizationFailed(caller.displayName, caller.objectId, LIST_KEYS_ACTION, scope);
      }
      checkResource(route, caller, cloud);
      return communicationServiceKeysJson(services.address.endpoint, services.accessKeys);
  }
}

function inCallersTenant(caller: EntraIdCaller, cloud: EmulatedCloud): boolean {
  return caller.tenantId === undefined || sameId(caller.tenantId, cloud.tenantId);
}

function checkSubscription(subscriptionId: string, caller: EntraIdCaller, cloud: EmulatedCloud): void {
  if (!cloud.subscriptions.some((subscription) => sameId(subscription.subscriptionId, subscriptionId))) {
    throw subscriptionNotFound(subscriptionId);
  }
  if (!inCallersTenant(caller, cloud)) {
    throw wrongTenant(caller.tenantId ?? '', cloud.tenantId);
  }
}

function checkResourceGroup(route: { subscriptionId: string; resourceGroup: string }, caller: EntraIdCaller, cloud: EmulatedCloud): void {
  checkSubscription(route.subscriptionId, caller, cloud);
  if (!sameId(route.subscriptionId, cloud.resource.subscriptionId) || !sameId(route.resourceGroup, cloud.resource.resourceGroup)) {
    throw resourceGroupNotFound(route.resourceGroup);
  }
}

function checkResource(route: { subscriptionId: string; resourceGroup: string; name: string }, caller: EntraIdCaller, cloud: EmulatedCloud): void {
  checkResourceGroup(route, caller, cloud);
  if (!sameId(route.name, cloud.resource.name)) {
    throw resourceNotFound(route.resourceGroup, route.name);
  }
}

function resourceJson(services: EmulatorServices, apiVersion: string): object {
  return communicationServiceJson(services.cloud, { hostName: services.address.host, immutableResourceId: services.store.resourceId, apiVersion });
}


