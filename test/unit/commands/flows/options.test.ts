import * as assert from 'node:assert/strict';
import { invocationOf, optionsOf, optionTypeProblems, parseScopesOption, unknownOptions } from '../../../../src/commands/flows/options';
import { RecordState } from '../../../../src/core/recordState';
import { resourceNode } from '../../../../src/tree/nodes';

suite('command invocation', () => {
  test('a tree node, an options object, or nothing (palette)', () => {
    const node = resourceNode(new RecordState(), { id: 'r', name: 'dev', endpoint: 'https://x/', host: 'x', addedAt: '', isLocalEmulator: false });
    assert.equal(invocationOf(node).from, 'tree');
    assert.deepEqual(invocationOf({ userId: 'u' }), { from: 'code', options: { userId: 'u' } });
    assert.equal(invocationOf(undefined).from, 'palette');
    assert.equal(invocationOf('some string').from, 'palette');
    assert.equal(invocationOf([1, 2]).from, 'palette');
    assert.deepEqual(optionsOf(invocationOf(undefined)), {});
  });

  test('scopes from code are checked and deduplicated', () => {
    assert.deepEqual(parseScopesOption(['chat', 'voip', 'chat']), { ok: true, scopes: ['chat', 'voip'] });
    assert.deepEqual(parseScopesOption(['chat', 'pstn']), { ok: false, invalid: ['pstn'] });
  });
});

suite('options from code', () => {
  test('an option no command takes is named; the known ones are not', () => {
    assert.deepEqual(unknownOptions({ lifetime: 60, userID: 'x', resource: 'dev', lifetimeMinutes: 60 }), ['lifetime', 'userID']);
    assert.deepEqual(unknownOptions({}), []);
  });

  test('values of the wrong type are named with the type they need', () => {
    const problems = optionTypeProblems({ userId: 42, scopes: 'chat', lifetimeMinutes: '60', label: null, count: Number.NaN, resource: ['dev'], name: 'fine' });
    assert.deepEqual(problems, [
      { option: 'resource', expected: 'string' },
      { option: 'userId', expected: 'string' },
      { option: 'label', expected: 'string' },
      { option: 'scopes', expected: 'strings' },
      { option: 'lifetimeMinutes', expected: 'number' },
      { option: 'count', expected: 'number' },
    ]);
    assert.deepEqual(optionTypeProblems({ scopes: ['chat', 42] }), [{ option: 'scopes', expected: 'strings' }]);
    assert.deepEqual(optionTypeProblems({ lifetimeMinutes: Number.POSITIVE_INFINITY }), [{ option: 'lifetimeMinutes', expected: 'number' }]);
  });
});
