// What the tests of the records share: a resource's connection, users' ids.
import * as assert from 'node:assert/strict';
import { parseConnectionString, type AcsConnectionString } from '../../../src/core/connectionString';

/** A 64-byte key, as real ACS keys are. */
export const TEST_KEY = Buffer.alloc(64, 3).toString('base64');
export const TEST_RESOURCE_GUID = '2dee53b4-368b-45b4-ab52-8493fb117652';

/** The n-th user of the test resource. */
export function testUserId(n: number): string {
  return `8:acs:${TEST_RESOURCE_GUID}_00000005-14a2-493b-8a72-${String(n).padStart(12, '0')}`;
}

/** The connection of a resource at `https://<host>/`. */
export function testConnection(host: string): AcsConnectionString {
  const parsed = parseConnectionString(`endpoint=https://${host}/;accesskey=${TEST_KEY}`);
  assert.ok(parsed.ok);
  return parsed.value;
}
