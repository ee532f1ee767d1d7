import * as path from 'node:path';
import * as vscode from 'vscode';
import { isUserMapFormat, userMapFormatOf, type UserMapFormat } from '../../core/userMap';
import type { Services } from '../services';
import { optionsOf, type Invocation } from './options';

export interface UserMapFile {
  readonly uri: vscode.Uri;
  readonly format: UserMapFormat;
  /** How messages name it: its file name. */
  readonly name: string;
}

/**
 * The file of an export or an import: from code the `file` option (a path, relative to the first
 * workspace folder, or a URI) and `format` (else the file's extension); otherwise a file dialog,
 * the format following the extension of the chosen file (JSON unless it ends in .csv).
 */
export async function userMapFile(services: Services, invocation: Invocation, title: string, dialog: 'save' | 'open', defaultName?: string): Promise<UserMapFile | undefined> {
  const options = optionsOf(invocation);
  if (options.format !== undefined && !isUserMapFormat(options.format)) {
    services.messages.error(vscode.l10n.t('{0}: the "format" option must be json or csv.', title));
    return undefined;
  }
  let text: string | undefined;
  if (invocation.from === 'code') {
    text = options.file?.trim();
    if (!text) {
      services.messages.error(vscode.l10n.t('{0}: the "file" option is required (a path or a file URI).', title));
      return undefined;
    }
  } else {
    const filters = { [vscode.l10n.t('JSON')]: ['json'], [vscode.l10n.t('CSV')]: ['csv'] };
    text = dialog === 'save' ? await services.prompter.saveFile({ title, filters, defaultName }) : await services.prompter.openFile({ title, filters });
    if (text === undefined) {
      return undefined;
    }
  }
  const uri = toUri(text);
  const name = path.posix.basename(uri.path);
  const format = options.format ?? userMapFormatOf(name) ?? (invocation.from === 'code' ? undefined : 'json');
  if (!format) {
    services.messages.error(vscode.l10n.t('{0}: {1} does not end in .json or .csv; name its format with the "format" option.', title, name));
    return undefined;
  }
  return { uri, format, name };
}

/** A URI has a scheme of two characters or more (`C:\…` is a Windows path); a relative path is the workspace's. */
function toUri(text: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:/i.test(text)) {
    return vscode.Uri.parse(text, true);
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return path.isAbsolute(text) || !folder ? vscode.Uri.file(text) : vscode.Uri.joinPath(folder, text);
}
