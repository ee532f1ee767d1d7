import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemporaryFiles, writeFileAtomically } from '../../../src/shared/atomicFile';

const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

suite('atomic files: stale temporary files', () => {
  let directory: string;
  let target: string;

  setup(async () => {
    directory = await mkdtemp(join(tmpdir(), 'acs-atomic-'));
    target = join(directory, 'state.json');
  });
  teardown(() => rm(directory, { recursive: true, force: true }));

  /** A file whose modification time is `ageMs` in the past. */
  async function plant(name: string, ageMs: number): Promise<void> {
    await writeFile(join(directory, name), 'secret');
    const when = new Date(Date.now() - ageMs);
    await utimes(join(directory, name), when, when);
  }

  test("removes the target's temporary files older than a minute, and nothing else", async () => {
    await writeFileAtomically(target, '{}');
    await plant(`state.json.${UUID}.tmp`, 3_600_000);
    await plant(`state.json.${UUID.replace('0f8f', '1f8f')}.tmp`, 1_000);
    await plant(`other.json.${UUID}.tmp`, 3_600_000);
    await plant('state.json.notes.tmp', 3_600_000);
    assert.deepEqual(await removeStaleTemporaryFiles(target), [`state.json.${UUID}.tmp`]);
    assert.deepEqual((await readdir(directory)).sort(), [`other.json.${UUID}.tmp`, 'state.json', `state.json.${UUID.replace('0f8f', '1f8f')}.tmp`, 'state.json.notes.tmp']);
  });

  test('a folder that does not exist has nothing to remove', async () => {
    assert.deepEqual(await removeStaleTemporaryFiles(join(directory, 'missing', 'state.json')), []);
  });
});
