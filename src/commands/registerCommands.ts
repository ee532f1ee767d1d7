import * as vscode from 'vscode';
import { addExistingUser } from './addExistingUser';
import { addResource } from './addResource';
import { CommandId } from './commandIds';
import { copyToken } from './copyToken';
import { copyUserId } from './copyUserId';
import { createUser } from './createUser';
import { createUserAndToken } from './createUserAndToken';
import { deleteUser } from './deleteUser';
import { forgetUser } from './forgetUser';
import { issueToken } from './issueToken';
import { invocationOf, type Invocation } from './flows/options';
import { refresh } from './refresh';
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
};

/**
 * Registers every command. A handler gets the clicked node (tree), an options object (code) or
 * nothing (palette), and returns its result to `executeCommand` callers. Handlers present their
 * own expected failures; anything unexpected is presented here, never thrown at VS Code (which
 * would show a raw message that could carry SDK text).
 */
export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMAND_HANDLERS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (arg: unknown) => {
      try {
        return await handler(services, invocationOf(arg));
      } catch (error) {
        services.errors.present(error, { failed: vscode.l10n.t('The command failed.') });
        return undefined;
      }
    }),
  );
}
