import * as vscode from 'vscode';
import type { ProviderSession, SessionMode, SessionSource } from '../azure';
import { CLOUD_SETTING_CUSTOM_ENVIRONMENT, CLOUD_SETTING_ENVIRONMENT, CLOUD_SETTINGS_SECTION, resolveAzureCloud, type CloudResolution } from '../azure/cloud';
import { SELECTED_SUBSCRIPTIONS_SECTION, SELECTED_SUBSCRIPTIONS_SETTING } from '../azure/subscriptionFilter';

/**
 * Sessions from VS Code's built-in Microsoft authentication. VS Code keeps the tokens and renews
 * them; the extension asks for one when it needs it and keeps none.
 */
export class VsCodeSessions implements SessionSource {
  async getSession(providerId: string, scopes: readonly string[], mode: SessionMode): Promise<ProviderSession | undefined> {
    const session = await vscode.authentication.getSession(providerId, [...scopes], optionsFor(mode));
    return session && { accessToken: session.accessToken, account: { id: session.account.id, label: session.account.label } };
  }
}

function optionsFor(mode: SessionMode): vscode.AuthenticationGetSessionOptions {
  switch (mode) {
    case 'silent':
      return { silent: true };
    case 'interactive':
      return { createIfNone: true };
    case 'chooseAccount':
      return { createIfNone: true, clearSessionPreference: true };
  }
}

/** The cloud VS Code's Microsoft authentication signs in to, from its `microsoft-sovereign-cloud.*` settings. */
export function configuredCloud(): CloudResolution {
  const settings = vscode.workspace.getConfiguration(CLOUD_SETTINGS_SECTION);
  return resolveAzureCloud(settings.get<unknown>(CLOUD_SETTING_ENVIRONMENT), settings.get<unknown>(CLOUD_SETTING_CUSTOM_ENVIRONMENT));
}

/** `azureResourceGroups.selectedSubscriptions`, the subscriptions chosen in Azure's own extensions (readable whether or not they are installed). */
export function selectedSubscriptions(): unknown {
  return vscode.workspace.getConfiguration(SELECTED_SUBSCRIPTIONS_SECTION).get<unknown>(SELECTED_SUBSCRIPTIONS_SETTING);
}

export function affectsCloud(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(CLOUD_SETTINGS_SECTION);
}
