// The integration tests' scripted prompter: answers in order, records every question, and fails
// loudly on a question nobody scripted (rather than waiting for a person who will never come).
import * as assert from 'node:assert/strict';
import { ScriptedPrompter } from '../../integration/support/scriptedPrompter';

const items = [
  { label: 'first', value: 1 },
  { label: 'second', value: 2, answerId: 'two', picked: true },
];

suite('scripted prompter', () => {
  test('answers are taken in order and every question is recorded', async () => {
    const prompter = new ScriptedPrompter();
    prompter.push('two', { enter: true }, { escape: true });
    assert.equal(await prompter.pickOne(items, { title: 'Pick' }), 2);
    assert.deepEqual(await prompter.pickMany(items, { title: 'Many' }), [2]);
    assert.equal(await prompter.input({ title: 'Name' }), undefined);
    assert.deepEqual(
      prompter.records.map((record) => [record.kind, record.text, record.proposed]),
      [
        ['quickPick', 'Pick', undefined],
        ['multiPick', 'Many', ['second']],
        ['input', 'Name', undefined],
      ],
    );
    assert.equal(prompter.pending, 0);
  });

  test('input is retyped after each validation message until it is accepted', async () => {
    const prompter = new ScriptedPrompter();
    prompter.push('x', '42');
    const value = await prompter.input({ title: 'Number', validate: (text) => (/^\d+$/.test(text) ? undefined : 'digits only') });
    assert.equal(value, '42');
    assert.deepEqual(prompter.records[0].validationMessages, ['digits only']);
  });

  test('a file dialog takes the file named, or Escape; Enter names no file', async () => {
    const prompter = new ScriptedPrompter();
    prompter.push('/tmp/users.csv', { escape: true }, { enter: true });
    assert.equal(await prompter.saveFile({ title: 'Export', filters: { JSON: ['json'], CSV: ['csv'] }, defaultName: 'users.json' }), '/tmp/users.csv');
    assert.equal(await prompter.openFile({ title: 'Import', filters: { CSV: ['csv'] } }), undefined);
    assert.throws(() => prompter.openFile({ title: 'Import', filters: {} }), /is not a file for "Import"/);
    assert.deepEqual(
      prompter.records.map((record) => [record.kind, record.choices, record.proposed]),
      [
        ['saveFile', ['JSON', 'CSV'], 'users.json'],
        ['openFile', ['CSV'], undefined],
        ['openFile', [], undefined],
      ],
    );
  });

  test('a question with no scripted answer fails', () => {
    const prompter = new ScriptedPrompter();
    assert.throws(() => prompter.modal('Delete?', { buttons: ['Delete'] }), /No answer scripted for the modal prompt "Delete\?"/);
  });
});
