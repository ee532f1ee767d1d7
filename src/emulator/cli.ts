import { readFile } from 'node:fs/promises';
import { CLI_HELP, parseCliArguments, CliCommand } from './cliArguments';
import { isLoopbackHost } from '../shared/hosts';
import { RunningEmulator, startEmulator } from './startEmulator';

/** The `npm run emulator` command: prints the connection string, serves until SIGINT/SIGTERM, exits 0. */
export async function runCli(argv: readonly string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArguments(argv);
  } catch (error) {
    console.error(messageOf(error));
    console.error('Run with --help to see the options.');
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    console.log(CLI_HELP);
    return;
  }
  const { options } = command;
  if (options.host !== undefined && !isLoopbackHost(options.host)) {
    console.warn(`Warning: listening on ${options.host}, not loopback; anyone who can reach it and knows the key can use the emulator.`);
  }
  let emulator: RunningEmulator;
  try {
    const tls = command.tlsFiles && { cert: await readFile(command.tlsFiles.cert), key: await readFile(command.tlsFiles.key) };
    emulator = await startEmulator({ ...options, tls, log: command.quiet ? undefined : (line) => console.log(line) });
  } catch (error) {
    console.error(`Could not start the ACS Identity emulator: ${messageOf(error)}`);
    process.exitCode = 1;
    return;
  }
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`${signal} received, shutting down.`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${messageOf(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Print only once the handlers are in place: whoever reads the connection string may signal at once.
  console.log(`ACS Identity emulator listening on ${emulator.endpoint} (resource ${emulator.resourceId}${options.dataFile ? `, data in ${options.dataFile}` : ', in memory'}).`);
  // The one place the key is printed: it is the documented development key or one the user chose.
  console.log(`Connection string: ${emulator.connectionString}`);
  console.log(`Resource Manager: tenant ${emulator.tenantId}, resource ${emulator.armResourceId}`);
  console.log('Press Ctrl+C to stop.');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
