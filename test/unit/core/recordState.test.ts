// The records as the sum of events: whatever order two windows' events are read in, the outcome
// is the same, and each kind of concurrent change keeps what it should.
import * as assert from 'node:assert/strict';
import type { RecordEvent, Stamp } from '../../../src/core/recordEvents';
import { parseRecordEvent } from '../../../src/core/recordEvents';
import { RecordState, userKey } from '../../../src/core/recordState';
import type { ResourceRecord, TokenRecord } from '../../../src/core/records';

const RESOURCE: ResourceRecord = { id: 'r1', name: 'dev', endpoint: 'https://dev.communication.azure.com/', host: 'dev.communication.azure.com', addedAt: '2026-11-01T00:00:00.000Z', isLocalEmulator: false };
const USER = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-5a3a0d000081';

const at = (ms: number, writer = 'a'): Stamp => [ms, writer];
const resourceSet = (ms: number, resource = RESOURCE): RecordEvent => ({ kind: 'resourceSet', stamp: at(ms), resource });
const userAdded = (ms: number, writer = 'a', label?: string): RecordEvent => ({
  kind: 'userAdded',
  stamp: at(ms, writer),
  user: { resourceId: 'r1', userId: USER, createdAt: new Date(ms).toISOString(), origin: 'created', ...(label === undefined ? {} : { label }) },
});
const token = (tokenId: string): TokenRecord => ({ resourceId: 'r1', userId: USER, tokenId, scopes: ['chat'], issuedAt: '2026-11-01T00:00:00.000Z', expiresOn: '2026-11-02T00:00:00.000Z' });
const tokenAdded = (ms: number, tokenId: string, writer = 'a'): RecordEvent => ({ kind: 'tokenAdded', stamp: at(ms, writer), token: token(tokenId) });

/** Every order of the events gives the same users and tokens. */
function assertOrderIndependent(events: RecordEvent[]): RecordState {
  const states = [events, [...events].reverse(), [...events.slice(1), events[0]]].map((order) => {
    const state = new RecordState();
    order.forEach((event) => state.apply(event));
    return state;
  });
  const describe = (state: RecordState): unknown => ({ users: state.users('r1'), tokens: state.tokens('r1', USER), resources: state.resources() });
  for (const state of states.slice(1)) {
    assert.deepEqual(describe(state), describe(states[0]));
  }
  return states[0];
}

suite('record state', () => {
  test('a rename in one window and a revocation in another both survive', () => {
    const state = assertOrderIndependent([
      resourceSet(1),
      userAdded(2),
      { kind: 'userLabelSet', stamp: at(10, 'a'), resourceId: 'r1', userId: USER, label: 'alice' },
      { kind: 'tokensRevoked', stamp: at(10, 'b'), resourceId: 'r1', userId: USER, at: '2026-11-01T10:00:00.000Z' },
    ]);
    assert.deepEqual(state.user('r1', USER), { resourceId: 'r1', userId: USER, createdAt: new Date(2).toISOString(), origin: 'created', label: 'alice', tokensRevokedAt: '2026-11-01T10:00:00.000Z' });
  });

  test('two renames at once: the later stamp wins, and the writer breaks a tie', () => {
    const state = assertOrderIndependent([
      resourceSet(1),
      userAdded(2),
      { kind: 'userLabelSet', stamp: at(10, 'a'), resourceId: 'r1', userId: USER, label: 'from a' },
      { kind: 'userLabelSet', stamp: at(10, 'b'), resourceId: 'r1', userId: USER, label: 'from b' },
    ]);
    assert.equal(state.user('r1', USER)?.label, 'from b');
  });

  test('a token issued for a user another window removed without knowing of it is orphaned; the tokens it knew are not', () => {
    const state = assertOrderIndependent([
      resourceSet(1),
      userAdded(2),
      tokenAdded(3, 'known'),
      { kind: 'tokenRemoved', stamp: at(9, 'a'), resourceId: 'r1', userId: USER, tokenId: 'known' },
      { kind: 'userRemoved', stamp: at(10, 'a'), resourceId: 'r1', userId: USER },
      tokenAdded(10, 'racing', 'b'),
    ]);
    assert.equal(state.user('r1', USER), undefined);
    assert.deepEqual(state.tokens('r1', USER), []);
    assert.deepEqual(state.orphanedTokens().map((orphan) => orphan.tokenId), ['racing']);
  });

  test('a token whose user was not read yet is not an orphan', () => {
    const state = new RecordState();
    state.apply(resourceSet(1));
    state.apply(tokenAdded(5, 't', 'b'));
    assert.deepEqual(state.orphanedTokens(), []);
    state.apply(userAdded(2));
    assert.deepEqual(state.tokens('r1', USER).map((t) => t.tokenId), ['t']);
  });

  test('a user created while another window removed the resource stays gone, even when the resource is added again', () => {
    const state = assertOrderIndependent([resourceSet(1), { kind: 'resourceRemoved', stamp: at(10, 'a'), resourceId: 'r1' }, userAdded(9, 'b'), tokenAdded(9, 't', 'b'), resourceSet(20)]);
    assert.ok(state.resource('r1'));
    assert.deepEqual(state.users('r1'), []);
    assert.deepEqual(state.orphanedTokens().map((orphan) => orphan.tokenId), ['t']);
  });

  test('a user removed and added again is the new addition, without the old label or tokens', () => {
    const state = assertOrderIndependent([
      resourceSet(1),
      userAdded(2, 'a', 'old'),
      tokenAdded(3, 'old-token'),
      { kind: 'tokenRemoved', stamp: at(4), resourceId: 'r1', userId: USER, tokenId: 'old-token' },
      { kind: 'userRemoved', stamp: at(5), resourceId: 'r1', userId: USER },
      userAdded(6),
    ]);
    assert.equal(state.user('r1', USER)?.createdAt, new Date(6).toISOString());
    assert.equal(state.user('r1', USER)?.label, undefined);
    assert.deepEqual(state.tokens('r1', USER), []);
  });

  test('applying an event twice changes nothing; a change names what it touched', () => {
    const state = new RecordState();
    state.apply(resourceSet(1));
    const added = state.apply(userAdded(2));
    assert.deepEqual([added.resources, [...added.usersOf], [...added.users]], [false, ['r1'], [userKey('r1', USER)]]);
    const again = state.apply(userAdded(2));
    assert.deepEqual([again.resources, [...again.usersOf], [...again.users]], [false, [], []]);
    const renamed = state.apply({ kind: 'userLabelSet', stamp: at(3), resourceId: 'r1', userId: USER, label: 'x' });
    assert.deepEqual([[...renamed.usersOf], [...renamed.users]], [[], [userKey('r1', USER)]]);
  });

  test('the compacted events rebuild the same records; removals long past are forgotten with what they hid', () => {
    const state = new RecordState();
    for (const event of [resourceSet(1), userAdded(2), tokenAdded(3, 'kept'), { kind: 'userRemoved', stamp: at(5), resourceId: 'r1', userId: USER } as RecordEvent, userAdded(8, 'a', 'back'), tokenAdded(9, 'new')]) {
      state.apply(event);
    }
    const rebuilt = new RecordState();
    for (const event of state.events(7)) {
      rebuilt.apply(event);
    }
    assert.deepEqual(rebuilt.users('r1'), state.users('r1'));
    assert.deepEqual(rebuilt.tokens('r1', USER), state.tokens('r1', USER));
    assert.ok(![...state.events(7)].some((event) => event.kind === 'userRemoved' || (event.kind === 'tokenAdded' && event.token.tokenId === 'kept')));
  });

  test('the users stay sorted by creation as they come, go and change, without sorting again', () => {
    const state = new RecordState();
    state.apply(resourceSet(1));
    const id = (n: number): string => `8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_user-${n}`;
    const add = (n: number, createdMs: number): RecordEvent => ({ kind: 'userAdded', stamp: at(1000 + n), user: { resourceId: 'r1', userId: id(n), createdAt: new Date(createdMs).toISOString(), origin: 'created' } });
    state.apply(add(0, 5000));
    assert.equal(state.users('r1').length, 1, 'the sorted list exists from here on');
    for (const [n, created] of [[1, 3000], [2, 9000], [3, 5000], [4, 1000], [5, 7000]]) {
      state.apply(add(n, created));
    }
    state.apply({ kind: 'userRemoved', stamp: at(2000), resourceId: 'r1', userId: id(2) });
    state.apply({ kind: 'userLabelSet', stamp: at(2001), resourceId: 'r1', userId: id(3), label: 'renamed' });
    const expected = [id(4), id(1), id(0), id(3), id(5)];
    assert.deepEqual(state.users('r1').map((user) => user.userId), expected);
    assert.equal(state.users('r1')[3].label, 'renamed');
  });

  test('a journal line is an event only when every field has its type', () => {
    assert.ok(parseRecordEvent(JSON.parse(JSON.stringify(userAdded(1)))));
    assert.equal(parseRecordEvent(null), undefined);
    assert.equal(parseRecordEvent({ kind: 'userAdded', stamp: at(1), user: { resourceId: 'r1', userId: USER, createdAt: 'yesterday', origin: 'created' } }), undefined);
    assert.equal(parseRecordEvent({ kind: 'userRemoved', stamp: at(1), resourceId: 'r1', userId: '' }), undefined);
    assert.equal(parseRecordEvent({ kind: 'tokenAdded', stamp: at(1), token: { ...token('t'), scopes: ['pstn'] } }), undefined);
    assert.equal(parseRecordEvent({ kind: 'somethingElse', stamp: at(1) }), undefined);
  });

  test('a resource line may say how it authenticates and where it is in Azure; Entra ID needs the Azure coordinates', () => {
    const azure = { tenantId: 't', subscriptionId: 's', resourceGroup: 'rg', name: 'acs' };
    const resourceLine = (fields: object): unknown => JSON.parse(JSON.stringify(resourceSet(1, { ...RESOURCE, ...fields })));
    assert.ok(parseRecordEvent(resourceLine({})), 'a record written before sign-in existed (a key)');
    assert.ok(parseRecordEvent(resourceLine({ authentication: 'key', azure })));
    assert.ok(parseRecordEvent(resourceLine({ authentication: 'entraId', azure })));
    assert.equal(parseRecordEvent(resourceLine({ authentication: 'entraId' })), undefined);
    assert.equal(parseRecordEvent(resourceLine({ authentication: 'password', azure })), undefined);
    assert.equal(parseRecordEvent(resourceLine({ azure: { ...azure, tenantId: '' } })), undefined);
    assert.equal(parseRecordEvent(resourceLine({ azure: 'somewhere' })), undefined);
  });
});

suite('Teams users in the records', () => {
  const TEAMS_USER = '8:orgid:0b1c0000-0000-4000-8000-0000000000c1';
  const teamsUserAdded = (kind: unknown): unknown => ({
    kind: 'userAdded',
    stamp: at(1),
    user: { resourceId: 'r1', userId: TEAMS_USER, createdAt: new Date(1).toISOString(), origin: 'added', kind },
  });

  test('a user recorded as a Teams user reads back as one; any other kind is not a record', () => {
    const event = parseRecordEvent(JSON.parse(JSON.stringify(teamsUserAdded('teamsUser'))));
    assert.ok(event);
    const state = new RecordState();
    state.apply(resourceSet(0));
    state.apply(event);
    assert.deepEqual(state.user('r1', TEAMS_USER), { resourceId: 'r1', userId: TEAMS_USER, createdAt: new Date(1).toISOString(), origin: 'added', kind: 'teamsUser' });
    assert.equal(parseRecordEvent(teamsUserAdded('robot')), undefined);
    assert.equal(parseRecordEvent(teamsUserAdded(1)), undefined);
  });

  test('an ACS user has no kind at all', () => {
    const state = new RecordState();
    state.apply(resourceSet(0));
    state.apply(userAdded(1));
    assert.ok(!('kind' in (state.user('r1', USER) ?? {})));
  });
});
