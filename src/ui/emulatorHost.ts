import * as path from 'node:path';
import type { RunningEmulator } from '../emulator/index';
import type { Logger } from './logger';

type EmulatorModule = typeof import('../emulator/index');

/**
 * Runs the local emulator inside the extension host. Its bundle (dist/emulator.js) is loaded on
 * first use only, so activation never pays for it. It listens on a free loopback port and keeps
 * its identities in a file of the extension's global storage, so they outlive VS Code restarts.
 */
export class EmulatorHost {
  private running: RunningEmulator | undefined;
  private starting: Promise<RunningEmulator> | undefined;

  constructor(
    /** The folder of dist/extension.js, where dist/emulator.js sits too. */
    private readonly bundleDirectory: string,
    private readonly dataFile: string,
    private readonly logger: Logger,
  ) {}

  get current(): RunningEmulator | undefined {
    return this.running;
  }

  /** Starts the emulator, or returns the one already running. */
  start(): Promise<RunningEmulator> {
    if (this.running) {
      return Promise.resolve(this.running);
    }
    this.starting ??= this.load()
      .startEmulator({ port: 0, dataFile: this.dataFile, log: (line) => this.logger.debug(`[emulator] ${line}`) })
      .then(
        (emulator) => {
          this.running = emulator;
          this.starting = undefined;
          this.logger.info(`Local emulator listening at ${emulator.endpoint}`);
          return emulator;
        },
        (error: unknown) => {
          this.starting = undefined;
          throw error;
        },
      );
    return this.starting;
  }

  async stop(): Promise<void> {
    const emulator = this.running;
    this.running = undefined;
    if (emulator) {
      await emulator.close();
      this.logger.info('Local emulator stopped');
    }
  }

  private load(): EmulatorModule {
    // A run-time path, so esbuild leaves it alone (./emulator.js is marked external).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(this.bundleDirectory, 'emulator.js')) as EmulatorModule;
  }
}
