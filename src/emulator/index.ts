/**
 * The local ACS Identity emulator: the identity API of an Azure Communication Services resource,
 * served over http on loopback. Importing this module has no side effects; running it as the
 * main module (`node dist/emulator.js`) starts the command line.
 */
import { runCli } from './cli';

export {
  DEFAULT_EMULATOR_HOST,
  DEFAULT_EMULATOR_PORT,
  DEVELOPMENT_ACCESS_KEY,
  DEVELOPMENT_SECONDARY_ACCESS_KEY,
  EMULATED_RESOURCE_ID,
  EMULATED_SUBSCRIPTION_ID,
  EMULATED_TENANT_ID,
} from './defaults';
export { startEmulator } from './startEmulator';
export type { EmulatorOptions, RunningEmulator } from './startEmulator';
export type { FailureOptions } from './faults';
export type { ThrottleScale } from './throttle';
export type { EmulatedResourceOptions, EmulatedSubscription } from './cloud';
export type { TlsCredentials } from './server';

if (require.main === module) {
  void runCli(process.argv.slice(2));
}
