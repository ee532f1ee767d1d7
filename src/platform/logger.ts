import * as vscode from 'vscode';
import type { Log } from '../core/log';
import { redactSecrets } from '../core/redact';

/**
 * The "ACS Identities" log channel. Everything written here goes through `redactSecrets` first
 * (connection strings, tokens, HMAC signatures). Each line written is also announced on
 * `onDidWrite`, as written, so that the secret audit test reads exactly what reached the channel.
 */
export class Logger implements Log, vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly writtenEmitter = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.writtenEmitter.event;

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  debug(message: string): void {
    this.channel.debug(this.written(message));
  }

  info(message: string): void {
    this.channel.info(this.written(message));
  }

  warn(message: string): void {
    this.channel.warn(this.written(message));
  }

  /** Logs an error with its stack (and its cause chain), redacted. */
  error(message: string, error?: unknown): void {
    const details = error === undefined ? '' : `\n${describeError(error)}`;
    this.channel.error(this.written(message + details));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
    this.writtenEmitter.dispose();
  }

  private written(message: string): string {
    const redacted = redactSecrets(message);
    this.writtenEmitter.fire(redacted);
    return redacted;
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
