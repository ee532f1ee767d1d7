import * as assert from 'node:assert/strict';
import { splitDuration } from '../../../src/core/durations';

suite('splitDuration', () => {
  const minute = 60_000;
  for (const [milliseconds, expected] of [
    [0, { days: 0, hours: 0, minutes: 0 }],
    [-5 * minute, { days: 0, hours: 0, minutes: 0 }],
    [59_999, { days: 0, hours: 0, minutes: 0 }],
    [(23 * 60 + 12) * minute + 30_000, { days: 0, hours: 23, minutes: 12 }],
    [1440 * minute, { days: 1, hours: 0, minutes: 0 }],
    [(1440 + 61) * minute, { days: 1, hours: 1, minutes: 1 }],
  ] as const) {
    test(`${milliseconds} ms`, () => assert.deepEqual(splitDuration(milliseconds), expected));
  }
});
