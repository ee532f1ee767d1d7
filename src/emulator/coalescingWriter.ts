/**
 * Runs `write` so that writes never overlap and bursts of changes share one write: a save asked
 * for while a write runs is served by the next write, which captures every change made until it starts.
 */
export class CoalescingWriter {
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(private readonly write: () => Promise<void>) {}

  /** Resolves once a write that started after this call has completed. */
  save(): Promise<void> {
    if (!this.queued) {
      const next = this.running.then(() => {
        this.queued = undefined;
        return this.write();
      });
      this.queued = next;
      this.running = next.catch(() => undefined);
    }
    return this.queued;
  }

  /** Resolves when every write asked for so far has finished, whether or not it succeeded. */
  idle(): Promise<void> {
    return this.running;
  }
}
