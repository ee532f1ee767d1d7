/**
 * Where the layers below the UI write what happened. The extension's implementation is the
 * "ACS Identities" log channel (platform/logger.ts), which masks secrets before writing.
 */
export interface Log {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Logs an error with its stack and cause chain. */
  error(message: string, error?: unknown): void;
}
