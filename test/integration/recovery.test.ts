// A window closed (or crashed) while it created a user: the service may have created it, and only
// its lost answer held the id. The next window says so, once.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { useEmulator } from '../support/emulatorFixture';
import { addEmulatorResource, children, getApi, removeAllResources, run, type Harness } from './support';

/** The id a window that has exited would have written its journal under (its pid, then a random part). */
async function writerThatIsGone(): Promise<string> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return `${child.pid}-${randomUUID().slice(0, 8)}`;
}

suite('Recovery', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;

  suiteSetup(async () => {
    api = await getApi();
  });
  setup(async () => {
    await removeAllResources(api);
    api.clearMessages();
    api.prompts.clear();
  });
  suiteTeardown(() => removeAllResources(api));

  test('a creation another window was in the middle of when it closed is reported once, naming the resource', async () => {
    const resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
    const writer = await writerThatIsGone();
    const startedAt = new Date();
    const journal = path.join(api.storageDirectory, 'records', 'journals', `${writer}.jsonl`);
    await mkdir(path.dirname(journal), { recursive: true });
    const operation = { id: randomUUID(), kind: 'createUser', resourceId, startedAt: startedAt.toISOString() };
    await writeFile(journal, `${JSON.stringify({ kind: 'operationStarted', stamp: [startedAt.getTime(), writer], operation })}\n`);

    await run('acsIdentity.refresh');
    const warnings = api.messages.filter((message) => message.severity === 'warning').map((message) => message.text);
    assert.deepEqual(warnings, [
      `VS Code was closed while creating a user in "dev" (${startedAt.toLocaleString()}): the user may exist in Azure Communication Services without being in the list.`,
    ]);
    await run('acsIdentity.refresh');
    assert.equal(api.messages.filter((message) => message.severity === 'warning').length, 1, 'reported once');
  });

  test('lines of the records that cannot be read are shown as damaged, and removed on request', async () => {
    await addEmulatorResource(api, fixture.emulator, 'dev');
    const writer = await writerThatIsGone();
    const journal = path.join(api.storageDirectory, 'records', 'journals', `${writer}.jsonl`);
    await writeFile(journal, 'null\n{"kind":"userAdded","stamp":[1,"x"],"user":{"trunc\n');
    await run('acsIdentity.refresh');
    const damaged = (await children(api)).at(-1);
    assert.deepEqual([damaged?.label, damaged?.contextValue], ['2 damaged records could not be read', 'acsDamaged']);

    api.prompts.push('Remove');
    assert.deepEqual(await run('acsIdentity.removeDamagedRecords'), { removed: 2 });
    assert.equal(api.prompts.records[0].text.split('\n')[0], 'Remove 2 damaged records?');
    assert.deepEqual((await children(api)).map((row) => row.label), ['dev']);
    assert.equal(api.messages.at(-1)?.text, 'Removed 2 damaged records.');
  });
});

