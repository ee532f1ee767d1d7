import * as assert from 'node:assert/strict';
import { invocationOf, optionsOf, parseScopesOption } from '../../../src/commands/options';
import { resourceNode } from '../../../src/tree/nodes';
import { AnswerQueue, isEnter, isEscape } from '../../../src/testing/answerQueue';

suite('command invocation', () => {
  test('a tree node, an options object, or nothing (palette)', () => {
    const node = resourceNode({ id: 'r', name: 'dev', endpoint: 'https://x/', host: 'x', addedAt: '', isLocalEmulator: false });
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

suite('prompt answer queue', () => {
  const record = () => ({ kind: 'input' as const, text: 'Name', choices: [], validationMessages: [], answeredFromQueue: false });

  test('answers are taken in order and recorded', () => {
    const queue = new AnswerQueue();
    queue.push('a', { enter: true }, { escape: true });
    assert.equal(queue.take(record()), 'a');
    const enter = queue.take(record());
    assert.ok(enter !== undefined && isEnter(enter));
    const escape = queue.take(record());
    assert.ok(escape !== undefined && isEscape(escape));
    assert.equal(queue.records.length, 3);
    assert.ok(queue.records.every((r) => r.answeredFromQueue));
  });

  test('an empty queue means "show the real UI", or fails loudly when strict', () => {
    const queue = new AnswerQueue();
    assert.equal(queue.take(record()), undefined);
    queue.strict = true;
    assert.throws(() => queue.take(record()), /No answer queued for the input prompt "Name"/);
  });
});
