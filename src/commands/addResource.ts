import * as vscode from 'vscode';
import { parseConnectionString, type AcsConnectionString } from '../core/connectionString';
import { describeConnectionStringProblem } from '../platform/wording';
import { optionsOf, type Invocation } from './flows/options';
import { findWorkspaceConnectionStrings } from './flows/workspaceConnectionStrings';
import type { PickItem } from '../ui/prompts';
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

/**
 * Offers the connection strings at hand first: the quickstarts' variable when it is set, then those
 * of the workspace's configuration files (each shown by its host and file, never its key).
 */
async function askConnectionString(services: Services, title: string): Promise<AcsConnectionString | undefined> {
  const fromEnvironment = services.environment[CONNECTION_STRING_VARIABLE]?.trim();
  const inWorkspace = await findWorkspaceConnectionStrings(services.logger);
  if (fromEnvironment || inWorkspace.length > 0) {
    const parsed = fromEnvironment ? parseConnectionString(fromEnvironment) : undefined;
    type Choice = { readonly from: 'environment' } | { readonly from: 'workspace'; readonly connection: AcsConnectionString } | { readonly from: 'enter' };
    const items: PickItem<Choice>[] = [
      ...(parsed
        ? [
            {
              label: vscode.l10n.t('Use {0}', CONNECTION_STRING_VARIABLE),
              description: parsed.ok ? parsed.value.host : vscode.l10n.t('not a valid connection string'),
              value: { from: 'environment' as const },
              answerId: 'environment',
            },
          ]
        : []),
      ...inWorkspace.map(({ file, name, connection }) => ({
        label: connection.host,
        description: vscode.l10n.t('{0} in {1}', name, file),
        value: { from: 'workspace' as const, connection },
        answerId: `${file}#${name}`,
      })),
      { label: vscode.l10n.t('Enter a connection string…'), value: { from: 'enter' as const }, answerId: 'enter' },
    ];
    const choice = await services.prompter.pickOne(items, { title, placeHolder: vscode.l10n.t('Which connection string?') });
    if (choice === undefined) {
      return undefined;
    }
    if (choice.from === 'workspace') {
      return choice.connection;
    }
    if (choice.from === 'environment' && parsed) {
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
