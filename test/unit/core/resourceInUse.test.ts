import * as assert from 'node:assert/strict';
import { ResourceInUse, resourceTokens } from '../../../src/core/resourceInUse';
import { RecordState } from '../../../src/core/recordState';
import type { RecordEvent } from '../../../src/core/recordEvents';
import type { ResourceRecord, TokenRecord } from '../../../src/core/records';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const minutes = (n: number): string => new Date(NOW.getTime() + n * 60_000).toISOString();
const resource = (id: string, name: string): ResourceRecord => ({ id, name, endpoint: `https://${name}/`, host: name, addedAt: NOW.toISOString(), isLocalEmulator: false });
const userId = (n: number): string => `8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_0000000${n}`;

function state(events: RecordEvent[]): RecordState {
  const records = new RecordState();
  events.forEach((event, index) => records.apply({ ...event, stamp: [index + 1, 'w'] }));
  return records;
}

const stamp = [0, 'w'] as const;
const addResource = (id: string, name: string): RecordEvent => ({ kind: 'resourceSet', stamp, resource: resource(id, name) });
const addUser = (n: number, resourceId = 'r1'): RecordEvent => ({ kind: 'userAdded', stamp, user: { resourceId, userId: userId(n), createdAt: minutes(-100), origin: 'created' } });
const addToken = (n: number, tokenId: string, issued: number, expires: number): RecordEvent => {
  const token: TokenRecord = { resourceId: 'r1', userId: userId(n), tokenId, scopes: ['chat'], issuedAt: minutes(issued), expiresOn: minutes(expires) };
  return { kind: 'tokenAdded', stamp, token };
};

suite('the resource in use', () => {
  test('the last one used while listed, else the first listed, else none', () => {
    const inUse = new ResourceInUse();
    let changes = 0;
    inUse.onDidChange(() => changes++);
    assert.equal(inUse.resolve(state([])), undefined);
    const records = state([addResource('r1', 'b-dev'), addResource('r2', 'a-prod')]);
    assert.equal(inUse.resolve(records)?.id, 'r2', 'first by name');
    inUse.note('r1');
    inUse.note('r1');
    assert.equal(changes, 1);
    assert.equal(inUse.resolve(records)?.id, 'r1');
    inUse.note('gone');
    assert.equal(inUse.resolve(records)?.id, 'r2');
  });

  test('its soonest and newest valid tokens, across its users; expired ones are not valid', () => {
    const records = state([
      addResource('r1', 'dev'),
      addUser(1),
      addUser(2),
      addToken(1, 'old-long', -60, 600),
      addToken(1, 'expired', -30, -1),
      addToken(2, 'new-short', -5, 20),
      addToken(2, 'older-shortest', -50, 9),
    ]);
    const { soonest, newest, all } = resourceTokens(records, 'r1', NOW);
    assert.equal(soonest?.token.tokenId, 'older-shortest');
    assert.equal(newest?.token.tokenId, 'new-short');
    assert.equal(newest?.user.userId, userId(2));
    assert.equal(all.length, 4);
    assert.deepEqual(resourceTokens(records, 'r1', new Date(NOW.getTime() + 601 * 60_000)), { soonest: undefined, newest: undefined, all });
  });
});
