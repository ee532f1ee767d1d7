import * as assert from 'node:assert/strict';
import { MIN_ACCESS_KEY_BYTES, parseConnectionString } from '../../../src/core/connectionString';
import { DEVELOPMENT_ACCESS_KEY } from '../../../src/emulator';
import { connectionStringCases, MATRIX_KEY } from '../../support/connectionStringCases';

const EMULATOR = { endpoint: 'http://127.0.0.1:10300/', accessKey: DEVELOPMENT_ACCESS_KEY };

suite('parseConnectionString', () => {
  const cases = connectionStringCases(EMULATOR);

  test('the matrix has at least 50 connection strings as people paste them', () => {
    assert.ok(cases.length >= 50, `${cases.length} cases`);
    assert.equal(new Set(cases.map((item) => item.title)).size, cases.length, 'titles are unique');
  });

  for (const { title, text, outcome } of cases) {
    if ('accepted' in outcome) {
      test(`accepts ${title}`, () => {
        const parsed = parseConnectionString(text);
        assert.ok(parsed.ok, `refused: ${JSON.stringify(parsed)}`);
        assert.equal(parsed.value.endpoint, outcome.accepted.endpoint);
        assert.equal(parsed.value.host, outcome.accepted.host);
        assert.equal(parsed.value.canonical, `endpoint=${outcome.accepted.endpoint};accesskey=${parsed.value.accessKey}`);
        assert.ok([MATRIX_KEY, DEVELOPMENT_ACCESS_KEY].includes(parsed.value.accessKey), 'the key comes out whole');
      });
    } else {
      test(`refuses ${title} (${outcome.problem})`, () => {
        const parsed = parseConnectionString(text);
        assert.deepEqual(parsed, { ok: false, ...outcome });
      });
    }
  }

  test('loopback hosts may use plain http; the others may not', () => {
    for (const host of ['127.0.0.1:10300', 'localhost:8080', '127.1.2.3']) {
      const parsed = parseConnectionString(`endpoint=http://${host}/;accesskey=${MATRIX_KEY}`);
      assert.ok(parsed.ok && parsed.value.isLoopback, host);
    }
    const remote = parseConnectionString(`endpoint=https://contoso.communication.azure.com/;accesskey=${MATRIX_KEY}`);
    assert.ok(remote.ok && !remote.value.isLoopback);
  });

  test(`an access key of ${MIN_ACCESS_KEY_BYTES} bytes is the shortest accepted`, () => {
    const withKey = (bytes: number): boolean =>
      parseConnectionString(`endpoint=https://contoso.communication.azure.com/;accesskey=${Buffer.alloc(bytes, 7).toString('base64')}`).ok;
    assert.equal(withKey(MIN_ACCESS_KEY_BYTES), true);
    assert.equal(withKey(MIN_ACCESS_KEY_BYTES - 1), false);
    assert.equal(withKey(64), true);
    assert.equal(Buffer.from(DEVELOPMENT_ACCESS_KEY, 'base64').length, 64, 'the emulator key is as long as a real one');
  });

  test('a rejection carries nothing of the input', () => {
    for (const { text, outcome } of cases) {
      if (!('accepted' in outcome)) {
        const shown = JSON.stringify(parseConnectionString(text));
        assert.ok(!shown.includes(MATRIX_KEY.slice(0, 20)), shown);
        assert.ok(!shown.includes('contoso'), shown);
      }
    }
  });
});
