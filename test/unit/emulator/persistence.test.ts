import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_ACCESS_KEY, startEmulator } from '../../../src/emulator';
import { writeFileAtomically } from '../../../src/shared/atomicFile';
import { buildEmulatorBundle, startCli } from './cliProcess';
import { assertRestError, listIdentityIds, sdkClient, validateToken } from './emulatorClient';
import { signedRequest } from './signedRequest';

suite('emulator: persistence with a data file', function () {
  this.timeout(30_000);
  let directory: string;
  let dataFile: string;

  setup(async () => {
    directory = await mkdtemp(join(tmpdir(), 'acs-emulator-'));
    dataFile = join(directory, 'identities.json');
  });
  teardown(() => rm(directory, { recursive: true, force: true }));

  test('identities, tokens, revocations and deletions survive a restart (in a directory it creates)', async () => {
    const dataFile = join(directory, 'not-yet', 'identities.json');
    const first = await startEmulator({ port: 0, dataFile });
    const client = sdkClient(first.connectionString);
    const { user: kept, token: keptToken } = await client.createUserAndToken(['chat']);
    const { user: revoked, token: revokedToken } = await client.createUserAndToken(['voip']);
    await client.revokeTokens(revoked);
    const deleted = await client.createUser();
    await client.deleteUser(deleted);
    await first.close();

    const second = await startEmulator({ port: 0, dataFile });
    try {
      const again = sdkClient(second.connectionString);
      assert.equal((await validateToken(second.endpoint, keptToken)).valid, true, 'a token from before the restart still verifies');
      assert.deepEqual(await validateToken(second.endpoint, revokedToken), { valid: false, reason: 'revoked' });
      await again.getToken(kept, ['chat']);
      await assertRestError(again.getToken(deleted, ['chat']), 404, 'IdentityNotFound');
      assert.deepEqual((await listIdentityIds(second.endpoint)).sort(), [kept.communicationUserId, revoked.communicationUserId].sort());
    } finally {
      await second.close();
    }
  });

  test('without a data file nothing survives: a restart is a new resource state', async () => {
    const first = await startEmulator({ port: 0 });
    const user = await sdkClient(first.connectionString).createUser();
    await first.close();
    const second = await startEmulator({ port: 0 });
    try {
      await assertRestError(sdkClient(second.connectionString).getToken(user, ['chat']), 404, 'IdentityNotFound');
    } finally {
      await second.close();
    }
  });

  test('a file that is not an emulator data file is refused and left untouched', async () => {
    await writeFile(dataFile, 'my notes');
    await assert.rejects(startEmulator({ port: 0, dataFile }), /not an ACS Identity emulator data file/);
    assert.equal(await readFile(dataFile, 'utf8'), 'my notes');
  });

  test('at start, a temporary file that a crashed write left next to the data file is removed', async () => {
    const first = await startEmulator({ port: 0, dataFile });
    const user = await sdkClient(first.connectionString).createUser();
    await first.close();
    // What a process killed between writing and renaming leaves: a copy of the state, signing key included.
    const stale = `identities.json.6f9619ff-8b86-4011-b42d-00c04fc964ff.tmp`;
    await writeFile(join(directory, stale), await readFile(dataFile, 'utf8'));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(directory, stale), anHourAgo, anHourAgo);

    const lines: string[] = [];
    const second = await startEmulator({ port: 0, dataFile, log: (line) => lines.push(line) });
    try {
      assert.deepEqual(await readdir(directory), ['identities.json']);
      assert.ok(lines.some((line) => line.includes('temporary file')), lines.join('\n'));
      await sdkClient(second.connectionString).getToken(user, ['chat']);
    } finally {
      await second.close();
    }
  });

  test('writeFileAtomically replaces the file, readable by its owner only, and leaves no temporary files', async () => {
    await writeFileAtomically(dataFile, 'one');
    await writeFileAtomically(dataFile, 'two');
    assert.equal(await readFile(dataFile, 'utf8'), 'two');
    assert.deepEqual(await readdir(directory), ['identities.json']);
    if (process.platform !== 'win32') {
      assert.equal((await stat(dataFile)).mode & 0o777, 0o600);
    }
  });

  test('a SIGKILL in the middle of a burst of creates leaves a readable file holding every acknowledged identity', async () => {
    await buildEmulatorBundle();
    const cli = await startCli(['--port', '0', '--quiet', '--no-throttle', '--data', dataFile]);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const acknowledged: string[] = [];
    let killed = false;
    const worker = async (): Promise<void> => {
      while (!killed) {
        try {
          const response = await signedRequest({ endpoint: cli.endpoint, accessKey: DEVELOPMENT_ACCESS_KEY, method: 'POST', target: '/identities?api-version=2023-10-01', agent });
          if (response.status === 201) {
            acknowledged.push((JSON.parse(response.text) as { identity: { id: string } }).identity.id);
          }
        } catch {
          return; // the connection died with the process
        }
        if (acknowledged.length >= 300 && !killed) {
          killed = true;
          cli.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    agent.destroy();
    await cli.exited;

    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { identities: { id: string }[] };
    const savedIds = new Set(saved.identities.map((identity) => identity.id));
    assert.deepEqual(acknowledged.filter((id) => !savedIds.has(id)), [], 'an identity is acknowledged only once it is on disk');

    const restarted = await startCli(['--port', '0', '--quiet', '--data', dataFile]);
    try {
      await sdkClient(restarted.connectionString).getToken({ communicationUserId: acknowledged[0] }, ['chat']);
      await sdkClient(restarted.connectionString).getToken({ communicationUserId: acknowledged[acknowledged.length - 1] }, ['chat']);
    } finally {
      restarted.child.kill('SIGTERM');
      assert.equal((await restarted.exited).code, 0);
    }
  });
});
