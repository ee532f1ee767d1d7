import * as vscode from 'vscode';
import type { AcsConnectionString } from '../../core/connectionString';
import type { Log } from '../../core/log';
import { configurationFileKind, connectionStringsIn } from '../../core/workspaceConnectionStrings';

export interface WorkspaceConnectionString {
  /** The file, relative to its workspace folder (with the folder's name in a multi-root workspace). */
  readonly file: string;
  /** The variable, setting or configuration path that holds it. */
  readonly name: string;
  readonly connection: AcsConnectionString;
}

const CONFIGURATION_FILES = '**/{.env*,local.settings.json,appsettings*.json}';
const MAX_FILES = 200;
const MAX_FILE_BYTES = 1024 * 1024;
const SEARCH_TIMEOUT_MS = 5000;

/**
 * The ACS connection strings of the workspace's `.env*`, local.settings.json and appsettings*.json
 * files, each once (the first file that has it, nearest the folder's root first).
 *
 * `findFiles` always leaves out what `files.exclude` hides; `search.exclude` (node_modules, …) is
 * passed as its exclude argument, which it adds to those. Git's ignore files are deliberately not
 * applied (and `findFiles` has no way to, in VS Code 1.90): `.env` and local.settings.json are
 * git-ignored by design, precisely because they hold secrets such as these.
 */
export async function findWorkspaceConnectionStrings(log: Log): Promise<WorkspaceConnectionString[]> {
  if (!vscode.workspace.workspaceFolders?.length) {
    return [];
  }
  const cancellation = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancellation.cancel(), SEARCH_TIMEOUT_MS);
  let files: vscode.Uri[];
  try {
    files = await vscode.workspace.findFiles(CONFIGURATION_FILES, searchExcludes(), MAX_FILES, cancellation.token);
  } catch (error) {
    log.warn(`Could not search the workspace for connection strings: ${String(error)}`);
    return [];
  } finally {
    clearTimeout(timer);
    cancellation.dispose();
  }
  const found: WorkspaceConnectionString[] = [];
  const seen = new Set<string>();
  for (const uri of files.sort(byDepthThenPath)) {
    const kind = configurationFileKind(uri.path);
    const text = kind && (await readSmallFile(uri, log));
    for (const { name, connection } of kind && text ? connectionStringsIn(kind, text) : []) {
      if (!seen.has(connection.canonical)) {
        seen.add(connection.canonical);
        found.push({ file: vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1), name, connection });
      }
    }
  }
  if (found.length > 0) {
    log.info(`Connection strings found in the workspace: ${found.map((entry) => `${entry.connection.host} in ${entry.file}`).join(', ')}`);
  }
  return found;
}

/**
 * The `search.exclude` patterns that are on, as one glob. Left out: those with a `when` (they depend
 * on sibling files) and those with braces of their own (globs do not nest them).
 */
function searchExcludes(): string | undefined {
  const setting = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude') ?? {};
  const patterns = Object.entries(setting)
    .filter(([pattern, on]) => on === true && !/[{}]/.test(pattern))
    .map(([pattern]) => pattern);
  return patterns.length > 0 ? `{${patterns.join(',')}}` : undefined;
}

function byDepthThenPath(a: vscode.Uri, b: vscode.Uri): number {
  return a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path);
}

async function readSmallFile(uri: vscode.Uri, log: Log): Promise<string | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_FILE_BYTES) {
      return undefined;
    }
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    log.warn(`Could not read ${uri.toString()}: ${String(error)}`);
    return undefined;
  }
}
