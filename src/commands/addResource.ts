import * as vscode from 'vscode';
import { parseConnectionString, type AcsConnectionString } from '../core/connectionString';
import { describeConnectionStringProblem } from '../platform/wording';
import { optionsOf, type Invocation } from './flows/options';
import type { Services } from './services';

/** The variable the ACS quickstarts use; offered first when it is set. */
export const CONNECTION_STRING_VARIABLE = 'COMMUNICATION_SERVICES_CONNECTION_STRING';

export interface AddResourceResult {
  readonly resourceId: string;
  readonly name: string;
}

/**
 * Adds a resource from its connection string, validated before it is stored (in SecretStorage
 * only). A connection string for an endpoint already in the list replaces that resource's one
 * (e.g. after a key rotation), keeping its id and name: after a modal confirmation, unless from code.
 */
export async function addResource(services: Services, invocation: Invocation): Promise<AddResourceResult | undefined> {
  const options = optionsOf(invocation);
  const title = vscode.l10n.t('Add Resource with Connection String');
  let connection: AcsConnectionString | undefined;
  if (options.connectionString !== undefined) {
    const parsed = parseConnectionString(options.connectionString);
    if (!parsed.ok) {
      services.messages.error(vscode.l10n.t('The connection string was not added: {0}', describeConnectionStringProblem(parsed)));
      return undefined;
    }
    connection = parsed.value;
  } else if (invocation.from === 'code') {
    services.messages.error(vscode.l10n.t('Add Resource: the "connectionString" option is required.'));
    return undefined;
  } else {
    connection = await askConnectionString(services, title);
  }
  if (!connection) {
    return undefined;
  }

  const existing = await services.registry.findResourceByEndpoint(connection.endpoint);
  if (existing) {
    if (invocation.from !== 'code') {
      const replace = vscode.l10n.t('Replace');
      const answer = await services.prompter.modal(vscode.l10n.t('{0} is already listed as "{1}". Replace its connection string?', existing.host, existing.name), {
        buttons: [replace],
      });
      if (answer !== replace) {
        return undefined;
      }
    }
    await services.registry.updateResourceConnection(existing.id, connection);
    services.messages.info(vscode.l10n.t('"{0}" ({1}) was already in the list: its connection string was updated.', existing.name, existing.host));
    return { resourceId: existing.id, name: existing.name };
  }

  const proposed = defaultName(connection);
  let name = options.name;
  if (name === undefined && invocation.from !== 'code') {
    name = await services.prompter.input({
      title,
      prompt: vscode.l10n.t('A name for this resource in the list (e.g. dev, test, prod)'),
      value: proposed,
    });
    if (name === undefined) {
      return undefined;
    }
  }
  const resource = await services.registry.addResource(name?.trim() || proposed, connection);
  services.messages.info(vscode.l10n.t('Added "{0}" ({1}).', resource.name, resource.host));
  return { resourceId: resource.id, name: resource.name };
}

async function askConnectionString(services: Services, title: string): Promise<AcsConnectionString | undefined> {
  const fromEnvironment = services.environment[CONNECTION_STRING_VARIABLE]?.trim();
  if (fromEnvironment) {
    const parsed = parseConnectionString(fromEnvironment);
    const choice = await services.prompter.pickOne(
      [
        {
          label: vscode.l10n.t('Use {0}', CONNECTION_STRING_VARIABLE),
          description: parsed.ok ? parsed.value.host : vscode.l10n.t('not a valid connection string'),
          value: 'environment' as const,
          answerId: 'environment',
        },
        { label: vscode.l10n.t('Enter a connection string…'), value: 'enter' as const, answerId: 'enter' },
      ],
      { title, placeHolder: vscode.l10n.t('Which connection string?') },
    );
    if (choice === undefined) {
      return undefined;
    }
    if (choice === 'environment') {
      if (!parsed.ok) {
        services.messages.error(
          vscode.l10n.t('{0} does not hold a valid connection string: {1}', CONNECTION_STRING_VARIABLE, describeConnectionStringProblem(parsed)),
        );
        return undefined;
      }
      return parsed.value;
    }
  }
  const text = await services.prompter.input({
    title,
    prompt: vscode.l10n.t('The connection string from the Keys page of the resource in the Azure portal'),
    placeHolder: 'endpoint=https://<name>.communication.azure.com/;accesskey=<key>',
    password: true,
    validate: (value) => {
      const parsed = parseConnectionString(value);
      return parsed.ok ? undefined : describeConnectionStringProblem(parsed);
    },
  });
  if (text === undefined) {
    return undefined;
  }
  const parsed = parseConnectionString(text);
  return parsed.ok ? parsed.value : undefined;
}

/** `contoso` for contoso.communication.azure.com, the host itself for loopback. */
function defaultName(connection: AcsConnectionString): string {
  if (connection.isLoopback) {
    return connection.host;
  }
  return connection.host.split('.')[0] || connection.host;
}
