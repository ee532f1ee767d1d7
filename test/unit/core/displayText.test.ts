import * as assert from 'node:assert/strict';
import { labelTooLong, MAX_LABEL_LENGTH, normalizeLabel, quoteForMessage, storedLabel } from '../../../src/core/displayText';

suite('labels and quoted values', () => {
  const labels: [string, string | undefined, string | undefined][] = [
    ['empty', '', undefined],
    ['blanks only', ' \t \n ', undefined],
    ['trimmed', '  alice  ', 'alice'],
    ['inner blanks collapsed', 'alice   (caller)', 'alice (caller)'],
    ['a line break and a tab become spaces', 'alice\nbob\tcarol', 'alice bob carol'],
    ['NUL, bell and DEL become blanks', 'al\u0000ice\u0007\u007f', 'al ice'],
    ['C1 controls removed', 'a\u0085b\u009bc', 'a b c'],
    ['right-to-left letters kept', 'مستخدم الاختبار', 'مستخدم الاختبار'],
    ['Hebrew with a Latin word kept', 'בדיקה test', 'בדיקה test'],
    ['a right-to-left override removed (no spoofed "exe.gnp")', 'invoice\u202Egnp.exe', 'invoicegnp.exe'],
    ['isolates and marks removed', '\u2067abc\u2069\u200F', 'abc'],
    ['emoji kept whole', 'tester 👩‍💻', 'tester 👩‍💻'],
  ];
  for (const [name, input, expected] of labels) {
    test(`normalizeLabel: ${name}`, () => {
      assert.equal(normalizeLabel(input), expected);
    });
  }

  test(`a label of ${MAX_LABEL_LENGTH} characters is fine, one more is too long, counted as a person counts`, () => {
    assert.equal(labelTooLong('a'.repeat(MAX_LABEL_LENGTH)), undefined);
    assert.equal(labelTooLong('a'.repeat(MAX_LABEL_LENGTH + 1)), MAX_LABEL_LENGTH + 1);
    assert.equal(labelTooLong('😀'.repeat(MAX_LABEL_LENGTH)), undefined, 'an emoji is one character');
    assert.equal(labelTooLong(`  ${'a'.repeat(MAX_LABEL_LENGTH)}  `), undefined, 'blanks around do not count');
    assert.equal(labelTooLong('a'.repeat(1000)), 1000);
  });

  test('storedLabel cuts at the limit without splitting a character', () => {
    assert.equal(storedLabel('😀'.repeat(1000)), '😀'.repeat(MAX_LABEL_LENGTH));
    assert.equal(storedLabel(' bob '), 'bob');
    assert.equal(storedLabel(undefined), undefined);
  });

  test('quoteForMessage masks secrets, removes controls and cuts long values', () => {
    const key = Buffer.alloc(64, 9).toString('base64');
    assert.equal(quoteForMessage(`endpoint=https://x.communication.azure.com/;accesskey=${key}`, 200), 'endpoint=https://x.communication.azure.com/;accesskey=***');
    assert.equal(quoteForMessage('dev\nprod'), 'dev prod');
    assert.equal(quoteForMessage('x'.repeat(2000)), `${'x'.repeat(59)}…`);
    assert.equal(quoteForMessage('short'), 'short');
  });
});
