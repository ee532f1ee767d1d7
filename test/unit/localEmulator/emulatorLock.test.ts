// The lock file that lets one emulator, and only one, use a data file shared by several VS Code
// windows (each its own process). Other processes are real child processes here.
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acquireEmulatorLock } from '../../../src/localEmulator/emulatorLock';
import { emulatorAnswersAt } from '../../../src/localEmulator/emulatorProbe';
import { useEmulator } from '../../support/emulatorFixture';

function startIdleProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => undefined, 60_000)'], { stdio: 'ignore' });
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

async function readLock(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** An http server on a free loopback port that is not an emulator. */
async function startUnrelatedServer(): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((_request, response) => response.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** A loopback endpoint nobody listens on (a server that was just closed). */
async function deadEndpoint(): Promise<string> {
  const { endpoint, server } = await startUnrelatedServer();
  await new Promise((resolve) => server.close(resolve));
  return endpoint;
}

suite('emulator lock: one emulator per data file across windows', () => {
  const fixture = useEmulator();
  let directory: string;
  let lockFile: string;

  setup(async () => {
    directory = await mkdtemp(join(tmpdir(), 'acs-lock-'));
    lockFile = join(directory, 'identities.json.lock');
  });
  teardown(() => rm(directory, { recursive: true, force: true }));

  test('free: taken (in a folder it creates), published with the endpoint, released', async () => {
    lockFile = join(directory, 'emulator', 'identities.json.lock');
    const attempt = await acquireEmulatorLock(lockFile);
    assert.ok(attempt.acquired);
    assert.deepEqual(await readLock(lockFile), { pid: process.pid });
    await attempt.lock.publish('http://127.0.0.1:40001/');
    assert.deepEqual(await readLock(lockFile), { pid: process.pid, endpoint: 'http://127.0.0.1:40001/' });
    await attempt.lock.release();
    await assert.rejects(readFile(lockFile), { code: 'ENOENT' });
  });

  test("held by another live process: not taken, that process's endpoint is returned", async () => {
    const other = startIdleProcess();
    try {
      assert.ok(other.pid);
      const { endpoint } = fixture.emulator;
      await writeFile(lockFile, JSON.stringify({ pid: other.pid, endpoint }));
      assert.deepEqual(await acquireEmulatorLock(lockFile), { acquired: false, pid: other.pid, endpoint });
      assert.deepEqual(await readLock(lockFile), { pid: other.pid, endpoint }, 'left as it was');
    } finally {
      other.kill();
    }
  });

  test('left by a process that is gone: taken over', async () => {
    await writeFile(lockFile, JSON.stringify({ pid: await deadPid(), endpoint: 'http://127.0.0.1:40003/' }));
    const attempt = await acquireEmulatorLock(lockFile);
    assert.ok(attempt.acquired);
    assert.deepEqual(await readLock(lockFile), { pid: process.pid });
    await attempt.lock.release();
  });

  test("naming this process's pid but not held by it (an earlier process had the pid): taken over", async () => {
    await writeFile(lockFile, JSON.stringify({ pid: process.pid, endpoint: 'http://127.0.0.1:40004/' }));
    const attempt = await acquireEmulatorLock(lockFile);
    assert.ok(attempt.acquired);
    await attempt.lock.release();
  });

  test('held in this process by an owner still starting: the second waits for the endpoint', async () => {
    const owner = await acquireEmulatorLock(lockFile);
    assert.ok(owner.acquired);
    const second = acquireEmulatorLock(lockFile);
    await owner.lock.publish(fixture.emulator.endpoint);
    assert.deepEqual(await second, { acquired: false, pid: process.pid, endpoint: fixture.emulator.endpoint });
    await owner.lock.release();
  });

  test('an endpoint that is not loopback http is never handed out', async () => {
    const other = startIdleProcess();
    try {
      assert.ok(other.pid);
      await writeFile(lockFile, JSON.stringify({ pid: other.pid, endpoint: 'https://example.com/' }));
      const attempt = acquireEmulatorLock(lockFile);
      // It waits for a usable endpoint; once the other process is gone, its lock is stale.
      other.kill();
      const taken = await attempt;
      assert.ok(taken.acquired);
      await taken.lock.release();
    } finally {
      other.kill();
    }
  });

  // After a crash and a reboot, the pid in the lock can belong to an unrelated process.
  test('held by a live process at an endpoint nobody serves: taken over', async () => {
    const other = startIdleProcess();
    try {
      assert.ok(other.pid);
      await writeFile(lockFile, JSON.stringify({ pid: other.pid, endpoint: await deadEndpoint() }));
      const attempt = await acquireEmulatorLock(lockFile);
      assert.ok(attempt.acquired);
      assert.deepEqual(await readLock(lockFile), { pid: process.pid });
      await attempt.lock.release();
    } finally {
      other.kill();
    }
  });

  test('held by a live process at an endpoint where another program answers: taken over', async () => {
    const other = startIdleProcess();
    const unrelated = await startUnrelatedServer();
    try {
      assert.ok(other.pid);
      await writeFile(lockFile, JSON.stringify({ pid: other.pid, endpoint: unrelated.endpoint }));
      const attempt = await acquireEmulatorLock(lockFile);
      assert.ok(attempt.acquired);
      await attempt.lock.release();
    } finally {
      other.kill();
      await new Promise((resolve) => unrelated.server.close(resolve));
    }
  });
});

suite('emulator probe', () => {
  const fixture = useEmulator();

  test('an emulator answers; a closed port and another program do not', async () => {
    assert.equal(await emulatorAnswersAt(fixture.emulator.endpoint), true);
    assert.equal(await emulatorAnswersAt(await deadEndpoint()), false);
    const unrelated = await startUnrelatedServer();
    try {
      assert.equal(await emulatorAnswersAt(unrelated.endpoint), false);
    } finally {
      await new Promise((resolve) => unrelated.server.close(resolve));
    }
  });
});
