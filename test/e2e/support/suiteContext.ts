import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Context } from 'mocha';
import { EmulatorApi } from './emulatorApi';
import { Pictures } from './pictures';
import { closeSession, openSession, readSessionConfig, type SessionConfig } from './session';
import { Workbench } from './workbench';

/** What every test uses: the workbench, the emulator's HTTP API and the picture taker. */
export interface SuiteContext {
  readonly config: SessionConfig;
  readonly workbench: Workbench;
  readonly emulator: EmulatorApi;
  readonly pictures: Pictures;
}

let current: SuiteContext | undefined;

export function suiteContext(): SuiteContext {
  if (!current) {
    throw new Error('The end-to-end context is not open: run the suite with `npm run test:e2e`.');
  }
  return current;
}

/**
 * Mocha root hooks (scripts/run-e2e.mjs passes them to Mocha): one workbench for the whole run,
 * opened before the first test and closed after the last; a screenshot of every failure.
 */
export const rootHooks = {
  async beforeAll(this: Context): Promise<void> {
    this.timeout(180_000);
    const config = readSessionConfig();
    const { page } = await openSession(config);
    const workbench = new Workbench(page);
    await workbench.ready();
    current = {
      config,
      workbench,
      emulator: new EmulatorApi(config.emulator.endpoint, config.emulator.accessKey),
      pictures: new Pictures(page, config.picturesDir),
    };
  },

  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (!current || test?.state !== 'failed') {
      return;
    }
    mkdirSync(current.config.failureDir, { recursive: true });
    const file = path.join(current.config.failureDir, `${test.fullTitle().replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
    try {
      await current.workbench.page.screenshot({ path: file });
      console.log(`    screenshot of the failure: ${file}`);
    } catch (error) {
      console.log(`    no screenshot of the failure: ${error instanceof Error ? error.message : String(error)}`);
    }
  },

  async afterAll(): Promise<void> {
    current = undefined;
    await closeSession();
  },
};
