/**
 * The Resource Manager routes the emulator serves (azure-rest-api-specs
 * specification/resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/subscriptions.json,
 * specification/communication/resource-manager/Microsoft.Communication/stable/2023-04-01/CommunicationServices.json).
 * Resource Manager matches paths without regard to case.
 */
export type ArmRoute =
  | { readonly kind: 'listTenants' }
  | { readonly kind: 'listSubscriptions' }
  | { readonly kind: 'listBySubscription'; readonly subscriptionId: string }
  | { readonly kind: 'listByResourceGroup'; readonly subscriptionId: string; readonly resourceGroup: string }
  | { readonly kind: 'getResource'; readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string }
  | { readonly kind: 'listKeys'; readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string };

export type ArmRouteKind = ArmRoute['kind'];

/** Whether a path belongs to the management plane (the identity API has no such prefixes). */
export function isArmPath(pathname: string): boolean {
  return /^\/(subscriptions|tenants)(\/|$)/i.test(pathname);
}

const PROVIDER = ['providers', 'microsoft.communication', 'communicationservices'];

export function matchArmRoute(method: string, pathname: string): ArmRoute | undefined {
  const segments = pathname.split('/').slice(1).map(decodeSegment);
  const lower = segments.map((segment) => segment.toLowerCase());
  const is = (start: number, expected: readonly string[]): boolean => expected.every((segment, index) => lower[start + index] === segment);
  if (method === 'GET' && segments.length === 1 && lower[0] === 'tenants') {
    return { kind: 'listTenants' };
  }
  if (lower[0] !== 'subscriptions') {
    return undefined;
  }
  if (method === 'GET' && segments.length === 1) {
    return { kind: 'listSubscriptions' };
  }
  const subscriptionId = segments[1];
  if (method === 'GET' && segments.length === 5 && is(2, PROVIDER)) {
    return { kind: 'listBySubscription', subscriptionId };
  }
  if (lower[2] !== 'resourcegroups' || !is(4, PROVIDER)) {
    return undefined;
  }
  const resourceGroup = segments[3];
  if (method === 'GET' && segments.length === 7) {
    return { kind: 'listByResourceGroup', subscriptionId, resourceGroup };
  }
  const name = segments[7];
  if (method === 'GET' && segments.length === 8) {
    return { kind: 'getResource', subscriptionId, resourceGroup, name };
  }
  if (method === 'POST' && segments.length === 9 && lower[8] === 'listkeys') {
    return { kind: 'listKeys', subscriptionId, resourceGroup, name };
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
