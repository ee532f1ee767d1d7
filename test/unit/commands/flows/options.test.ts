import * as assert from 'node:assert/strict';
import { invocationOf, optionsOf, parseScopesOption } from '../../../../src/commands/flows/options';
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
