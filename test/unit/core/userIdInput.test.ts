import * as assert from 'node:assert/strict';
import { MAX_USER_ID_LENGTH, parseUserIdInput, type UserIdProblem } from '../../../src/core/userIdInput';

const RESOURCE = 'ac5e0000-0000-4000-8000-000000000001';
const USER = `8:acs:${RESOURCE}_00000005-14a2-493b-8a72-5a3a0d000081`;

suite('user IDs as people type them', () => {
  const accepted: [string, string][] = [
    ['an ACS user ID', USER],
    ['with blanks and a line break around', `  ${USER}\n`],
    ['a US Government cloud ID', `8:gcch-acs:${RESOURCE}_abc`],
    ['another resource (the service decides)', '8:acs:00000000-0000-0000-0000-000000000000_00000005-14a2-493b-8a72-5a3a0d000081'],
  ];
  for (const [name, text] of accepted) {
    test(`accepts ${name}`, () => {
      const parsed = parseUserIdInput(text);
      assert.ok(parsed.ok);
      assert.equal(parsed.id.raw, text.trim());
    });
  }

  const refused: [string, string, UserIdProblem][] = [
    ['empty', '', 'empty'],
    ['blanks', ' \t ', 'empty'],
    ['a Teams user', '8:orgid:2f8c5b5a-7a1e-4b3c-9d2e-1f0a9b8c7d6e', 'teamsUser'],
    ['a Teams guest', '8:teamsvisitor:2f8c5b5a7a1e4b3c9d2e1f0a9b8c7d6e', 'teamsUser'],
    ['a phone number', '4:+14255550123', 'phoneNumber'],
    ['a bot', '28:2f8c5b5a-7a1e-4b3c-9d2e-1f0a9b8c7d6e', 'notAcs'],
    ['the GUID alone', RESOURCE, 'notAcs'],
    ['2,000 characters', `8:acs:${RESOURCE}_${'a'.repeat(2000)}`, 'tooLong'],
    ['one character over the limit', `8:acs:${RESOURCE}_${'a'.repeat(MAX_USER_ID_LENGTH - 42)}`, 'tooLong'],
    ['a NUL inside', `8:acs:${RESOURCE}_abc\u0000def`, 'controlCharacters'],
    ['a line break inside', `8:acs:${RESOURCE}_abc\ndef`, 'controlCharacters'],
    ['a zero-width space inside', `8:acs:${RESOURCE}_abc\u200bdef`, 'controlCharacters'],
    ['an access token pasted instead', 'eyJhbGciOiJIUzI1NiJ9.eyJza3lwZWlkIjoiYWNzOngifQ.c2lnbmF0dXJl', 'notAcs'],
  ];
  for (const [name, text, problem] of refused) {
    test(`refuses ${name} (${problem})`, () => {
      assert.deepEqual(parseUserIdInput(text), { ok: false, problem });
    });
  }

  test('the longest accepted ID is at the limit', () => {
    const id = `8:acs:${RESOURCE}_${'a'.repeat(MAX_USER_ID_LENGTH - 43)}`;
    assert.equal(id.length, MAX_USER_ID_LENGTH);
    assert.ok(parseUserIdInput(id).ok);
  });
});
