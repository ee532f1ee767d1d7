import * as vscode from 'vscode';
import { addExistingUser } from './addExistingUser';
import { addResource } from './addResource';
import { CommandId } from './commandIds';
import { copyToken } from './copyToken';
import { copyTokenAs } from './copyTokenAs';
import { copyUserId } from './copyUserId';
import { createUser } from './createUser';
import { createUserAndToken } from './createUserAndToken';
import { createUsersInBulk } from './createUsersInBulk';
import { deleteUser } from './deleteUser';
import { exchangeTeamsUserToken } from './exchangeTeamsUserToken';
import { exportUsers } from './exportUsers';
import { forgetUser } from './forgetUser';
import { importUsers } from './importUsers';
import { insertToken } from './insertToken';
import { issueToken } from './issueToken';
import { invocationOf, OPTION_NAMES, optionTypeProblems, unknownOptions, type Invocation } from './flows/options';
import { quoteForMessage } from '../core/displayText';
import { refresh } from './refresh';
import { removeDamagedRecords } from './removeDamagedRecords';
import { removeResource } from './removeResource';
import { renameUser } from './renameUser';
import { revokeTokens } from './revokeTokens';
import type { Services } from './services';
import { showTokenClaims } from './showTokenClaims';
import { startEmulator } from './startEmulator';

type Handler = (services: Services, invocation: Invocation) => unknown;

/** Command id → handler. Each handler is in its own file; package.json lists the same ids. */
export const COMMAND_HANDLERS: Readonly<Record<CommandId, Handler>> = {
  [CommandId.addResource]: addResource,
  [CommandId.removeResource]: removeResource,
  [CommandId.startEmulator]: startEmulator,
  [CommandId.createUser]: createUser,
  [CommandId.createUserAndToken]: createUserAndToken,
  [CommandId.issueToken]: issueToken,
  [CommandId.revokeTokens]: revokeTokens,
  [CommandId.deleteUser]: deleteUser,
  [CommandId.copyToken]: copyToken,
  [CommandId.copyUserId]: copyUserId,
  [CommandId.addExistingUser]: addExistingUser,
  [CommandId.renameUser]: renameUser,
  [CommandId.forgetUser]: forgetUser,
  [CommandId.showTokenClaims]: showTokenClaims,
  [CommandId.refresh]: refresh,
  [CommandId.createUsersInBulk]: createUsersInBulk,
  [CommandId.removeDamagedRecords]: removeDamagedRecords,
  [CommandId.exchangeTeamsUserToken]: exchangeTeamsUserToken,
  [CommandId.copyTokenAs]: copyTokenAs,
  [CommandId.insertToken]: insertToken,
  [CommandId.exportUsers]: exportUsers,
  [CommandId.importUsers]: importUsers,
  // The sign-in to Azure is a bundle of its own, loaded when one of its commands first runs.
  [CommandId.addResourceFromAzure]: (services, invocation) => services.signIn.run('addResourceFromAzure', invocation),
  [CommandId.fetchKey]: (services, invocation) => services.signIn.run('fetchKey', invocation),
  [CommandId.signIn]: (services, invocation) => services.signIn.run('signIn', invocation),
  [CommandId.signOut]: (services, invocation) => services.signIn.run('signOut', invocation),
};

/**
 * Registers every command. A handler gets the clicked node (tree), an options object (code) or
 * nothing (palette), and returns its result to `executeCommand` callers. Handlers present their
 * own expected failures; anything unexpected is presented here, never thrown at VS Code (which
 * would show a raw message that could carry SDK text).
 */
export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMAND_HANDLERS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (arg: unknown, selection: unknown) => {
      const invocation = invocationOf(arg, selection);
      if (invocation.from === 'code' && !optionsAreWellTyped(services, id, invocation.options)) {
        return undefined;
      }
      try {
        return await handler(services, invocation);
      } catch (error) {
        services.errors.present(error, { failed: vscode.l10n.t('The command failed.') });
        return undefined;
      }
    }),
  );
}

/** An options object with an unknown option or a value of the wrong type is refused before the command starts, naming the option. */
function optionsAreWellTyped(services: Services, commandId: string, options: object): boolean {
  const unknown = unknownOptions(options);
  for (const option of unknown) {
    services.messages.error(vscode.l10n.t('{0}: there is no option "{1}"; the options are {2}.', commandId, quoteForMessage(option, 30), OPTION_NAMES.join(', ')));
  }
  const problems = optionTypeProblems(options);
  for (const { option, expected } of problems) {
    services.messages.error(
      expected === 'string'
        ? vscode.l10n.t('{0}: the "{1}" option must be a string.', commandId, option)
        : expected === 'number'
          ? vscode.l10n.t('{0}: the "{1}" option must be a number.', commandId, option)
          : vscode.l10n.t('{0}: the "{1}" option must be an array of strings.', commandId, option),
    );
  }
  return unknown.length === 0 && problems.length === 0;
}
