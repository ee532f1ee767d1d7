import * as vscode from 'vscode';
import type { Log } from '../core/log';
import { redactSecrets } from '../core/redact';

/**
 * The "ACS Identities" log channel. Everything written here goes through `redactSecrets` first
 * (connection strings, tokens, HMAC signatures).
 */
export class Logger implements Log, vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  debug(message: string): void {
    this.channel.debug(redactSecrets(message));
  }

  info(message: string): void {
    this.channel.info(redactSecrets(message));
  }

  warn(message: string): void {
    this.channel.warn(redactSecrets(message));
  }

  /** Logs an error with its stack (and its cause chain), redacted. */
  error(message: string, error?: unknown): void {
    const details = error === undefined ? '' : `\n${describeError(error)}`;
    this.channel.error(redactSecrets(message + details));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  const tags = [typeof statusCode === 'number' ? `status ${statusCode}` : '', typeof code === 'string' ? `code ${code}` : ''].filter(Boolean).join(', ');
  const text = `${error.stack ?? `${error.name}: ${error.message}`}${tags ? ` (${tags})` : ''}`;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && depth < 3 ? `${text}\nCaused by: ${describeError(cause, depth + 1)}` : text;
}
