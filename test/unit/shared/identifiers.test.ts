import * as assert from 'node:assert/strict';
import { parseAcsUserId, shortenUserId } from '../../../src/shared/identifiers';

const RESOURCE = '2dee53b4-368b-45b4-ab52-8493fb117652';
const ID = `8:acs:${RESOURCE}_00000005-14a2-493b-8a72-5a3a0d000081`;

suite('ACS user ids', () => {
  test('parses the service example id', () => {
    assert.deepEqual(parseAcsUserId(ID), { raw: ID, resourceId: RESOURCE, userPart: '00000005-14a2-493b-8a72-5a3a0d000081' });
  });

  test('trims surrounding white space and accepts the government-cloud prefixes', () => {
    assert.equal(parseAcsUserId(`  ${ID}\n`)?.raw, ID);
    assert.equal(parseAcsUserId(ID.replace('8:acs:', '8:gcch-acs:'))?.resourceId, RESOURCE);
    assert.equal(parseAcsUserId(ID.replace('8:acs:', '8:dod-acs:'))?.resourceId, RESOURCE);
  });

  test('accepts a Teams-extension user part (resource_tenant_user)', () => {
    const id = `8:acs:${RESOURCE}_c2f6b34b-4a4a-4bb9-9c6f-9fbfb6c1b6f1_3d6e4b35-1f3e-4f1b-9e8c-1f2a3b4c5d6e`;
    assert.equal(parseAcsUserId(id)?.resourceId, RESOURCE);
  });

  for (const bad of ['', 'abc', '8:acs:fakeid', `8:orgid:${RESOURCE}`, `4:+15551234567`, `8:acs:${RESOURCE}`, `8:acs:${RESOURCE}_`, `8:acs:${RESOURCE}_a b`]) {
    test(`rejects ${JSON.stringify(bad)}`, () => {
      assert.equal(parseAcsUserId(bad), undefined);
    });
  }

  test('shortens to the distinguishing tail', () => {
    assert.equal(shortenUserId(ID), '…5a3a0d000081');
    assert.equal(shortenUserId('8:acs:not-a-guid'), '…s:not-a-guid');
    assert.equal(shortenUserId('short'), 'short');
  });
});
