import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redact';

const KEY = Buffer.alloc(64, 9).toString('base64');
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJza3lwZWlkIjoiYWNzOngifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const segment = (text: string): string => Buffer.from(text).toString('base64url');
/** A JWT whose header and claims are written with a space after `{`, so it does not start with `eyJ`. */
const SPACED_JWT = `${segment('{ "alg": "RS256", "typ": "JWT" }')}.${segment('{ "oid": "66666666-7777-4888-9999-000000000000" }')}.c2ln`;
const USER_ID = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-5a3a0d000081';

/** [what, input, expected output] */
const MASKED: readonly (readonly [string, string, string])[] = [
  ['a connection string, any case', `endpoint=https://x.communication.azure.com/;AccessKey=${KEY}`, 'endpoint=https://x.communication.azure.com/;AccessKey=***'],
  ['a double-quoted accesskey', `accesskey="${KEY}"`, 'accesskey="***"'],
  ['a single-quoted accesskey', `accesskey='${KEY}' end`, "accesskey='***' end"],
  [
    'a URL-encoded connection string',
    `cs=${encodeURIComponent(`endpoint=https://x.communication.azure.com/;accesskey=${KEY}`)}&next=1`,
    'cs=endpoint%3Dhttps%3A%2F%2Fx.communication.azure.com%2F%3Baccesskey%3D***&next=1',
  ],
  ['a key wrapped onto a second line', `accesskey=${KEY.slice(0, 44)}\n    ${KEY.slice(44)}\nnext line`, 'accesskey=***\nnext line'],
  ['a bare 88-character key', `the key is ${KEY} here`, 'the key is *** here'],
  [
    'a Storage AccountKey',
    `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
    'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net',
  ],
  ['a JWT', `token: "${JWT}" issued`, 'token: "***" issued'],
  ['a JWT whose header has a space after {', `token ${SPACED_JWT} issued`, 'token *** issued'],
  ['a JWT wrapped over lines', `token:\n  ${JWT.slice(0, 30)}\n  ${JWT.slice(30, 60)}\n  ${JWT.slice(60)}\nDone.`, 'token:\n  ***\nDone.'],
  ['an HMAC Signature=', 'SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=abc+/def==', 'SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=***'],
  ['a lower-case signature=', 'signature=abc%2B%2Fdef%3D&x=1', 'signature=***&x=1'],
  ['a SAS sig=', 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=abc%2Bdef%3D&se=1', 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=***&se=1'],
  ['a JSON accessKey', `{"accessKey":"${KEY}"}`, '{"accessKey":"***"}'],
  ['JSON listKeys fields', '{ "primaryKey": "k1", "secondaryKey": "k2" }', '{ "primaryKey": "***", "secondaryKey": "***" }'],
  ['a bearer token', 'authorization: Bearer abc.def-ghi', 'authorization: Bearer ***'],
];

const LEFT_ALONE: readonly (readonly [string, string])[] = [
  ['ordinary words', 'A chat token was issued; check the access key and the signature settings.'],
  ['an ACS user id', `Created user ${USER_ID}`],
  ['a GUID', 'resource ac5e0000-0000-4000-8000-000000000001'],
  ['an endpoint and an api-version', 'POST https://x.communication.azure.com/identities?api-version=2023-10-01'],
  [
    'a Resource Manager path',
    'POST /subscriptions/11112222-3333-4444-5555-666677778888/resourceGroups/MyResourceGroup/providers/Microsoft.Communication/communicationServices/acs/listKeys',
  ],
  ['a long path without padding', '/resourceGroups/MyResourceGroup/providers/MicrosoftCommunication/communicationServices'],
  ['dotted names', 'Microsoft.Communication.Identity and a.b.c'],
  ['words that contain a secret name', 'design=new; signatures: none; accesskeys are rotated'],
  ['an emulator log line', `POST /identities/${encodeURIComponent(USER_ID)}/:issueAccessToken → 200`],
];

suite('redactSecrets', () => {
  for (const [what, input, expected] of MASKED) {
    test(`masks ${what}`, () => {
      assert.equal(redactSecrets(input), expected);
    });
  }

  for (const [what, input] of LEFT_ALONE) {
    test(`leaves ${what} alone`, () => {
      assert.equal(redactSecrets(input), input);
    });
  }

  test('masks secrets the caller names, wherever they appear', () => {
    assert.equal(redactSecrets('key s3cr3t-value again s3cr3t-value', ['s3cr3t-value']), 'key *** again ***');
  });

  test('ignores very short "secrets" that would mask ordinary words', () => {
    assert.equal(redactSecrets('a chat token', ['chat']), 'a chat token');
  });

  // A bounded-input sanity check, not a benchmark: each of these took seconds to minutes with the
  // old patterns, which retried an unbounded match at every position. No time is asserted.
  for (const [what, unit] of [
    ['eyJ', 'eyJ'],
    ['eyJ lines', 'eyJ\n'],
    ['half JWTs', 'eyJhbGciOiJIUzI1NiJ9.'],
    ['accesskey=', 'accesskey='],
    ['JSON key names', '"accessKey":"'],
    ['base64 without padding', 'A'],
    ['Bearer', 'Bearer '],
  ] as const) {
    test(`a 1 MB adversarial input (${what}) completes`, () => {
      const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
      assert.equal(typeof redactSecrets(`${input}${KEY}`), 'string');
    });
  }
});
