import { parseConnectionString } from '../core/connectionString';
import type { Log } from '../core/log';
import type { ResourceRecord } from '../core/records';
import type { Registry } from '../storage/registry';
import type { EmulatorHost, LocalEmulator } from './emulatorHost';

/**
 * Starts the emulator (or finds the one another VS Code window runs) and lists it as a resource
 * named `name` ("Local emulator", in the display language of the moment), or updates that
 * resource's connection string: its port changes from one start to the next. The resource is
 * found by its `isLocalEmulator` flag, so one listed in another language keeps its name.
 */
export async function startOrReuseLocalEmulator(host: EmulatorHost, registry: Registry, name: string): Promise<{ emulator: LocalEmulator; resource: ResourceRecord }> {
  const emulator = await host.start();
  return { emulator, resource: await addOrUpdateEmulatorResource(registry, emulator.connectionString, name) };
}

/**
 * At activation, without notifications (the log says what happened): after a restart of VS Code
 * "Local emulator" points to a port nobody listens on any more, so the emulator is started again
 * (or another window's is used); `npm start` asks for it with `startRequested` even before the
 * resource exists.
 */
export async function resumeLocalEmulator(host: EmulatorHost, registry: Registry, log: Log, startRequested: boolean, name: string): Promise<void> {
  if (!startRequested && !(await registry.listResources()).some((resource) => resource.isLocalEmulator)) {
    return;
  }
  const { emulator, resource } = await startOrReuseLocalEmulator(host, registry, name);
  log.info(`"${resource.name}" points to the local emulator at ${emulator.endpoint}`);
}

async function addOrUpdateEmulatorResource(registry: Registry, connectionString: string, name: string): Promise<ResourceRecord> {
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
  return registry.addResource(name, parsed.value, { isLocalEmulator: true });
}
