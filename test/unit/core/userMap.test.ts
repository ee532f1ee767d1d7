import * as assert from 'node:assert/strict';
import type { UserRecord } from '../../../src/core/records';
import { parseUserMap, serializeUserMap, userMapEntries, userMapFormatOf, type UserMapFormat } from '../../../src/core/userMap';

const RESOURCE_GUID = '2dee53b4-368b-45b4-ab52-8493fb117652';
const id = (n: number): string => `8:acs:${RESOURCE_GUID}_00000005-14a2-493b-8a72-5a3a0d0000${String(n).padStart(2, '0')}`;

const LABELS = ['He said "hi", then left', 'Smith, John', 'two\nlines', 'שלום, עולם — مرحبا', 'crlf\r\ninside', "it's 'quoted'", '=1+1'];

function user(n: number, label?: string): UserRecord {
  return { resourceId: 'r1', userId: id(n), createdAt: new Date(Date.UTC(2026, 0, n)).toISOString(), origin: 'created', ...(label === undefined ? {} : { label }) };
}

suite('user map files', () => {
  for (const format of ['json', 'csv'] as UserMapFormat[]) {
    test(`${format}: labels with quotes, commas, line breaks and right-to-left text come back as they were`, () => {
      const users = [...LABELS.map((label, index) => user(index + 1, label)), user(20)];
      const read = parseUserMap(serializeUserMap(userMapEntries(users), format), format);
      assert.ok(read.ok);
      assert.deepEqual(read.skipped, []);
      assert.deepEqual(
        read.users.map(({ userId, label, createdAt }) => ({ userId, label, createdAt: createdAt?.toISOString() })),
        users.map(({ userId, label, createdAt }) => ({ userId, label, createdAt })),
      );
    });
  }

  test('an export holds ids, labels and creation times, nothing else', () => {
    const entries = userMapEntries([{ ...user(1, 'alice'), tokensRevokedAt: '2026-01-02T00:00:00.000Z' }]);
    assert.deepEqual(entries, [{ id: id(1), label: 'alice', created: '2026-01-01T00:00:00.000Z' }]);
    assert.equal(serializeUserMap(entries, 'csv'), `id,label,created\r\n${id(1)},alice,2026-01-01T00:00:00.000Z\r\n`);
    assert.deepEqual(JSON.parse(serializeUserMap(entries, 'json')), entries);
  });

  test('every entry is checked; those left out are numbered with their reason', () => {
    const json = JSON.stringify([
      { id: id(1), label: 'ok', created: '2026-01-01T00:00:00Z' },
      { id: 'not-an-id', label: 'x' },
      { id: id(2), label: 42 },
      { id: id(3), created: 'yesterday' },
      { id: id(1), label: 'again' },
      'a string',
      { id: ` ${id(4)} `, label: null, created: null },
      { id: '8:orgid:0b1c0000-0000-4000-8000-0000000000c1' },
    ]);
    const read = parseUserMap(json, 'json');
    assert.ok(read.ok);
    assert.deepEqual(read.users.map(({ entry, userId, label }) => [entry, userId, label]), [
      [1, id(1), 'ok'],
      [7, id(4), undefined],
    ]);
    assert.equal(read.users[0].createdAt?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(read.users[1].createdAt, undefined);
    assert.deepEqual(read.skipped, [
      { entry: 2, reason: 'invalidId' },
      { entry: 3, reason: 'labelNotText', userId: id(2) },
      { entry: 4, reason: 'invalidCreated', userId: id(3) },
      { entry: 5, reason: 'repeated', userId: id(1) },
      { entry: 6, reason: 'unreadable' },
      { entry: 8, reason: 'invalidId' },
    ]);
  });

  test('CSV: columns found by name in any order and case, optional label and created, a byte order mark and blank lines ignored', () => {
    const csv = `\uFEFFCreated, ID ,Label\n2026-01-05,${id(5)},eve\n\n,${id(6)},\nnot a date,${id(7)},x\n`;
    const read = parseUserMap(csv, 'csv');
    assert.ok(read.ok);
    assert.deepEqual(read.users.map(({ userId, label, createdAt }) => [userId, label, createdAt?.toISOString()]), [
      [id(5), 'eve', '2026-01-05T00:00:00.000Z'],
      [id(6), undefined, undefined],
    ]);
    assert.deepEqual(read.skipped, [{ entry: 3, reason: 'invalidCreated', userId: id(7) }]);
    const onlyIds = parseUserMap(`id\n${id(8)}\n`, 'csv');
    assert.ok(onlyIds.ok);
    assert.deepEqual(onlyIds.users.map((entry) => entry.userId), [id(8)]);
  });

  test('CSV: a row with an unclosed quote is not read as a user', () => {
    const read = parseUserMap(`id,label\n${id(1)},fine\n${id(2)},"unclosed\n${id(3)},lost\n`, 'csv');
    assert.ok(read.ok);
    assert.deepEqual(read.users.map((entry) => entry.userId), [id(1)]);
    assert.deepEqual(read.skipped, [{ entry: 2, reason: 'unreadable' }]);
  });

  test('a file that is not a user map is refused as a whole', () => {
    assert.deepEqual(parseUserMap('{ not json', 'json'), { ok: false, problem: 'notJson' });
    assert.deepEqual(parseUserMap('{"id": "x"}', 'json'), { ok: false, problem: 'notAList' });
    assert.deepEqual(parseUserMap('label,created\nx,2026-01-01\n', 'csv'), { ok: false, problem: 'noIdColumn' });
    const wrapped = parseUserMap(JSON.stringify({ users: [{ id: id(1) }] }), 'json');
    assert.ok(wrapped.ok && wrapped.users.length === 1);
  });

  test('the format follows the file name', () => {
    assert.equal(userMapFormatOf('users.CSV'), 'csv');
    assert.equal(userMapFormatOf('/a.b/users.json'), 'json');
    assert.equal(userMapFormatOf('users'), undefined);
    assert.equal(userMapFormatOf('users.txt'), undefined);
  });
});
