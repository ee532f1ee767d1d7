// The one way test suites get an emulator: started (in this process, on a free loopback port, in
// memory) before the suite's first test and closed after its last, whatever happens in between;
// the faults a test injects are cleared when it ends.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';

export interface EmulatorFixture {
  /** The running emulator; only valid inside the suite's hooks and tests. */
  readonly emulator: RunningEmulator;
}

/**
 * Call at the top of a `suite`: `const fixture = useEmulator({ throttle: false })`. Options that
 * need work first (a certificate) come from a function run in the suite's setup.
 */
export function useEmulator(options: EmulatorOptions | (() => Promise<EmulatorOptions>) = {}): EmulatorFixture {
  let running: RunningEmulator | undefined;
  suiteSetup(async () => {
    running = await startEmulator({ port: 0, ...(typeof options === 'function' ? await options() : options) });
  });
  // Faults a test injected (failures, latency) end with it.
  teardown(() => running?.clearFaults());
  suiteTeardown(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    get emulator(): RunningEmulator {
      if (!running) {
        throw new Error('The emulator of this suite runs only between its suiteSetup and suiteTeardown.');
      }
      return running;
    },
  };
}
