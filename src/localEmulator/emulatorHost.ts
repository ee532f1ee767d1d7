import * as path from 'node:path';
import { DEVELOPMENT_ACCESS_KEY } from '../emulator/defaults';
import type { RunningEmulator } from '../emulator/index';
import { acquireEmulatorLock, type HeldEmulatorLock } from './emulatorLock';
import type { Log } from '../core/log';

type EmulatorModule = typeof import('../emulator/index');

/** The emulator "Local emulator" points to, whichever window runs it. */
export interface LocalEmulator {
  readonly endpoint: string;
  readonly connectionString: string;
  /** False when another VS Code window runs it and this one only uses it. */
  readonly runsHere: boolean;
}

/**
 * Runs the local emulator inside the extension host. Its bundle (dist/emulator.js) is loaded on
 * first use only, so activation never pays for it. It listens on a free loopback port and keeps
 * its identities in a file of the extension's global storage, so they outlive VS Code restarts.
 *
 * That file is shared by every VS Code window, so only one emulator may use it: the lock file
 * next to it says which (see emulatorLock.ts). When another window runs it, this host reuses it.
 */
export class EmulatorHost {
  private running: { readonly emulator: RunningEmulator; readonly lock: HeldEmulatorLock } | undefined;
  private starting: Promise<LocalEmulator> | undefined;

  constructor(
    /** The folder of dist/extension.js, where dist/emulator.js sits too. */
    private readonly bundleDirectory: string,
    private readonly dataFile: string,
    private readonly logger: Log,
  ) {}

  /** The emulator this host runs (not one it reuses from another window). */
  get current(): RunningEmulator | undefined {
    return this.running?.emulator;
  }

  /** Starts the emulator, or returns the one this host or another window already runs. */
  start(): Promise<LocalEmulator> {
    if (this.running) {
      return Promise.resolve(localEmulator(this.running.emulator.endpoint, true));
    }
    this.starting ??= this.startOrReuse().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    // A start under way would otherwise finish after this and leave an emulator (and its lock) behind.
    await this.starting?.catch(() => undefined);
    const running = this.running;
    this.running = undefined;
    if (running) {
      await running.emulator.close();
      await running.lock.release();
      this.logger.info('Local emulator stopped');
    }
  }

  private async startOrReuse(): Promise<LocalEmulator> {
    const attempt = await acquireEmulatorLock(`${this.dataFile}.lock`);
    if (!attempt.acquired) {
      this.logger.info(`Using the local emulator of another VS Code window (process ${attempt.pid}) at ${attempt.endpoint}`);
      return localEmulator(attempt.endpoint, false);
    }
    let emulator: RunningEmulator | undefined;
    try {
      emulator = await this.load().startEmulator({
        port: 0,
        accessKey: DEVELOPMENT_ACCESS_KEY,
        dataFile: this.dataFile,
        log: (line) => this.logger.debug(`[emulator] ${line}`),
      });
      await attempt.lock.publish(emulator.endpoint);
    } catch (error) {
      await emulator?.close();
      await attempt.lock.release();
      throw error;
    }
    this.running = { emulator, lock: attempt.lock };
    this.logger.info(`Local emulator listening at ${emulator.endpoint}`);
    return localEmulator(emulator.endpoint, true);
  }

  private load(): EmulatorModule {
    // A run-time path, so esbuild leaves it alone (./emulator.js is marked external).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(this.bundleDirectory, 'emulator.js')) as EmulatorModule;
  }
}

/** Every emulator the extension starts uses the public development key, so the endpoint is all another window needs. */
function localEmulator(endpoint: string, runsHere: boolean): LocalEmulator {
  return { endpoint, connectionString: `endpoint=${endpoint};accesskey=${DEVELOPMENT_ACCESS_KEY}`, runsHere };
}
