/** How long the suite waits for the workbench to show something: generous, the machine may be busy. */
export const UI_TIMEOUT_MS = 20_000;

/**
 * Polls `probe` until `accept` holds, for things no single selector can wait for (a clipboard that
 * changed, a list that lost a row). The error names what was awaited and what was seen last.
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = UI_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) {
        return last;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError === undefined ? JSON.stringify(last) : `error ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}`;
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
