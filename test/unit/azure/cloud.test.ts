import * as assert from 'node:assert/strict';
import { resolveAzureCloud } from '../../../src/azure/cloud';
import { subscriptionFilter } from '../../../src/azure/subscriptionFilter';

suite('Azure cloud from the microsoft-sovereign-cloud settings', () => {
  test('unset: the public cloud, with the provider microsoft and the management scope Azure extensions ask for', () => {
    assert.deepEqual(resolveAzureCloud(undefined, undefined), {
      ok: true,
      cloud: { providerId: 'microsoft', name: 'AzureCloud', resourceManagerEndpoint: 'https://management.azure.com/', managementScope: 'https://management.core.windows.net/.default' },
    });
    assert.equal(resolveAzureCloud('', { resourceManagerEndpointUrl: 'https://elsewhere' }).ok, true);
  });

  test('ChinaCloud and USGovernment: their endpoints, with the provider microsoft-sovereign-cloud', () => {
    const china = resolveAzureCloud('ChinaCloud', undefined);
    assert.ok(china.ok);
    assert.deepEqual(china.cloud, {
      providerId: 'microsoft-sovereign-cloud',
      name: 'ChinaCloud',
      resourceManagerEndpoint: 'https://management.chinacloudapi.cn/',
      managementScope: 'https://management.core.chinacloudapi.cn/.default',
    });
    const government = resolveAzureCloud('USGovernment', undefined);
    assert.ok(government.ok);
    assert.equal(government.cloud.resourceManagerEndpoint, 'https://management.usgovcloudapi.net/');
    assert.equal(government.cloud.managementScope, 'https://management.core.usgovcloudapi.net/.default');
  });

  test('custom: the endpoints of customEnvironment; plain http only for this computer', () => {
    const custom = resolveAzureCloud('custom', {
      name: 'Local',
      resourceManagerEndpointUrl: 'https://127.0.0.1:8443/',
      managementEndpointUrl: 'https://management.core.windows.net/',
      portalUrl: 'https://portal',
    });
    assert.deepEqual(custom, {
      ok: true,
      cloud: { providerId: 'microsoft-sovereign-cloud', name: 'Local', resourceManagerEndpoint: 'https://127.0.0.1:8443/', managementScope: 'https://management.core.windows.net/.default' },
    });
    assert.equal(resolveAzureCloud('custom', { resourceManagerEndpointUrl: 'http://localhost:1', managementEndpointUrl: 'https://m' }).ok, true);
    assert.deepEqual(resolveAzureCloud('custom', { resourceManagerEndpointUrl: 'http://arm.example', managementEndpointUrl: 'https://m' }), { ok: false, problem: 'endpointNotHttps' });
  });

  test('settings that describe no cloud are refused with the reason', () => {
    assert.deepEqual(resolveAzureCloud('GermanCloud', undefined), { ok: false, problem: 'unknownEnvironment' });
    assert.deepEqual(resolveAzureCloud('custom', undefined), { ok: false, problem: 'customEnvironmentInvalid' });
    assert.deepEqual(resolveAzureCloud('custom', { resourceManagerEndpointUrl: 'not a url', managementEndpointUrl: 'https://m' }), { ok: false, problem: 'customEnvironmentInvalid' });
    assert.deepEqual(resolveAzureCloud('custom', { resourceManagerEndpointUrl: 'https://arm' }), { ok: false, problem: 'customEnvironmentInvalid' });
  });
});

suite('azureResourceGroups.selectedSubscriptions', () => {
  test('unset or empty: every tenant and subscription', () => {
    for (const setting of [undefined, [], 'x', [42]]) {
      const filter = subscriptionFilter(setting);
      assert.equal(filter.active, false);
      assert.ok(filter.showsTenant('t') && filter.showsSubscription('t', 's'));
    }
  });

  test('"tenant/subscription" entries: only those, whatever the case', () => {
    const filter = subscriptionFilter(['T1/S1', 't2/s2', 'malformed']);
    assert.equal(filter.active, true);
    assert.deepEqual(['t1', 't2', 't3'].map((tenant) => filter.showsTenant(tenant)), [true, true, false]);
    assert.equal(filter.showsSubscription('t1', 's1'), true);
    assert.equal(filter.showsSubscription('t1', 's2'), false);
  });
});
