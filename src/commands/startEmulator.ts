import * as vscode from 'vscode';
import { parseConnectionString } from '../core/connectionString';
import type { ResourceRecord } from '../core/records';
import type { Registry } from '../storage/registry';
import type { LocalEmulator } from '../localEmulator/emulatorHost';
import type { Services } from './services';

const LOCAL_EMULATOR_NAME = 'Local emulator';

/**
 * Starts the emulator in the extension host on a free loopback port and lists it as "Local emulator";
 * when another VS Code window already runs it (they share its data file), uses that one instead.
 */
export async function startEmulator(services: Services): Promise<{ resourceId: string; endpoint: string } | undefined> {
  try {
    const { emulator, resource } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the local emulator…') },
      () => startOrReuseLocalEmulator(services),
    );
    services.messages.info(
      emulator.runsHere
        ? vscode.l10n.t('The local emulator is running at {0} and is listed as "{1}".', emulator.endpoint, resource.name)
        : vscode.l10n.t('Another VS Code window runs the local emulator at {0}; it is listed as "{1}".', emulator.endpoint, resource.name),
    );
    return { resourceId: resource.id, endpoint: emulator.endpoint };
  } catch (error) {
    services.errors.presentEmulatorStartFailure(error);
    return undefined;
  }
}

/**
 * At activation, without notifications (the log says what happened): after a restart of VS Code
 * "Local emulator" points to a port nobody listens on any more, so the emulator is started again
 * (or another window's is used); `npm start` asks for it with `startRequested` even before the
 * resource exists.
 */
export async function resumeLocalEmulator(services: Services, startRequested: boolean): Promise<void> {
  if (!startRequested && !(await services.registry.listResources()).some((resource) => resource.isLocalEmulator)) {
    return;
  }
  const { emulator, resource } = await startOrReuseLocalEmulator(services);
  services.logger.info(`"${resource.name}" points to the local emulator at ${emulator.endpoint}`);
}

async function startOrReuseLocalEmulator(services: Services): Promise<{ emulator: LocalEmulator; resource: ResourceRecord }> {
  const emulator = await services.emulator.start();
  return { emulator, resource: await addOrUpdateEmulatorResource(services.registry, emulator.connectionString) };
}

/**
 * Lists the emulator as the resource "Local emulator", or updates that resource's connection
 * string (its port changes from one start to the next).
 */
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
