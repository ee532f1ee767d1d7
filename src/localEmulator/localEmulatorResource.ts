import { parseConnectionString } from '../core/connectionString';
import type { Log } from '../core/log';
import type { ResourceRecord } from '../core/records';
import type { Registry } from '../storage/registry';
import type { EmulatorHost, LocalEmulator } from './emulatorHost';

const LOCAL_EMULATOR_NAME = 'Local emulator';

/**
 * Starts the emulator (or finds the one another VS Code window runs) and lists it as the resource
 * "Local emulator", or updates that resource's connection string: its port changes from one start
 * to the next.
 */
export async function startOrReuseLocalEmulator(host: EmulatorHost, registry: Registry): Promise<{ emulator: LocalEmulator; resource: ResourceRecord }> {
  const emulator = await host.start();
  return { emulator, resource: await addOrUpdateEmulatorResource(registry, emulator.connectionString) };
}

/**
 * At activation, without notifications (the log says what happened): after a restart of VS Code
 * "Local emulator" points to a port nobody listens on any more, so the emulator is started again
 * (or another window's is used); `npm start` asks for it with `startRequested` even before the
 * resource exists.
 */
export async function resumeLocalEmulator(host: EmulatorHost, registry: Registry, log: Log, startRequested: boolean): Promise<void> {
  if (!startRequested && !(await registry.listResources()).some((resource) => resource.isLocalEmulator)) {
    return;
  }
  const { emulator, resource } = await startOrReuseLocalEmulator(host, registry);
  log.info(`"${resource.name}" points to the local emulator at ${emulator.endpoint}`);
}

async function addOrUpdateEmulatorResource(registry: Registry, connectionString: string): Promise<ResourceRecord> {
  const parsed = parseConnectionString(connectionString);
  if (!parsed.ok) {
    throw new Error(`The emulator's connection string is not valid (${parsed.problem})`);
  }
  const existing = (await registry.listResources()).find((resource) => resource.isLocalEmulator);
  if (existing) {
    return existing.endpoint === parsed.value.endpoint && (await registry.getConnectionString(existing.id)) === parsed.value.canonical
      ? existing
      : registry.updateResourceConnection(existing.id, parsed.value);
  }
  return registry.addResource(LOCAL_EMULATOR_NAME, parsed.value, { isLocalEmulator: true });
}
