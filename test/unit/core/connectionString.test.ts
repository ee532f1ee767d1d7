import * as assert from 'node:assert/strict';
import { parseConnectionString, type ConnectionStringProblem } from '../../../src/core/connectionString';

// A syntactically valid key: 64 bytes, base64 (the shape of real ACS keys).
const KEY = Buffer.alloc(64, 7).toString('base64');

suite('parseConnectionString', () => {
  const good: ReadonlyArray<[string, string, { endpoint: string; host: string; isLoopback: boolean }]> = [
    ['portal form', `endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`, { endpoint: 'https://contoso.communication.azure.com/', host: 'contoso.communication.azure.com', isLoopback: false }],
    ['capitalised names', `Endpoint=https://contoso.communication.azure.com/;AccessKey=${KEY}`, { endpoint: 'https://contoso.communication.azure.com/', host: 'contoso.communication.azure.com', isLoopback: false }],
    ['no trailing slash', `endpoint=https://contoso.unitedstates.communication.azure.com;accesskey=${KEY}`, { endpoint: 'https://contoso.unitedstates.communication.azure.com/', host: 'contoso.unitedstates.communication.azure.com', isLoopback: false }],
    ['key first, trailing semicolon, spaces', `  accesskey=${KEY}; endpoint=https://contoso.communication.azure.com/ ;`, { endpoint: 'https://contoso.communication.azure.com/', host: 'contoso.communication.azure.com', isLoopback: false }],
    ['http on 127.0.0.1 with a port', `endpoint=http://127.0.0.1:10300/;accesskey=${KEY}`, { endpoint: 'http://127.0.0.1:10300/', host: '127.0.0.1:10300', isLoopback: true }],
    ['http on localhost', `endpoint=http://localhost:8080;accesskey=${KEY}`, { endpoint: 'http://localhost:8080/', host: 'localhost:8080', isLoopback: true }],
    ['http on [::1]', `endpoint=http://[::1]:9000/;accesskey=${KEY}`, { endpoint: 'http://[::1]:9000/', host: '[::1]:9000', isLoopback: true }],
  ];
  for (const [name, text, expected] of good) {
    test(`accepts: ${name}`, () => {
      const parsed = parseConnectionString(text);
      assert.ok(parsed.ok, `expected ${name} to parse`);
      assert.equal(parsed.value.endpoint, expected.endpoint);
      assert.equal(parsed.value.host, expected.host);
      assert.equal(parsed.value.isLoopback, expected.isLoopback);
      assert.equal(parsed.value.accessKey, KEY);
      assert.equal(parsed.value.canonical, `endpoint=${expected.endpoint};accesskey=${KEY}`);
    });
  }

  const bad: ReadonlyArray<[string, string, ConnectionStringProblem]> = [
    ['empty', '', 'empty'],
    ['only spaces and semicolons', ' ; ;', 'empty'],
    ['no endpoint', `accesskey=${KEY}`, 'missingEndpoint'],
    ['empty endpoint', `endpoint=;accesskey=${KEY}`, 'missingEndpoint'],
    ['no access key', 'endpoint=https://contoso.communication.azure.com/', 'missingAccessKey'],
    ['the key alone', KEY, 'unknownField'],
    ['a storage connection string', `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${KEY}`, 'unknownField'],
    ['two endpoints', `endpoint=https://a.communication.azure.com/;endpoint=https://b.communication.azure.com/;accesskey=${KEY}`, 'duplicateField'],
    ['endpoint not a URL', `endpoint=contoso.communication.azure.com;accesskey=${KEY}`, 'endpointNotUrl'],
    ['endpoint with another scheme', `endpoint=ftp://contoso.communication.azure.com/;accesskey=${KEY}`, 'endpointNotUrl'],
    ['plain http to a remote host', `endpoint=http://contoso.communication.azure.com/;accesskey=${KEY}`, 'endpointNotHttps'],
    ['endpoint with a path', `endpoint=https://contoso.communication.azure.com/acs;accesskey=${KEY}`, 'endpointHasPath'],
    ['endpoint with a query', `endpoint=https://contoso.communication.azure.com/?x=1;accesskey=${KEY}`, 'endpointHasQuery'],
    ['key with invalid characters', 'endpoint=https://contoso.communication.azure.com/;accesskey=not a key!', 'accessKeyNotBase64'],
    ['key of a wrong length', 'endpoint=https://contoso.communication.azure.com/;accesskey=abcde', 'accessKeyNotBase64'],
  ];
  for (const [name, text, problem] of bad) {
    test(`rejects: ${name} (${problem})`, () => {
      const parsed = parseConnectionString(text);
      assert.equal(parsed.ok, false);
      assert.deepEqual(parsed, { ok: false, problem });
    });
  }

  test('a rejection carries nothing of the input', () => {
    const parsed = parseConnectionString(`endpoint=https://contoso.communication.azure.com/acs;accesskey=${KEY}`);
    assert.ok(!JSON.stringify(parsed).includes(KEY));
  });
});
