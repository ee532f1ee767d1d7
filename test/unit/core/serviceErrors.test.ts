import * as assert from 'node:assert/strict';
import { classifyServiceError, ConnectionLostError, RequestTimeoutError } from '../../../src/core/serviceErrors';

suite('classifyServiceError', () => {
  const cases: [string, unknown, string][] = [
    ['401', { statusCode: 401, code: 'Denied' }, 'keyRejected'],
    ['403', { statusCode: 403 }, 'keyRejected'],
    ['404', { statusCode: 404, code: 'IdentityNotFound' }, 'userNotFound'],
    ['IdentityNotOwned', { statusCode: 400, code: 'IdentityNotOwned' }, 'notOwned'],
    ['400', { statusCode: 400, code: 'ValidationError' }, 'validation'],
    ['429', { statusCode: 429 }, 'throttled'],
    ['500', { statusCode: 500 }, 'unknown'],
    ['502', { statusCode: 502 }, 'unavailable'],
    ['503', { statusCode: 503 }, 'unavailable'],
    ['504', { statusCode: 504 }, 'unavailable'],
    ['refused', { code: 'ECONNREFUSED' }, 'unreachable'],
    ['no such host', { code: 'ENOTFOUND' }, 'unreachable'],
    ['reset (socket hang up)', { code: 'ECONNRESET' }, 'connectionLost'],
    ['broken pipe', { code: 'EPIPE' }, 'connectionLost'],
    ['a lost connection found by the attempts', new ConnectionLostError(), 'connectionLost'],
    ['a deadline passed', new RequestTimeoutError(30), 'timedOut'],
    ['cancelled', Object.assign(new Error('aborted'), { name: 'AbortError' }), 'cancelled'],
    ['anything else', new Error('boom'), 'unknown'],
  ];
  for (const [name, error, kind] of cases) {
    test(`${name} is ${kind}`, () => {
      assert.equal(classifyServiceError(error).kind, kind);
    });
  }
});
