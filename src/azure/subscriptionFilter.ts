// The subscriptions a person chose to see in Azure's own VS Code extensions: the setting
// `azureResourceGroups.selectedSubscriptions`, a list of "<tenant id>/<subscription id>" (empty or
// unset: all). Read only; the extension never writes another extension's setting.

export const SELECTED_SUBSCRIPTIONS_SECTION = 'azureResourceGroups';
export const SELECTED_SUBSCRIPTIONS_SETTING = 'selectedSubscriptions';

export interface SubscriptionFilter {
  /** Whether the person chose some subscriptions (then the others are not offered). */
  readonly active: boolean;
  showsTenant(tenantId: string): boolean;
  showsSubscription(tenantId: string, subscriptionId: string): boolean;
}

export function subscriptionFilter(setting: unknown): SubscriptionFilter {
  const chosen = (Array.isArray(setting) ? setting : [])
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => entry.trim().toLowerCase().split('/'))
    .filter((parts) => parts.length === 2 && parts[0] !== '' && parts[1] !== '');
  const active = chosen.length > 0;
  return {
    active,
    showsTenant: (tenantId) => !active || chosen.some(([tenant]) => tenant === tenantId.toLowerCase()),
    showsSubscription: (tenantId, subscriptionId) =>
      !active || chosen.some(([tenant, subscription]) => tenant === tenantId.toLowerCase() && subscription === subscriptionId.toLowerCase()),
  };
}
