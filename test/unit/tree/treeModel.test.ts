import * as assert from 'node:assert/strict';
import type { TokenRecord, UserRecord } from '../../../src/core/records';
import { nextRefreshTime } from '../../../src/core/tokenStatus';
import {
  resourceContextValue,
  tokenContextValue,
  userContextValue,
} from '../../../src/tree/treeModel';
import { scopesText, summarizeUser, timeLeft, userDisplayName } from '../../../src/core/userSummary';
import { RecordState } from '../../../src/core/recordState';
import { isIdentityNode, resourceNode, resourceNodeOf, teamsUsersNode, tokenNode, userNode } from '../../../src/tree/nodes';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const minutes = (n: number) => n * 60_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

const USER_ID = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-5a3a0d000081';
const user: UserRecord = { resourceId: 'r1', userId: USER_ID, createdAt: at(-minutes(120)), origin: 'created' };

function token(tokenId: string, issuedOffset: number, expiresOffset: number, scopes: TokenRecord['scopes'] = ['chat', 'voip']): TokenRecord {
  return { resourceId: 'r1', userId: USER_ID, tokenId, scopes, issuedAt: at(issuedOffset), expiresOn: at(expiresOffset) };
}

suite('tree model', () => {
  test('a user shows its label, else its shortened id', () => {
    assert.equal(userDisplayName({ ...user, label: 'alice' }), 'alice');
    assert.equal(userDisplayName(user), '…5a3a0d000081');
  });

  test('summary counts valid tokens only and describes the latest token, whatever its status', () => {
    const tokens = [token('new-expired', -minutes(5), -minutes(1)), token('old-valid', -minutes(60), minutes(30)), token('older-valid', -minutes(90), minutes(10))];
    const summary = summarizeUser(user, tokens, NOW);
    assert.equal(summary.validTokenCount, 2);
    assert.equal(summary.latestToken?.tokenId, 'new-expired');
    assert.equal(summary.latestTokenStatus, 'expired');
  });

  test('after a revocation, earlier tokens no longer count', () => {
    const revokedUser: UserRecord = { ...user, tokensRevokedAt: at(-minutes(30)) };
    const tokens = [token('before', -minutes(60), minutes(600)), token('after', -minutes(10), minutes(600))];
    const summary = summarizeUser(revokedUser, tokens, NOW);
    assert.equal(summary.validTokenCount, 1);
    assert.equal(userContextValue(revokedUser, [tokens[0]], NOW), 'acsUser;hasToken');
  });

  test('time left is floored to the minute and zero once expired', () => {
    assert.deepEqual(timeLeft(token('t', 0, minutes(23 * 60 + 12) + 59_000), NOW), { days: 0, hours: 23, minutes: 12 });
    assert.deepEqual(timeLeft(token('t', 0, minutes(1440)), NOW), { days: 1, hours: 0, minutes: 0 });
    assert.deepEqual(timeLeft(token('t', 0, -1000), NOW), { days: 0, hours: 0, minutes: 0 });
  });

  test('scopes read in the order they were asked for', () => {
    assert.equal(scopesText(token('t', 0, 1, ['voip', 'chat.join'])), 'voip, chat.join');
  });

  test('context values carry the flags the menus need', () => {
    assert.equal(resourceContextValue({ isLocalEmulator: true }), 'acsResource;localEmulator');
    assert.equal(resourceContextValue({ isLocalEmulator: false }), 'acsResource');
    const azure = { tenantId: 't', subscriptionId: 's', resourceGroup: 'rg', name: 'n' };
    assert.equal(resourceContextValue({ isLocalEmulator: false, authentication: 'key', azure }), 'acsResource;fromAzure');
    assert.equal(resourceContextValue({ isLocalEmulator: false, authentication: 'entraId', azure }), 'acsResource;entraId;fromAzure');
    assert.equal(userContextValue(user, [], NOW), 'acsUser');
    assert.equal(userContextValue({ ...user, damaged: true }, [], NOW), 'acsUser;damaged');
    assert.equal(userContextValue(user, [token('v', 0, minutes(60))], NOW), 'acsUser;hasToken;hasValidToken');
    assert.equal(userContextValue(user, [token('e', -minutes(90), -minutes(30))], NOW), 'acsUser;hasToken');
    assert.equal(tokenContextValue('valid'), 'acsToken;valid');
    assert.equal(tokenContextValue('expired'), 'acsToken;expired');
    assert.equal(tokenContextValue('revoked'), 'acsToken;revoked');
    const teamsUser: UserRecord = { ...user, userId: '8:orgid:0b1c0000-0000-4000-8000-0000000000c1', origin: 'added', kind: 'teamsUser' };
    assert.equal(userContextValue(teamsUser, [], NOW), 'acsTeamsUser');
    assert.equal(userContextValue(teamsUser, [token('v', 0, minutes(60))], NOW), 'acsTeamsUser;hasToken;hasValidToken');
  });

  test('a Teams user sits under the "Teams users" row of its resource', () => {
    const records = new RecordState();
    const resourceRecord = { id: 'r1', name: 'dev', endpoint: 'https://dev.communication.azure.com/', host: 'dev.communication.azure.com', addedAt: at(0), isLocalEmulator: false };
    const resource = resourceNode(records, resourceRecord);
    const group = teamsUsersNode(resource);
    const teamsUser = userNode(records, group, { ...user, userId: '8:orgid:0b1c0000-0000-4000-8000-0000000000c1', kind: 'teamsUser' });
    const acsUser = userNode(records, resource, user);
    assert.equal(group.id, 'teamsUsers/r1');
    assert.equal(group.resource, resourceRecord);
    assert.equal(teamsUser.parent, group);
    assert.equal(resourceNodeOf(teamsUser), resource);
    assert.equal(resourceNodeOf(acsUser), resource);
    assert.equal(teamsUser.resource, resourceRecord);
  });

  test('the tree refreshes itself at the next expiry when hidden', () => {
    const tokens = [token('a', 0, minutes(60) + 30_000), token('b', 0, minutes(5)), token('gone', -minutes(90), -minutes(1))];
    assert.equal(nextRefreshTime(tokens, NOW, [])?.toISOString(), at(minutes(5)));
    assert.equal(nextRefreshTime([token('gone', -minutes(90), -minutes(1))], NOW, []), undefined);
    assert.equal(nextRefreshTime([], NOW, []), undefined);
  });

  test('when visible, it also refreshes right after an "expires in" minute changes', () => {
    // 60 min 30 s left: "60 min" becomes "59 min" when less than 60 min are left, i.e. 30 s + 1 ms from now.
    const shown = [token('a', 0, minutes(60) + 30_000)];
    const refresh = nextRefreshTime(shown, NOW, shown);
    assert.equal(refresh?.toISOString(), at(30_001));
    // Exactly 2 min left: it reads "2 min" now and "1 min" a millisecond later.
    const twoMinutes = [token('a', 0, minutes(2))];
    assert.equal(nextRefreshTime(twoMinutes, NOW, twoMinutes)?.toISOString(), at(1));
  });

  test('the next refresh is found among 150,000 tokens (a spread over that many arguments throws)', () => {
    const many = Array.from({ length: 150_000 }, (_, n) => token(`t${n}`, 0, minutes(60) + n));
    assert.equal(nextRefreshTime(many, NOW, [])?.toISOString(), at(minutes(60)));
    assert.ok(nextRefreshTime(many, NOW, many));
  });

  test('nodes have stable ids, know their parent and are told apart from options objects', () => {
    const records = new RecordState();
    const resourceRecord = { id: 'r1', name: 'dev', endpoint: 'https://dev.communication.azure.com/', host: 'dev.communication.azure.com', addedAt: at(0), isLocalEmulator: false };
    records.apply({ kind: 'resourceSet', stamp: [1, 'w'], resource: resourceRecord });
    records.apply({ kind: 'userAdded', stamp: [2, 'w'], user: { ...user, resourceId: 'r1' } });
    records.apply({ kind: 'tokenAdded', stamp: [3, 'w'], token: token('t1', 0, minutes(60)) });
    const resource = resourceNode(records, resourceRecord);
    const child = userNode(records, resource, records.user('r1', USER_ID)!);
    const grandChild = tokenNode(child, child.tokens[0]);
    assert.equal(resource.id, 'resource/r1');
    assert.equal(child.id, `user/r1/${USER_ID}`);
    assert.equal(grandChild.id, 'token/r1/t1');
    assert.equal(grandChild.parent, child);
    assert.equal(child.parent, resource);
    assert.ok(isIdentityNode(grandChild));
    assert.ok(!isIdentityNode({ kind: 'user', id: child.id, user }));
    assert.ok(!isIdentityNode(undefined));
  });

  test('a node reads its record as it is now, and as it was last seen once it is gone', () => {
    const records = new RecordState();
    const resourceRecord = { id: 'r1', name: 'dev', endpoint: 'https://dev.communication.azure.com/', host: 'dev.communication.azure.com', addedAt: at(0), isLocalEmulator: false };
    records.apply({ kind: 'resourceSet', stamp: [1, 'w'], resource: resourceRecord });
    records.apply({ kind: 'userAdded', stamp: [2, 'w'], user: { ...user, resourceId: 'r1' } });
    const node = userNode(records, resourceNode(records, resourceRecord), records.user('r1', USER_ID)!);
    records.apply({ kind: 'userLabelSet', stamp: [3, 'w'], resourceId: 'r1', userId: USER_ID, label: 'alice' });
    assert.equal(node.user.label, 'alice');
    records.apply({ kind: 'userRemoved', stamp: [4, 'w'], resourceId: 'r1', userId: USER_ID });
    assert.equal(node.user.label, 'alice');
    assert.deepEqual(node.tokens, []);
  });
});
