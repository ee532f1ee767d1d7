import * as vscode from 'vscode';
import { startOrReuseLocalEmulator } from '../localEmulator/localEmulatorResource';
import { localEmulatorName } from '../platform/wording';
import type { Services } from './services';

/**
 * Starts the emulator in the extension host on a free loopback port and lists it as "Local emulator";
 * when another VS Code window already runs it (they share its data file), uses that one instead.
 */
export async function startEmulator(services: Services): Promise<{ resourceId: string; endpoint: string } | undefined> {
  try {
    const { emulator, resource } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the local emulator…') },
      () => startOrReuseLocalEmulator(services.emulator, services.registry, localEmulatorName()),
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
