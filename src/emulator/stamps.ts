/**
 * Strictly increasing millisecond stamps for token issues and revocations. A revoke and an issue
 * in the same millisecond must still be ordered (a token issued right after a revoke is valid,
 * one issued right before is not), so no two events share a stamp; under bursts the stamps run at
 * most a few milliseconds ahead of the clock.
 */
export class EventStamps {
  private last: number;

  constructor(
    private readonly clock: () => number,
    /** The latest stamp already handed out, e.g. a persisted revocation time. */
    floor = 0,
  ) {
    this.last = floor;
  }

  next(): number {
    this.last = Math.max(this.clock(), this.last + 1);
    return this.last;
  }
}
