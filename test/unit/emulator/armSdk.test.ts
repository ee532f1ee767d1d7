import * as assert from 'node:assert/strict';
import { CommunicationServiceManagementClient } from '@azure/arm-communication';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { EMULATED_SUBSCRIPTION_ID } from '../../../src/emulator';
import { assertRestError } from './emulatorClient';
import { ARM_AUDIENCE, READER_OID, selfSignedCertificate, StaticTokenCredential } from './entraId';
import { useEmulator } from '../../support/emulatorFixture';

// The management SDK as a "sign in to Azure" feature would use it: bearer tokens, so https.
suite('emulator: Resource Manager through @azure/arm-communication (over https)', function () {
  this.timeout(20_000);
  let ca: string;

  const managementClient = (credential: StaticTokenCredential): CommunicationServiceManagementClient => {
    const origin = fixture.emulator.endpoint.replace(/\/$/, '');
    return new CommunicationServiceManagementClient(credential, EMULATED_SUBSCRIPTION_ID, {
      endpoint: origin,
      $host: origin,
      // The SDK would derive the scope from the endpoint; a real sign-in asks for Resource Manager's.
      credentialScopes: ['https://management.azure.com/.default'],
      tlsOptions: { ca },
      retryOptions: { maxRetries: 0 },
    });
  };

  const fixture = useEmulator(async () => {
    const tls = await selfSignedCertificate();
    ca = tls.cert;
    return { tls, listKeysDeniedTo: [READER_OID] };
  });

  test('lists, gets and reads the keys of the resource; the keys work with the identity SDK', async () => {
    const client = managementClient(new StaticTokenCredential({ aud: ARM_AUDIENCE }));
    const listed = [];
    for await (const resource of client.communicationServices.listBySubscription()) {
      listed.push(resource);
    }
    assert.deepEqual(listed.map((resource) => [resource.name, resource.hostName, resource.immutableResourceId]), [
      ['local-acs-emulator', new URL(fixture.emulator.endpoint).host, fixture.emulator.resourceId],
    ]);
    const byGroup = [];
    for await (const resource of client.communicationServices.listByResourceGroup('acs-emulator-rg')) {
      byGroup.push(resource.id);
    }
    assert.deepEqual(byGroup, [fixture.emulator.armResourceId]);
    const resource = await client.communicationServices.get('acs-emulator-rg', 'local-acs-emulator');
    assert.equal(resource.dataLocation, 'United States');
    assert.equal(resource.provisioningState, 'Succeeded');
    const keys = await client.communicationServices.listKeys('acs-emulator-rg', 'local-acs-emulator');
    assert.equal(keys.primaryConnectionString, fixture.emulator.connectionString);
    const identity = new CommunicationIdentityClient(keys.secondaryConnectionString ?? '', { tlsOptions: { ca }, retryOptions: { maxRetries: 0 } });
    await identity.createUser();
  });

  test('a caller denied listKeys gets a RestError 403 AuthorizationFailed', async () => {
    const client = managementClient(new StaticTokenCredential({ aud: ARM_AUDIENCE, oid: READER_OID }));
    const error = await assertRestError(client.communicationServices.listKeys('acs-emulator-rg', 'local-acs-emulator'), 403, 'AuthorizationFailed');
    assert.match(error.message, /does not have authorization to perform action 'Microsoft.Communication\/communicationServices\/listKeys\/action'/);
  });

  test('an unknown resource gets a RestError 404 ResourceNotFound', async () => {
    const client = managementClient(new StaticTokenCredential({ aud: ARM_AUDIENCE }));
    await assertRestError(client.communicationServices.get('acs-emulator-rg', 'other'), 404, 'ResourceNotFound');
  });

  test('a token for the wrong audience gets a RestError 401 InvalidAuthenticationTokenAudience', async () => {
    const client = managementClient(new StaticTokenCredential({ aud: 'https://communication.azure.com' }));
    await assertRestError(client.communicationServices.get('acs-emulator-rg', 'local-acs-emulator'), 401, 'InvalidAuthenticationTokenAudience');
  });
});
