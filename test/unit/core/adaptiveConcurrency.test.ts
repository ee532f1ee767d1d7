import * as assert from 'node:assert/strict';
import { AdaptiveConcurrency, parseRetryAfter } from '../../../src/core/adaptiveConcurrency';

suite('adaptive concurrency', () => {
  test('more in flight as requests go through, up to the maximum', () => {
    const concurrency = new AdaptiveConcurrency({ initial: 2, max: 3 }, () => 0);
    concurrency.succeeded();
    concurrency.succeeded();
    assert.equal(concurrency.limit, 3);
    for (let n = 0; n < 10; n++) {
      concurrency.succeeded();
    }
    assert.equal(concurrency.limit, 3);
  });

  test('a throttling episode halves once and pauses until Retry-After, however many 429s it brings', () => {
    let now = 1000;
    const concurrency = new AdaptiveConcurrency({ initial: 16, max: 32 }, () => now);
    for (let n = 0; n < 12; n++) {
      concurrency.throttled(2000);
    }
    assert.equal(concurrency.limit, 8);
    assert.equal(concurrency.waitMs(), 2000);
    now += 2000;
    assert.equal(concurrency.waitMs(), 0);
    concurrency.throttled(undefined);
    assert.equal(concurrency.limit, 4, 'a new episode after the pause halves again');
    assert.equal(concurrency.waitMs(), 1000, 'one second when the service does not say');
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3', 0), 3000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000), 4000);
    assert.equal(parseRetryAfter(undefined, 0), undefined);
    assert.equal(parseRetryAfter('soon', 0), undefined);
  });
});
