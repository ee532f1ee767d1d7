import * as vscode from 'vscode';
import { parseConnectionString } from '../core/connectionString';
import { redactSecrets } from '../core/redact';
import type { ResourceRecord } from '../storage/records';
import type { Registry } from '../storage/registry';
import type { Services } from './services';

export const LOCAL_EMULATOR_NAME = 'Local emulator';

/** Starts the emulator in the extension host on a free loopback port and lists it as "Local emulator". */
export async function startEmulator(services: Services): Promise<{ resourceId: string; endpoint: string } | undefined> {
  try {
    const emulator = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the local emulator…') },
      () => services.emulator.start(),
    );
    const resource = await addOrUpdateEmulatorResource(services.registry, emulator.connectionString);
    services.messages.info(vscode.l10n.t('The local emulator is running at {0} and is listed as "{1}".', emulator.endpoint, resource.name));
    return { resourceId: resource.id, endpoint: emulator.endpoint };
  } catch (error) {
    services.logger.error('Could not start the local emulator', error);
    const reason = error instanceof Error ? redactSecrets(error.message) : '';
    services.messages.error(vscode.l10n.t('Could not start the local emulator: {0}', reason));
    return undefined;
  }
}

/**
 * Lists the emulator as the resource "Local emulator", or updates that resource's connection
 * string (its port changes from one start to the next).
 */
export async function addOrUpdateEmulatorResource(registry: Registry, connectionString: string): Promise<ResourceRecord> {
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
