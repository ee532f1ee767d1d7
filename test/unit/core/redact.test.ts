import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redact';

const KEY = Buffer.alloc(64, 9).toString('base64');
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJza3lwZWlkIjoiYWNzOngifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

suite('redactSecrets', () => {
  test('masks the access key of a connection string, any case, keeping the endpoint', () => {
    assert.equal(
      redactSecrets(`Invalid connection string endpoint=https://x.communication.azure.com/;AccessKey=${KEY}`),
      'Invalid connection string endpoint=https://x.communication.azure.com/;AccessKey=***',
    );
  });

  test('masks access tokens anywhere in the text', () => {
    assert.equal(redactSecrets(`token: "${JWT}" issued`), 'token: "***" issued');
  });

  test('masks HMAC signatures and bearer tokens in headers', () => {
    assert.equal(
      redactSecrets('Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=abc+/def=='),
      'Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=***',
    );
    assert.equal(redactSecrets('authorization: Bearer abc.def-ghi'), 'authorization: Bearer ***');
  });

  test('masks secrets the caller names, wherever they appear', () => {
    assert.equal(redactSecrets(`key ${KEY} again ${KEY}`, [KEY]), 'key *** again ***');
  });

  test('ignores very short "secrets" that would mask ordinary words', () => {
    assert.equal(redactSecrets('a chat token', ['chat']), 'a chat token');
  });

  test('leaves text without secrets unchanged', () => {
    const text = 'Created user 8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005 on https://x.communication.azure.com/';
    assert.equal(redactSecrets(text), text);
  });
});
